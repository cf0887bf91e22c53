// The summarise step: summaries and ratios to native as a reader sees them, intervals only where they hold, and
// no figure that is not a finite number (the exact case that once made a run lose everything).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RunDocument, type Cell } from '../../src/model/run-document.js';
import { summariseCells } from '../../src/stats/summarise-cells.js';

function cell(strategy: Cell['strategy'], values: Array<number | null>, options: { warmups?: number; measure?: string; method?: string } = {}): Cell {
  const warmups = options.warmups ?? 1;
  const measure = options.measure ?? 'time';
  return {
    id: `p/w:${measure}/${strategy}`,
    platform: 'p',
    strategy,
    workload: 'w',
    measure,
    metric: { name: 'time', unit: 's', lowerIsBetter: true },
    status: 'ok',
    reason: null,
    mounts: [],
    notes: [],
    method: options.method ?? null,
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
  const [native, bind] = summariseCells([cell('native', [99, 4, 4.2, 3.8]), cell('bind', [99, 9, 9.4, 8.6, null])]);
  it('leaves warm-ups and failed samples out', () => {
    assert.equal(native.summary!.n, 3);
    assert.equal(bind.summary!.n, 3);
    assert.equal(bind.summary!.max, 9.4);
  });
  it('gives the ratio of medians to the native cell of the same platform; native to itself is exactly 1, no interval', () => {
    assert.deepEqual(native.ratioToNative, { to: 'native', value: 1, interval: null, intervalNote: null });
    assert.equal(bind.ratioToNative!.value, 9 / 4);
  });
  it('has no interval with too few samples, and says why instead of printing a range', () => {
    assert.equal(bind.summary!.interval, null);
    assert.match(bind.summary!.intervalNote!, /needs at least 6 samples .*has 3/);
    assert.equal(bind.ratioToNative!.interval, null);
    assert.match(bind.ratioToNative!.intervalNote!, /too few samples/);
  });
  it('with 7 samples each: the median interval is the range (98.4%), the ratio the corners (at least 98.4%²)', () => {
    // By hand: n = 7 gives [X(1), X(7)] with coverage 1 - 2/2^7 = 0.984375; the ratio's ends are the corners.
    const nativeValues = [40, 41, 42, 43, 44, 45, 46];
    const bindValues = [80, 84, 86, 88, 90, 92, 100];
    const [n7, b7] = summariseCells([cell('native', nativeValues, { warmups: 0 }), cell('bind', bindValues, { warmups: 0 })]);
    assert.deepEqual(n7.summary!.interval, { low: 40, high: 46, coverage: 0.984375 });
    assert.equal(b7.ratioToNative!.value, 88 / 43);
    assert.deepEqual(b7.ratioToNative!.interval, { low: 80 / 46, high: 100 / 40, coverage: 0.984375 ** 2 });
  });
  it('does not compare figures taken differently (e.g. events written in the sandbox against the host)', () => {
    const [, other] = summariseCells([cell('native', [1, 2, 3], { method: 'host writes' }), cell('volume', [1, 2, 3], { method: 'in-sandbox writes' })]);
    assert.equal(other.ratioToNative, null);
  });
  it('has no ratio without a native cell, and no summary without measurements', () => {
    const [only] = summariseCells([cell('bind', [1, null, null])]);
    assert.equal(only.summary, null);
    assert.equal(only.ratioToNative, null);
  });
  it('at one sample: no CV, no interval', () => {
    const [one] = summariseCells([cell('bind', [5], { warmups: 0 })]);
    assert.equal(one.summary!.cv, null);
    assert.equal(one.summary!.interval, null);
  });
});

describe('no run is ever lost: figures with zeros in the reference stay finite and the document valid', () => {
  const document = (cells: Cell[]): unknown => {
    const json = JSON.parse(JSON.stringify({ cells: summariseCells(cells) }));
    return RunDocument.shape.cells.safeParse(json.cells).success;
  };
  it('watch missed = [0, 20] for native (the case that made the interval NaN and wrote nothing)', () => {
    const cells = [cell('native', [0, 20], { warmups: 0, measure: 'missed' }), cell('bind', [100, 100], { warmups: 0, measure: 'missed' })];
    const [native, bind] = summariseCells(cells);
    assert.equal(native.summary!.median, 10);
    assert.equal(bind.ratioToNative!.value, 10);
    assert.equal(bind.ratioToNative!.interval, null);
    assert.equal(document(cells), true);
  });
  it('a reference whose interval includes 0 gives a ratio without interval, with the reason', () => {
    const cells = [cell('native', [0, 0, 0, 20, 20, 20, 20], { warmups: 0, measure: 'missed' }), cell('bind', [100, 100, 100, 100, 100, 100, 100], { warmups: 0, measure: 'missed' })];
    const [, bind] = summariseCells(cells);
    assert.equal(bind.ratioToNative!.interval, null);
    assert.match(bind.ratioToNative!.intervalNote!, /includes 0/);
    assert.equal(document(cells), true);
  });
  it('a reference median of 0 gives no ratio at all', () => {
    const cells = [cell('native', [0, 0, 0], { warmups: 0 }), cell('bind', [1, 2, 3], { warmups: 0 })];
    assert.equal(summariseCells(cells)[1].ratioToNative, null);
    assert.equal(document(cells), true);
  });
});
