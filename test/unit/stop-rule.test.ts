// When sampling stops: a fixed count, or --runs auto at the first planned look where every ratio to native has its
// verdict (and its precision, when asked), else at the last look. Driven through the executor with a stand-in
// engine, so the rounds are the real ones.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Executor, type ExecutionSettings } from '../../src/bench/executor.js';
import { planRun } from '../../src/bench/plan.js';
import { lookLines, stopAfterRound } from '../../src/bench/stop-rule.js';
import type { Cell } from '../../src/model/run-document.js';
import { planLooks, type LookPlan } from '../../src/stats/looks.js';
import { wallTime, type Workload } from '../../src/workloads/workload.js';
import { QUIET, StandInEngine, standInTarget, type Script } from '../../src/bench/stand-in-engine.js';

const workload: Workload = {
  name: 'w', description: 'w', fixtureDir: '/nowhere', copyExclude: [], dependencyDirs: [], setup: null,
  steps: [{ name: 'step', command: () => 'step' }], measures: [wallTime('step')], reset: 'true', prime: null, hostRequirements: [],
};

const plan = (looks: number[]) => planLooks(looks) as LookPlan;
const auto = (looks = [10, 20, 30], precision: number | null = null): ExecutionSettings['sampling'] => ({ kind: 'auto', looks: plan(looks), margin: 0.1, precision, maxSeconds: null });

async function run(script: Script, sampling: ExecutionSettings['sampling']) {
  const engine = new StandInEngine(script);
  const phases: string[] = [];
  const listener = { ...QUIET, phase: (_platform: string, message: string) => void phases.push(message) };
  const settings: ExecutionSettings = { runId: 'r', workDir: '/nowhere', sampling, warmup: 1, image: null, order: 'interleaved', hostNpm: 'npm' };
  const execution = await new Executor(settings, listener).execute([standInTarget('p', engine)], planRun(['p'], ['native', 'bind'], [workload]));
  return { execution, looks: phases.filter((p) => p.startsWith('look at')) };
}

/** Native 10 s and bind `ratio` × 10 s; each sample of native off by ±spread (alternating), bind by ±spread every third. */
const noisy = (ratio: number, spread: number): Script => (strategy, _command, n) =>
  strategy === 'native' ? { wallSeconds: 10 * (1 + (n % 2 === 0 ? spread : -spread)) } : { wallSeconds: 10 * ratio * (1 + ((n % 3) - 1) * spread) };

const measured = (cells: readonly Cell[]) => cells.map((c) => c.samples.filter((s) => !s.warmup).length);

describe('--runs auto', () => {
  it('stops at the first look where every ratio has its verdict: a clear 2x is "slower" after 10 samples', async () => {
    const { execution, looks } = await run(noisy(2, 0.02), auto());
    assert.deepEqual(execution.stopping.map((s) => [s.rule, s.samples]), [['verdict', 10]]);
    assert.deepEqual(measured(execution.cells), [10, 10]);
    assert.deepEqual(looks, ['look at 10 samples (99%): every cell has its verdict']);
  });
  it('a ratio on the margin never settles: it stops at the last look, having said at each look what the cell would take', async () => {
    const { execution, looks } = await run(noisy(1.1, 0.05), auto([10, 20]));
    assert.deepEqual(execution.stopping.map((s) => [s.rule, s.samples]), [['max-runs', 20]]);
    assert.equal(looks.length, 2);
    assert.match(looks[0], /^look at 10 samples \(98\.33%\): w bind: undecided, \d\.\d\d–\d\.\d\dx; its verdict would take (about|more than) \d+ samples$/);
    assert.match(looks[1], /^look at 20 samples \(96\.67%\): w bind: undecided/);
  });
  it('judges only at planned looks: a verdict clear from the 6th round still waits for the look at 10', async () => {
    const { execution } = await run(noisy(3, 0.001), auto([10]));
    assert.deepEqual(execution.stopping.map((s) => [s.rule, s.samples]), [['verdict', 10]]);
  });
  it('with --precision, a decided verdict also waits for its interval to narrow', async () => {
    const { execution } = await run(noisy(2, 0.05), auto([10, 20, 30], 0.001));
    assert.deepEqual(execution.stopping.map((s) => s.rule), ['max-runs']);
    assert.ok(execution.stopping[0].worstHalfWidth! > 0.001);
  });
  it('a fixed count stops after that many samples, rule "runs"', async () => {
    const { execution, looks } = await run(noisy(2, 0.01), { kind: 'fixed', runs: 3 });
    assert.deepEqual(execution.stopping.map((s) => [s.rule, s.samples]), [['runs', 3]]);
    assert.deepEqual(looks, []);
  });
});

describe('the rule between looks', () => {
  const cell = (strategy: Cell['strategy'], values: number[]): Cell => ({
    id: strategy, platform: 'p', strategy, workload: 'w', measure: 'time', metric: { name: 'time', unit: 's', lowerIsBetter: true },
    status: 'ok', reason: null, mounts: [], runtime: null, notes: [], method: null, summary: null, ratioToNative: null,
    samples: values.map((value, index) => ({ index, warmup: false, startedAt: '', value, wallSeconds: value, exitCode: 0, cpuUserSeconds: null, cpuSystemSeconds: null })),
  });
  const eleven = Array.from({ length: 11 }, (_, i) => 10 + i * 0.01);
  const cells = [cell('native', eleven), cell('bind', eleven.map((v) => 3 * v))];
  it('takes another round past a look, and says nothing, however clear the ratio', () => {
    assert.equal(stopAfterRound(auto(), 11, cells, 0), null);
    assert.deepEqual(lookLines(auto(), 11, cells), []);
  });
  it('stops at --max-time between looks, with the half-width left', () => {
    const stop = stopAfterRound({ ...auto(), maxSeconds: 60 } as ExecutionSettings['sampling'], 11, cells, 61);
    assert.equal(stop?.rule, 'max-time');
    assert.ok(stop.worstHalfWidth !== null && stop.worstHalfWidth < 0.01, `half-width ${stop.worstHalfWidth}`);
  });
});
