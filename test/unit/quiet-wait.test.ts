// --quiet-wait's loop over a stand-in load reader and clock: it waits while the machine is busy, at most its limit;
// and the flag as the CLI takes it (on the stand-in platform of --debug-mode, which has no load of its own to read).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { LoadReading } from '../../src/bench/machine-load.js';
import { DEFAULT_QUIET_WAIT_SECONDS, waitForQuiet } from '../../src/bench/quiet-wait.js';
import { parseRunDocument } from '../../src/results/store.js';
import { runCli } from '../helpers/cli.js';

/** A reader whose readings each take 2 s of a stand-in clock and return the given shares in turn (the last repeats). */
function standIn(shares: number[]) {
  let clock = 0;
  let calls = 0;
  const read = async (): Promise<LoadReading> => {
    clock += 2;
    return { share: shares[Math.min(calls++, shares.length - 1)], cores: 2, top: [], seconds: 2 };
  };
  return { read, now: () => clock, calls: () => calls };
}

describe('waitForQuiet', () => {
  it('waits through 3 busy readings and goes on at the first quiet one', async () => {
    const reader = standIn([0.5, 0.5, 0.4, 0.02]);
    const heard: number[] = [];
    const outcome = await waitForQuiet(reader.read, 120, (r) => heard.push(r.share), reader.now);
    assert.equal(outcome.quiet, true);
    assert.equal(outcome.busyReadings, 3);
    assert.deepEqual(heard, [0.5, 0.5, 0.4]);
    assert.equal(outcome.waitedSeconds, 8);
  });
  it('does not wait on a quiet machine', async () => {
    const reader = standIn([0.01]);
    const outcome = await waitForQuiet(reader.read, 120, undefined, reader.now);
    assert.deepEqual([outcome.quiet, outcome.busyReadings, reader.calls()], [true, 0, 1]);
  });
  it('gives up at its limit when the load never falls', async () => {
    const reader = standIn([0.9]);
    const outcome = await waitForQuiet(reader.read, 10, undefined, reader.now);
    assert.equal(outcome.quiet, false);
    assert.equal(outcome.waitedSeconds, 10);
    assert.equal(outcome.busyReadings, 5);
    assert.equal(outcome.last.share, 0.9);
  });
});

describe('--quiet-wait on the command line', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'mountbench-quiet-wait-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));
  const run = (out: string, ...flags: string[]) =>
    runCli(['run', '--debug-mode', '--project', scratch, '--command', 'true', '--runs', '1', '--warmup', '0', '--no-history', '-o', join(scratch, out), ...flags]);
  const settingsOf = (out: string) => parseRunDocument(JSON.parse(readFileSync(join(scratch, out, 'run.json'), 'utf8')), out).settings;

  it('alone waits at most the default; with a duration, at most that; the run records it', async () => {
    assert.equal((await run('alone', '--quiet-wait')).code, 0);
    assert.equal(settingsOf('alone').quietWait, DEFAULT_QUIET_WAIT_SECONDS);
    assert.equal((await run('given', '--quiet-wait', '90s')).code, 0);
    assert.equal(settingsOf('given').quietWait, 90);
    assert.equal((await run('without')).code, 0);
    assert.equal(settingsOf('without').quietWait, undefined);
  });
  it('refuses what is not a duration, saying what it expects', async () => {
    const { code, stderr } = await run('bad', '--quiet-wait', 'soon');
    assert.equal(code, 64);
    assert.match(stderr, /--quiet-wait.*expected a duration such as 90s/s);
  });
});
