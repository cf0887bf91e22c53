// The executor's own rules, with a stand-in engine (no Docker): the plan's order drives execution, samples are
// interleaved round by round, native is skipped without the host's tools, a failing step fails every measure of
// its sandbox and only that sandbox, a strategy that cannot run here is skipped, Ctrl-C keeps what was measured and
// cleans up, and a settle step runs untimed, its wait and the sync record kept.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Executor, type ExecutionSettings } from '../../src/bench/executor.js';
import { planRun } from '../../src/bench/plan.js';
import type { ImplementedStrategy } from '../../src/model/strategies.js';
import { SECONDS, wallTime, type Workload } from '../../src/workloads/workload.js';
import { QUIET, StandInEngine, standInTarget, type Script } from '../../src/bench/stand-in-engine.js';
import { assertEvery } from '../helpers/assert-every.js';

const settings: ExecutionSettings = { runId: 'r', workDir: '/nowhere', sampling: { kind: 'fixed', runs: 2 }, warmup: 1, image: null, order: 'interleaved', hostNpm: null };

/** A workload of one step named after it; `prime` set: it needs a cache, so native needs the host's npm. */
function workload(name: string, options: { prime?: boolean; twoMeasures?: boolean } = {}): Workload {
  return {
    name,
    description: name,
    fixtureDir: '/nowhere',
    copyExclude: [],
    dependencyDirs: [],
    setup: null,
    steps: [{ name: 'step', command: () => `${name} step` }],
    measures: options.twoMeasures
      ? [
          { key: 'a', metric: SECONDS, step: 'step', read: (r) => (r.values.a as number) ?? null },
          { key: 'b', metric: SECONDS, step: 'step', read: (r) => (r.values.b as number) ?? null, mayBeMissing: 'b can be missing' },
        ]
      : [wallTime('step')],
    reset: `reset ${name}`,
    prime: options.prime ? () => 'prime' : null,
    hostRequirements: ['node', 'npm'],
  };
}

async function execute(engine: StandInEngine, strategies: ImplementedStrategy[], workloads: Workload[], more: Partial<ExecutionSettings> = {}) {
  const executor = new Executor({ ...settings, ...more }, QUIET);
  const execution = await executor.execute([standInTarget('p', engine)], planRun(['p'], strategies, workloads));
  return { execution, executor };
}

const steps = (engine: StandInEngine) => engine.log.filter((l) => l.endsWith(' step'));

describe('sample order', () => {
  it('sequential order runs each sandbox to its end', async () => {
    const engine = new StandInEngine();
    await execute(engine, ['container', 'bind'], [workload('w')], { order: 'sequential' });
    assert.deepEqual(steps(engine), ['container: w step', 'container: w step', 'container: w step', 'bind: w step', 'bind: w step', 'bind: w step']);
  });
  it('the executor takes warm-up and measured samples of every sandbox in that order, each after its reset', async () => {
    const engine = new StandInEngine();
    await execute(engine, ['container', 'bind'], [workload('w')]);
    assert.deepEqual(steps(engine), ['container: w step', 'bind: w step', 'container: w step', 'bind: w step', 'container: w step', 'bind: w step']);
    const firstSample = engine.log.indexOf('container: w step');
    assert.equal(engine.log[firstSample - 1], 'container: (reset w) && sync', 'reset and flush before the sample, untimed');
  });
  it('walks the plan: platform by platform, workload by workload, and cleans each platform up', async () => {
    const [a, b] = [new StandInEngine(undefined, 'a'), new StandInEngine(undefined, 'b')];
    const executor = new Executor(settings, QUIET);
    const plan = planRun(['a', 'b'], ['volume'], [workload('w1'), workload('w2')]);
    const execution = await executor.execute([standInTarget('b', b), standInTarget('a', a)], plan);
    assert.deepEqual(execution.platforms.map((p) => p.name), ['a', 'b']);
    assert.deepEqual(a.log.filter((l) => /^(useImage|fileSharing|prime|open|dispose|cleanUp)/.test(l)), [
      'useImage', 'fileSharing', 'prime w1', 'open w1/volume', 'dispose w1/volume', 'prime w2', 'open w2/volume', 'dispose w2/volume', 'cleanUp',
    ]);
    assert.deepEqual(execution.cells.map((c) => c.id), ['a/w1/volume', 'a/w2/volume', 'b/w1/volume', 'b/w2/volume']);
    assert.deepEqual(execution.platforms[0].identity?.fileSharing, { mechanism: 'none', fstype: 'ext4', mountinfo: null });
    assert.deepEqual([a.donors, b.donors], [['b'], ['a']], 'every other platform may lend its image');
  });
});

