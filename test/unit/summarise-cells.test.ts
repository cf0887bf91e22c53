import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Cell } from '../../src/results/schema.js';
import { cellSeed, summariseCells } from '../../src/stats/summarise-cells.js';

function cell(strategy: Cell['strategy'], values: Array<number | null>, warmups = 1): Cell {
  return {
    id: `p/npm-install/${strategy}`,
    platform: 'p',
    strategy,
    workload: 'npm-install',
    measure: 'time',
    metric: { name: 'time', unit: 's', lowerIsBetter: true },
    status: 'ok',
    reason: null,
    mounts: [],
    notes: [],
    runtime: null,
    samples: values.map((value, index) => ({
      index,
      warmup: index < warmups,
      startedAt: '2026-11-23T00:00:00.000Z',
      value,
      wallSeconds: value,
      exitCode: value === null ? 1 : 0,
      cpuUserSeconds: null,
      cpuSystemSeconds: null,
    })),
    summary: null,
    ratioToNative: null,
  };
}

describe('summariseCells', () => {
  const cells = summariseCells([cell('native', [99, 4, 4.2, 3.8]), cell('bind', [99, 9, 9.4, 8.6, null])], 1);
  it('leaves warm-ups and failed samples out', () => {
    assert.equal(cells[0].summary!.n, 3);
    assert.equal(cells[1].summary!.n, 3);
    assert.equal(cells[1].summary!.max, 9.4);
  });
  it('gives the ratio of medians to the native cell of the same platform', () => {
    assert.equal(cells[0].ratioToNative!.value, 1);
    assert.equal(cells[1].ratioToNative!.value, 9 / 4);
    assert.ok(cells[1].ratioToNative!.ci95.low <= 2.25 && cells[1].ratioToNative!.ci95.high >= 2.25);
  });
  it('has no ratio without a native cell, and no summary without measurements', () => {
    const [only] = summariseCells([cell('bind', [1, null, null])], 1);
    assert.equal(only.summary, null);
    assert.equal(only.ratioToNative, null);
  });
  it('is deterministic, with a different seed per cell', () => {
    assert.deepEqual(summariseCells(cells, 1), summariseCells(cells, 1));
    assert.notEqual(cellSeed(1, 'a'), cellSeed(1, 'b'));
  });
});
