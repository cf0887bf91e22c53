// --quiet-wait's waiting counts toward --max-time: on a machine that never quiets down, a run with --max-time still
// ends sampling by it (give or take a round), waiting only what the time left allows; and the budget each wait gets.
// Driven through the executor with a stand-in engine and a stand-in load reader, so the rounds and waits are real.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Executor, type ExecutionSettings } from '../../src/bench/executor.js';
import type { LoadReading } from '../../src/bench/machine-load.js';
import { planRun } from '../../src/bench/plan.js';
import { QUIET, StandInEngine, standInTarget } from '../../src/bench/stand-in-engine.js';
import { waitForQuiet } from '../../src/bench/quiet-wait.js';
import { waitBudget } from '../../src/bench/stop-rule.js';
import { planLooks, type LookPlan } from '../../src/stats/looks.js';
import { wallTime, type Workload } from '../../src/workloads/workload.js';

const workload: Workload = {
  name: 'w', description: 'w', fixtureDir: '/nowhere', copyExclude: [], dependencyDirs: [], setup: null,
  steps: [{ name: 'step', command: () => 'step' }], measures: [wallTime('step')], reset: 'true', prime: null, hostRequirements: [],
};
const auto = (maxSeconds: number | null): ExecutionSettings['sampling'] => ({ kind: 'auto', looks: planLooks([10, 20, 30]) as LookPlan, margin: 0.1, precision: null, maxSeconds });
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A load reader that finds the machine busy every time, each reading taking 100 ms; it counts its readings. */
function alwaysBusy() {
  let readings = 0;
  const readLoad = async (): Promise<LoadReading> => {
    readings++;
    await sleep(100);
    return { share: 0.9, cores: 2, top: [], seconds: 0.1 };
  };
  return { readLoad, readings: () => readings };
}

describe('--quiet-wait under --max-time', () => {
  it('on a machine that never quiets down, ends sampling by --max-time however long --quiet-wait would wait', { timeout: 30_000 }, async () => {
    const maxSeconds = 3;
    const reader = alwaysBusy();
    // bind alternates half and twice native's time: its ratio stays undecided, so only --max-time stops it.
    const engine = Object.assign(new StandInEngine((strategy, _command, n) => ({ wallSeconds: strategy === 'bind' ? (n % 2 ? 0.5 : 2) : 1 })), { delayMs: 50 });
    const settings: ExecutionSettings = {
      runId: 'r', workDir: '/nowhere', sampling: auto(maxSeconds), warmup: 1, image: null, order: 'interleaved', hostNpm: null,
      loadWatch: { quietWaitSeconds: 600, readLoad: reader.readLoad },
    };
    const started = performance.now();
    const execution = await new Executor(settings, QUIET).execute([standInTarget('p', engine)], planRun(['p'], ['native', 'bind'], [workload]));
    const seconds = (performance.now() - started) / 1000;

    assert.deepEqual(execution.stopping.map((s) => s.rule), ['max-time']);
    assert.ok(execution.stopping[0].samples >= 1, 'at least one measured round');
    // A round takes about 0.2 s here (two sandboxes, a reset and a step each of 50 ms): a second is ample slack.
    assert.ok(seconds <= maxSeconds + 1, `sampling took ${seconds.toFixed(2)} s, past --max-time ${maxSeconds} s`);
    assert.ok(reader.readings() >= 10, `it did wait, as long as the time allowed (${reader.readings()} readings of 0.1 s)`);
    assert.ok(
      execution.notes.some((n) => /^p: \d+ of \d+ rounds? waited less than the --quiet-wait 600s, or not at all, so that sampling ended by --max-time$/.test(n)),
      execution.notes.join('\n'),
    );
  });
});

describe('waitBudget', () => {
  it('is unlimited without --max-time, and with a fixed count', () => {
    assert.equal(waitBudget(auto(null), 10, 1, 2), null);
    assert.equal(waitBudget({ kind: 'fixed', runs: 7 }, 10, 1, 2), null);
  });
  it('before the first round, whose length is not known, is half the time left', () => {
    assert.equal(waitBudget(auto(60), 0, 2, null), 30);
  });
  it('then leaves the rounds still owed as long as the longest round so far, each', () => {
    assert.equal(waitBudget(auto(60), 20, 1, 5), 35);
    assert.equal(waitBudget(auto(60), 20, 2, 5), 30);
  });
  it('is never negative once the time is up', () => {
    assert.equal(waitBudget(auto(60), 58, 1, 5), 0);
    assert.equal(waitBudget(auto(60), 75, 1, 5), 0);
  });
});

describe('waitForQuiet\'s limit', () => {
  it('starts no reading that would end past it: readings of 2 s within 5 s are two, 4 s', async () => {
    let clock = 0;
    const read = async (): Promise<LoadReading> => ((clock += 2), { share: 0.9, cores: 2, top: [], seconds: 2 });
    const outcome = await waitForQuiet(read, 5, undefined, () => clock);
    assert.deepEqual([outcome.quiet, outcome.busyReadings, outcome.waitedSeconds], [false, 2, 4]);
  });
});
