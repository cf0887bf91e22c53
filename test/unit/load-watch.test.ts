// The machine between rounds, over a scripted load reader: a warning at the start when other work keeps it busy
// (in the progress and as a run note), none when quiet; --quiet-wait waits before every round and, when the load
// never falls, goes on and says so; an interrupted run stops waiting. And each timed step records its other load
// beside its sample.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Executor } from '../../src/bench/executor.js';
import { LoadWatch } from '../../src/bench/load-watch.js';
import { hostCores, shortestStepSeconds, type LoadReading } from '../../src/bench/machine-load.js';
import { planRun } from '../../src/bench/plan.js';
import type { ProgressListener } from '../../src/bench/progress.js';
import { QUIET, StandInEngine, standInTarget } from '../../src/bench/stand-in-engine.js';
import { stepWorkload } from '../helpers/step-workload.js';
import { assertEvery } from '../helpers/assert-every.js';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const reading = (share: number): LoadReading => ({ share, cores: 2, top: share > 0.1 ? [{ pid: 7, comm: 'node', cpuSeconds: 2 * share * 2 }] : [], seconds: 2 });

/** A reader answering the given shares in turn (the last repeats), each after 5 ms; it counts its calls. */
function reader(shares: number[]) {
  let calls = 0;
  const read = async () => {
    await sleep(5);
    return reading(shares[Math.min(calls++, shares.length - 1)]);
  };
  return { read, calls: () => calls };
}

function watchOf(shares: number[], quietWaitSeconds: number | null, interrupted = () => false) {
  const phases: string[] = [];
  const listener: ProgressListener = { ...QUIET, phase: (platform, message) => phases.push(`[${platform}] ${message}`) };
  const r = reader(shares);
  return { watch: new LoadWatch('p', r.read, listener, { quietWaitSeconds }, interrupted), phases, calls: r.calls };
}

describe('LoadWatch', () => {
  it('reads once before the first round and says nothing on a quiet machine', async () => {
    const { watch, phases, calls } = watchOf([0.02], null);
    for (let round = 0; round < 3; round++) await watch.beforeRound();
    assert.equal(calls(), 1);
    assert.deepEqual([phases, watch.notes()], [[], []]);
  });
  it('warns at the start of a busy machine, names the load and its programs and what to do, and notes it', async () => {
    const { watch, phases, calls } = watchOf([0.5], null);
    await watch.beforeRound();
    await watch.beforeRound();
    assert.equal(calls(), 1);
    const warning =
      'the machine is busy at the start: other work kept 1.0 of 2 cores busy (node 1.0 cores); samples taken now compete with it for the CPU and are flagged in the report; close those programs, or run with --quiet-wait to wait for them before each round';
    assert.deepEqual(phases, [`[p] warning: ${warning}`]);
    assert.deepEqual(watch.notes(), [`p: ${warning}`]);
  });
  it('with --quiet-wait, waits before every round until the load falls', async () => {
    const { watch, phases, calls } = watchOf([0.5, 0.4, 0.02], 60);
    await watch.beforeRound();
    assert.equal(calls(), 3);
    await watch.beforeRound();
    assert.equal(calls(), 4, 'the next round reads again: the load had fallen');
    assert.ok(phases[0].startsWith('[p] warning: the machine is busy at the start: other work kept 1.0 of 2 cores busy'), phases[0]);
    assert.ok(phases[0].endsWith('waiting for it to fall before each round (--quiet-wait)'), phases[0]);
    assert.match(phases[1], /^\[p\] waiting for the machine to quiet down \(0s of at most 60s, --quiet-wait\): other work kept 1\.0 of 2 cores busy/);
    assert.equal(watch.notes().length, 1, 'the start warning alone: no round began busy');
  });
  it('with --quiet-wait, goes on after its limit when the load never falls, and notes the rounds that began busy', async () => {
    const { watch, phases } = watchOf([0.45], 0.05);
    await watch.beforeRound();
    await watch.beforeRound();
    assert.equal(phases.filter((p) => p.startsWith('[p] still busy after waiting 0.05s: going on (other work kept 0.9 of 2 cores busy')).length, 2);
    assert.deepEqual(watch.notes().slice(1), ['p: 2 of 2 rounds began on a busy machine after waiting the --quiet-wait 0.05s (at worst other work kept 0.9 of 2 cores busy (node 0.9 cores))']);
  });
  it('stops waiting once the run is interrupted', async () => {
    let stop = false;
    const { watch, calls } = watchOf([0.9], 60, () => stop);
    setTimeout(() => (stop = true), 30);
    const started = performance.now();
    await watch.beforeRound();
    assert.ok(performance.now() - started < 2000, 'returned soon after the interrupt');
    assert.ok(calls() >= 1);
  });
});

describe('each sample\'s other load', () => {
  it('is recorded beside every measured sample of a platform whose host counters are read', async () => {
    const workload = stepWorkload();
    const settings = { runId: 'r', workDir: '/nowhere', sampling: { kind: 'fixed', runs: 2 } as const, warmup: 0, image: null, order: 'interleaved' as const, hostNpm: null };
    // Each step answers after 0.3 s: long enough for the kernel's counters to tell its load (shortestStepSeconds).
    const engine = Object.assign(new StandInEngine(), { delayMs: Math.ceil(shortestStepSeconds(hostCores()) * 1000) + 50 });
    const execution = await new Executor(settings, QUIET).execute([standInTarget('p', engine)], planRun(['p'], ['container', 'bind'], [workload]));
    const samples = execution.cells.flatMap((c) => c.samples);
    assert.equal(samples.length, 4);
    assertEvery(samples, (s) => typeof s.otherLoad === 'number' && s.otherLoad >= 0 && s.otherLoad <= 1, 'a share of the cores');
  });
});
