// --quiet-wait's loop over a stand-in load reader and clock: it waits while the machine is busy, at most its limit.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LoadReading } from '../../src/bench/machine-load.js';
import { waitForQuiet } from '../../src/bench/quiet-wait.js';

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