describe('cell status', () => {
  it('skips native when the workload needs a cache the host cannot prime (no npm on the host)', async () => {
    const engine = new StandInEngine();
    const { execution } = await execute(engine, ['native', 'container'], [workload('w', { prime: true })]);
    const [native, container] = execution.cells;
    assert.equal(native.status, 'skipped');
    assert.equal(native.reason, 'needs node and npm on the host');
    assert.ok(!engine.log.includes('open w/native'), 'no sandbox for a skipped cell');
    assert.equal(container.status, 'ok');
    assert.equal(container.samples.length, 3);
  });
  it('a failing step fails every measure of its sandbox, which stops; the other sandboxes go on', async () => {
    const script: Script = (strategy, command, n) =>
      strategy === 'bind' && command.endsWith('step') && n === 1 ? { exitCode: 3, output: 'npm ERR! broke' } : { values: { a: 1, b: 2 } };
    const engine = new StandInEngine(script);
    const { execution } = await execute(engine, ['container', 'bind'], [workload('w', { twoMeasures: true })]);
    const bind = execution.cells.filter((c) => c.strategy === 'bind');
    assert.deepEqual(bind.map((c) => c.status), ['failed', 'failed']);
    for (const cell of bind) {
      assert.equal(cell.reason, 'sample 2 exited with 3: npm ERR! broke');
      assert.deepEqual(cell.samples.map((s) => s.value), [cell.measure === 'a' ? 1 : 2, null], 'the sample before the failure is kept');
      assert.equal(cell.samples[1].outputTail, 'npm ERR! broke');
    }
    assert.equal(steps(engine).filter((l) => l.startsWith('bind')).length, 2, 'bind stops at its failure');
    assertEvery(execution.cells.filter((c) => c.strategy === 'container'), (c) => c.status === 'ok' && c.samples.length === 3, 'every container cell took its three samples');
  });
  it('a figure that may be missing is a note, one that must be there fails the cell', async () => {
    const engine = new StandInEngine(() => ({ values: {} }));
    const { execution } = await execute(engine, ['volume'], [workload('w', { twoMeasures: true })]);
    const [a, b] = execution.cells;
    assert.equal(a.status, 'failed');
    assert.equal(a.reason, 'sample 1: step step did not report its a figure');
    assert.equal(b.status, 'ok');
    assert.deepEqual(b.notes, ['b can be missing']);
  });
  it('a platform whose image cannot be found is skipped with the reason, cleaned up, and the next one runs', async () => {
    const [broken, fine] = [new StandInEngine(), new StandInEngine()];
    broken.failing.useImage = 'image x is not on this platform';
    const executor = new Executor(settings, QUIET);
    const execution = await executor.execute([standInTarget('a', broken), standInTarget('b', fine)], planRun(['a', 'b'], ['volume'], [workload('w')]));
    assert.equal(execution.cells[0].status, 'skipped');
    assert.equal(execution.cells[0].reason, 'image x is not on this platform');
    assert.equal(execution.platforms[0].error, 'image x is not on this platform');
    assert.ok(broken.log.includes('cleanUp'));
    assert.equal(execution.cells[1].status, 'ok');
  });
  it('a sandbox that cannot be set up fails its cells with the reason', async () => {
    const engine = new StandInEngine();
    engine.failing.openSandbox = 'no space left on device';
    const { execution } = await execute(engine, ['volume'], [workload('w')]);
    assert.equal(execution.cells[0].status, 'failed');
    assert.equal(execution.cells[0].reason, 'could not set up: no space left on device');
  });
  it('a strategy that cannot run here (no sync engine) is skipped with its reason, not failed', async () => {
    const engine = new StandInEngine();
    engine.failing.unavailable = 'no sync engine: install unison';
    const { execution } = await execute(engine, ['volume'], [workload('w')]);
    assert.deepEqual([execution.cells[0].status, execution.cells[0].reason], ['skipped', 'no sync engine: install unison']);
  });
});

