// The figures workloads report: the line their scripts print, and the watch step's latency and missed share.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readPrintedValues } from '../../src/bench/harness.js';
import { watchFigures } from '../../src/bench/watch.js';

describe('printed values', () => {
  it('reads the last MOUNTBENCH_VALUES line among other output', () => {
    const output = 'npm warn something\nMOUNTBENCH_VALUES {"seconds":1}\nmore\nMOUNTBENCH_VALUES {"seconds":0.25,"entries":3}\n';
    assert.deepEqual(readPrintedValues(output), { seconds: 0.25, entries: 3 });
  });
  it('is empty when a command printed none, or a broken one', () => {
    assert.deepEqual(readPrintedValues('added 3 packages in 1s\n'), {});
    assert.deepEqual(readPrintedValues('MOUNTBENCH_VALUES {"seconds":'), {});
  });
});

describe('watch figures', () => {
  it('gives p50 and p95 of the events seen and the share missed', () => {
    const figures = watchFigures([1, 2, 3, 4, null, 5, 6, 7, 8, 9, 10, null, 11, 12, 13, 14, 15, 16, 17, 18]);
    assert.equal(figures.missed, 10);
    assert.equal(figures.p50, 9.5);
    assert.ok(figures.p95! > 17 && figures.p95! <= 18);
  });
  it('has no latency when nothing arrived, and misses everything', () => {
    assert.deepEqual(watchFigures([null, null, null]), { p50: null, p95: null, missed: 100 });
  });
  it('misses nothing when everything arrived', () => {
    assert.equal(watchFigures([0.5, 0.7]).missed, 0);
  });
});
