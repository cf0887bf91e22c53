// When sampling stops: a fixed count, or --runs auto once every ratio to native is known to within the precision
// asked (or a cap is hit). Driven through the executor with a stand-in engine, so the rounds are the real ones.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Executor, type ExecutionSettings } from '../../src/bench/executor.js';
import { planRun } from '../../src/bench/plan.js';
import { stopAfterRound, worstPrecision } from '../../src/bench/stop-rule.js';
import type { Cell } from '../../src/model/run-document.js';
import { wallTime, type Workload } from '../../src/workloads/workload.js';
import { QUIET, StandInEngine, standInTarget, type Script } from '../../src/bench/stand-in-engine.js';

const workload: Workload = {
  name: 'w', description: 'w', fixtureDir: '/nowhere', copyExclude: [], dependencyDirs: [], setup: null,
  steps: [{ name: 'step', command: () => 'step' }], measures: [wallTime('step')], reset: 'true', prime: null, hostRequirements: [],
};

const auto = (precision: number, maxRuns = 30): ExecutionSettings['sampling'] => ({ kind: 'auto', precision, minRuns: 7, maxRuns, maxSeconds: null });

async function run(script: Script, sampling: ExecutionSettings['sampling']) {
  const engine = new StandInEngine(script);
  const settings: ExecutionSettings = { runId: 'r', workDir: '/nowhere', sampling, warmup: 1, image: null, order: 'interleaved', hostNpm: 'npm' };
  return new Executor(settings, QUIET).execute([standInTarget('p', engine)], planRun(['p'], ['native', 'bind'], [workload]));
}

/** Native 10 s and bind 20 s, each sample off by ±spread (alternating), so the ratio is 2 and the noise known. */
const steady = (spread: number): Script => (strategy, _command, n) => ({ wallSeconds: (strategy === 'native' ? 10 : 20) * (1 + (n % 2 === 0 ? spread : -spread)) });

describe('--runs auto', () => {
  it('stops at the first round where every ratio is precise enough, never before 7 samples', async () => {
    const execution = await run(steady(0.001), auto(0.05));
    assert.deepEqual(execution.stopping.map((s) => [s.rule, s.samples]), [['precision', 7]]);
    assert.ok(execution.stopping[0].worstHalfWidth! <= 0.05);
    assert.ok(execution.cells.every((c) => c.samples.filter((s) => !s.warmup).length === 7));
  });
  it('stops at --max-runs when the noise never allows the precision, and says so', async () => {
    const execution = await run(steady(0.3), auto(0.01, 9));
    assert.deepEqual(execution.stopping.map((s) => [s.rule, s.samples]), [['max-runs', 9]]);
    assert.ok(execution.stopping[0].worstHalfWidth! > 0.01);
  });
  it('keeps sampling past the minimum while early wild samples keep the interval wide', async () => {
    // Four wild samples (±50%), then QUIET ones: the order-statistic interval narrows once enough QUIET ones came.
    const wild: Script = (strategy, _c, n) => ({ wallSeconds: (strategy === 'native' ? 10 : 20) * (n < 4 ? 1 + 0.5 * (n % 2) : 1 + 0.001 * (n % 3)) });
    const execution = await run(wild, auto(0.05));
    assert.equal(execution.stopping[0].rule, 'precision');
    assert.ok(execution.stopping[0].samples > 7, `took ${execution.stopping[0].samples}`);
  });
  it('a fixed count stops after that many samples, rule "runs"', async () => {
    const execution = await run(steady(0.01), { kind: 'fixed', runs: 3 });
    assert.deepEqual(execution.stopping.map((s) => [s.rule, s.samples]), [['runs', 3]]);
  });
});

describe('precision of a group of cells', () => {
  const cell = (strategy: Cell['strategy'], values: number[], status: Cell['status'] = 'ok'): Cell => ({
    id: strategy, platform: 'p', strategy, workload: 'w', measure: 'time', metric: { name: 'time', unit: 's', lowerIsBetter: true },
    status, reason: null, mounts: [], runtime: null, notes: [], method: null, summary: null, ratioToNative: null,
    samples: values.map((value, index) => ({ index, warmup: false, startedAt: '', value, wallSeconds: value, exitCode: 0, cpuUserSeconds: null, cpuSystemSeconds: null })),
  });
  it('is the widest ratio half-width, relative to the ratio', () => {
    // By hand: native 40..46 (median 43), bind 80..100 (median 88): ratio 88/43 within [80/46, 100/40].
    const native = cell('native', [40, 41, 42, 43, 44, 45, 46]);
    const bind = cell('bind', [80, 84, 86, 88, 90, 92, 100]);
    const expected = (100 / 40 - 80 / 46) / 2 / (88 / 43);
    assert.ok(Math.abs(worstPrecision([native, bind])! - expected) < 1e-12);
  });
  it('ignores failed cells and cells with no figure; a figure that never moves is exactly known', () => {
    const zeros = cell('bind', [0, 0, 0, 0, 0, 0, 0]);
    assert.equal(worstPrecision([zeros, cell('volume', [], 'ok'), cell('hybrid', [1, 9], 'failed')]), 0);
    assert.equal(worstPrecision([cell('volume', [])]), null);
  });
  it('has no interval yet, so never stops on precision, below the minimum', () => {
    assert.equal(stopAfterRound(auto(0.5), 3, [cell('native', [1, 1, 1])], 0), null);
  });
});