describe('interrupts and settling', () => {
  it('Ctrl-C mid-run keeps the samples taken, marks the rest interrupted, and removes everything', async () => {
    let executor!: Executor;
    const engine = new StandInEngine((strategy, command, n) => {
      if (strategy === 'bind' && command.endsWith('step') && n === 1) executor.interrupt();
      return {};
    });
    executor = new Executor(settings, QUIET);
    const plan = planRun(['p', 'q'], ['container', 'bind'], [workload('w')]);
    const later = new StandInEngine();
    const execution = await executor.execute([standInTarget('p', engine), standInTarget('q', later)], plan);
    assert.equal(execution.interrupted, true);
    const [container, bind, ...notStarted] = execution.cells;
    assert.deepEqual([container.status, bind.status], ['interrupted', 'interrupted']);
    assert.equal(container.samples.length, 2, 'samples before Ctrl-C are kept');
    assert.ok(engine.log.includes('interrupt') && engine.log.includes('dispose w/container') && engine.log.includes('cleanUp'));
    assertEvery(notStarted, (c) => c.status === 'interrupted' && c.reason === 'run interrupted before this platform', 'every cell of a platform not started is marked interrupted, with why');
    assert.deepEqual(later.log, [], 'a platform after the interrupt is not touched');
  });
  it('a sandbox that must settle does so after each reset and each timed step, and each sample records its wait', async () => {
    const engine = new StandInEngine();
    engine.settles = true;
    const { execution } = await execute(engine, ['volume'], [workload('w')], { warmup: 0, sampling: { kind: 'fixed', runs: 2 } });
    const sampling = engine.log.filter((l) => l.startsWith('volume: '));
    const round = ['volume: (reset w) && sync', 'volume: settle', 'volume: w step', 'volume: settle'];
    assert.deepEqual(sampling, [...round, ...round]);
    assert.deepEqual(execution.cells[0].samples.map((s) => s.settleSeconds), [0.5, 0.5]);
  });
  it('what a platform\'s clean-up could not remove becomes a note of the run', async () => {
    const engine = new StandInEngine();
    engine.leftBehind = ['stand-in: 1 container(s) and 0 volume(s) labelled mountbench.run=r could not be removed'];
    const { execution } = await execute(engine, ['volume'], [workload('w')], { warmup: 0, sampling: { kind: 'fixed', runs: 1 } });
    assert.deepEqual(execution.notes, engine.leftBehind);
  });
  it('what a sandbox records besides its samples goes to each of its cells, its notes once each', async () => {
    const engine = new StandInEngine();
    const sync = { engine: 'unison', title: 'unison 2.52.1', how: 'polling', ignored: [], initialSyncSeconds: 1, engineCpuSeconds: 2, correctness: null };
    engine.record = { fields: { sync }, notes: ['the engine was started again', 'the engine was started again'] };
    const { execution } = await execute(engine, ['volume'], [workload('w', { twoMeasures: true })], { warmup: 0, sampling: { kind: 'fixed', runs: 1 } });
    assert.equal(execution.cells.length, 2);
    for (const cell of execution.cells) {
      assert.equal(cell.sync?.title, 'unison 2.52.1');
      assert.deepEqual(cell.notes.filter((n) => n === 'the engine was started again'), ['the engine was started again'], cell.id);
    }
  });
});
