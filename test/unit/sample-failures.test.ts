// A failed sample says why in words a reader can act on, through the executor with a stand-in engine (no Docker):
// a failing reset fails its sample like a failing step, its output kept; a sample that needed the network while
// running offline names --online instead of ending on npm's debug-log path.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Executor, type ExecutionSettings } from '../../src/bench/executor.js';
import { networkErrorLine } from '../../src/bench/offline-failure.js';
import { planRun } from '../../src/bench/plan.js';
import { wallTime, type Workload } from '../../src/workloads/workload.js';
import { QUIET, StandInEngine, standInTarget, type Script } from '../../src/bench/stand-in-engine.js';

const settings: ExecutionSettings = { runId: 'r', workDir: '/nowhere', sampling: { kind: 'fixed', runs: 2 }, warmup: 0, image: null, order: 'interleaved', hostNpm: null };

/** What npm 11 prints when an offline install asks for a package its cache lacks. */
const ENOTCACHED = [
  'npm error code ENOTCACHED',
  "npm error request to https://registry.npmjs.org/ms failed: cache mode is 'only-if-cached' but no cached response is available.",
  'npm error A complete log of this run can be found in: /root/.npm/_logs/2025-01-01T00_00_00_000Z-debug-0.log',
].join('\n');

function workload(more: Partial<Workload> = {}): Workload {
  return {
    name: 'w',
    description: 'w',
    fixtureDir: '/nowhere',
    copyExclude: [],
    dependencyDirs: ['node_modules'],
    setup: null,
    steps: [{ name: 'install', command: () => 'install' }],
    measures: [wallTime('install')],
    reset: 'empty node_modules',
    prime: () => 'prime',
    hostRequirements: ['node', 'npm'],
    ...more,
  };
}

/** The workload's one container cell after the run, and the stand-in's log. */
async function onlyCell(script: Script, w: Workload) {
  const engine = new StandInEngine(script);
  const execution = await new Executor(settings, QUIET).execute([standInTarget('p', engine)], planRun(['p'], ['container'], [w]));
  return { cell: execution.cells[0], engine };
}

const failingInstall = (output: string): Script => (_, command) => (command === 'install' ? { exitCode: 1, output } : {});

describe('a failing reset', () => {
  it('fails its sample and the cell, naming the reset and its last line, with its output kept', async () => {
    const output = "rm: cannot remove 'node_modules/pkg/index.js': Permission denied";
    const { cell, engine } = await onlyCell((_, command, n) => (command.startsWith('(empty') && n === 1 ? { exitCode: 1, output } : {}), workload());
    assert.equal(cell.status, 'failed');
    assert.equal(cell.reason, `sample 2: the reset step before it exited with 1: ${output}`);
    assert.deepEqual(cell.samples.map((s) => s.value), [1, null], 'the sample before it is kept');
    assert.equal(cell.samples[1].outputTail, output);
    assert.equal(engine.log.filter((l) => l === 'container: install').length, 1, 'no sample is timed after a failed reset');
  });
});

describe('a sample that needed the network', () => {
  it('offline: says so, quotes npm, and names --online', async () => {
    const { cell } = await onlyCell(failingInstall(ENOTCACHED), workload({ offline: true }));
    assert.equal(cell.status, 'failed');
    assert.equal(
      cell.reason,
      'sample 1 needed the network (npm error code ENOTCACHED), but samples run offline from a primed cache: pass --online to let them reach the registry',
    );
    assert.equal(cell.samples[0].outputTail, ENOTCACHED);
  });
  it('offline with nothing primed: says which lockfiles are primed', async () => {
    const { cell } = await onlyCell(failingInstall('npm ERR! code EAI_AGAIN\nnpm ERR! errno EAI_AGAIN'), workload({ offline: true, prime: null }));
    assert.match(cell.reason!, /^sample 1 needed the network \(npm ERR! code EAI_AGAIN\), but samples run offline and nothing primed a cache/);
    assert.match(cell.reason!, /package-lock\.json or npm-shrinkwrap\.json is primed, not pnpm or yarn lockfiles\): pass --online/);
  });
  it('online: the usual reason, npm last line', async () => {
    const { cell } = await onlyCell(failingInstall(ENOTCACHED), workload({ offline: false }));
    assert.match(cell.reason!, /^sample 1 exited with 1: npm error A complete log/);
  });
});

describe('networkErrorLine', () => {
  it("finds npm's network error lines, old and new, and other tools' resolver errors", () => {
    assert.equal(networkErrorLine(ENOTCACHED), 'npm error code ENOTCACHED');
    assert.equal(networkErrorLine('npm WARN x\nnpm ERR! network request to https://r/ failed\nnpm ERR! log'), 'npm ERR! network request to https://r/ failed');
    assert.equal(networkErrorLine(' ERR_PNPM_META_FETCH_FAIL  GET https://r/ms: request to https://r/ms failed, reason: getaddrinfo ENOTFOUND r'), 'ERR_PNPM_META_FETCH_FAIL  GET https://r/ms: request to https://r/ms failed, reason: getaddrinfo ENOTFOUND r');
    assert.equal(networkErrorLine('npm error code ECONNREFUSED\n'), 'npm error code ECONNREFUSED');
  });
  it('finds nothing in a failure that is not about the network', () => {
    assert.equal(networkErrorLine('npm error code ELIFECYCLE\nnpm error command failed\nTypeError: x is not a function'), null);
  });
});
