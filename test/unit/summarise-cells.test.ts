// The summarise step: summaries and ratios to native as a reader sees them, intervals only where they hold, and
// no figure that is not a finite number (the exact case that once made a run lose everything).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RunDocument, type Cell } from '../../src/model/run-document.js';
import { planLooks, type LookPlan } from '../../src/stats/looks.js';
import { DEFAULT_SUMMARISE, summariseCells } from '../../src/stats/summarise-cells.js';

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
  it('gives the ratio to the native cell of the same platform (Hodges–Lehmann); native to itself is exactly 1, no interval', () => {
    assert.deepEqual(native.ratioToNative, { to: 'native', value: 1, interval: null, intervalNote: null });
    // A failed sample breaks the pairing: the median of the 9 differences of log times, ln 9 - ln 4.
    assert.equal(bind.ratioToNative!.method, 'unpaired-rank-sum');
    assert.ok(Math.abs(bind.ratioToNative!.value - 9 / 4) < 1e-12);
  });
  it('has no interval with too few samples, and says why instead of printing a range', () => {
    assert.equal(bind.summary!.interval, null);
    assert.match(bind.summary!.intervalNote!, /needs at least 6 samples .*has 3/);
    assert.equal(bind.ratioToNative!.interval, null);
    assert.match(bind.ratioToNative!.intervalNote!, /too few samples/);
    assert.equal(bind.ratioToNative!.verdict, undefined);
  });
  // Native's rounds alternate 10 s and 20 s (a load every other round); bind is 2x native within ±3% each round.
  const loaded = [10, 20, 10, 20, 10, 20, 10];
  const within = [1, 1.01, 0.99, 1.02, 0.98, 1.03, 0.97];
  const twice = loaded.map((v, i) => 2 * v * within[i]);
  it('pairs interleaved rounds: the load shared by a round cancels, exact coverage 95.3% at 7 rounds', () => {
    const [n7, b7] = summariseCells([cell('native', loaded, { warmups: 0 }), cell('bind', twice, { warmups: 0 })]);
    // The median's own interval stays the order-statistic one: n = 7 gives the range at 1 - 2/2^7.
    assert.deepEqual(n7.summary!.interval, { low: 10, high: 20, coverage: 0.984375 });
    const ratio = b7.ratioToNative!;
    assert.equal(ratio.method, 'paired-signed-rank');
    // k = 3 of the 28 Walsh averages: 1 - 2 P(T <= 2) = 1 - 2 * 3/128 for 7 rounds.
    assert.equal(ratio.interval!.coverage, 1 - 6 / 128);
    assert.ok(ratio.interval!.low > 1.95 && ratio.interval!.high < 2.05, `${ratio.interval!.low}–${ratio.interval!.high}`);
    assert.deepEqual(ratio.verdict, { word: 'slower', margin: 0.1, samples: 7, forecast: null });
  });
  it('does not pair rounds of the sequential order: the unpaired interval, wide under the same load', () => {
    const [, b7] = summariseCells([cell('native', loaded, { warmups: 0 }), cell('bind', twice, { warmups: 0 })], { ...DEFAULT_SUMMARISE, order: 'sequential' });
    assert.equal(b7.ratioToNative!.method, 'unpaired-rank-sum');
    assert.ok(b7.ratioToNative!.interval!.high - b7.ratioToNative!.interval!.low > 1, 'the load between rounds stays in the interval');
  });
  it('judges against the margin: the same within ±10%, or undecided with the samples its verdict would take', () => {
    const close = loaded.map((v, i) => v * within[i]);
    const [, same] = summariseCells([cell('native', loaded, { warmups: 0 }), cell('bind', close, { warmups: 0 })]);
    assert.equal(same.ratioToNative!.verdict!.word, 'same');
    const onMargin = loaded.map((v, i) => 1.1 * v * within[i] * within[(i + 3) % 7]);
    const [, open] = summariseCells([cell('native', loaded, { warmups: 0 }), cell('bind', onMargin, { warmups: 0 })]);
    assert.equal(open.ratioToNative!.verdict!.word, 'undecided');
    assert.ok(open.ratioToNative!.verdict!.forecast!.samples > 7);
  });
  it('turns the verdict for a figure where higher is better: twice the throughput is faster', () => {
    const mbs = (c: Cell): Cell => ({ ...c, metric: { name: 'throughput', unit: 'MB/s', lowerIsBetter: false } });
    const [, b7] = summariseCells([mbs(cell('native', loaded, { warmups: 0 })), mbs(cell('bind', twice, { warmups: 0 }))]);
    assert.equal(b7.ratioToNative!.verdict!.word, 'faster');
  });
  it('under planned looks: the interval at the look reached, claiming the overall 95%', () => {
    const ten = [...loaded, 20, 10, 20];
    const tenTwice = ten.map((v, i) => 2 * v * within[i % 7]);
    const looks = planLooks([10, 20, 30]) as LookPlan;
    const [, b10] = summariseCells([cell('native', ten, { warmups: 0 }), cell('bind', tenTwice, { warmups: 0 })], { ...DEFAULT_SUMMARISE, looks });
    assert.equal(b10.ratioToNative!.interval!.coverage, 0.95);
    assert.deepEqual(b10.ratioToNative!.sequential, { confidence: 0.99, overall: 0.95 });
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
  it('a reference with a 0 among its figures gives a ratio without interval (a ratio lives on logs), with the reason', () => {
    const cells = [cell('native', [0, 0, 0, 20, 20, 20, 20], { warmups: 0, measure: 'missed' }), cell('bind', [100, 100, 100, 100, 100, 100, 100], { warmups: 0, measure: 'missed' })];
    const [, bind] = summariseCells(cells);
    assert.equal(bind.ratioToNative!.interval, null);
    assert.match(bind.ratioToNative!.intervalNote!, /not a positive finite number/);
    assert.equal(document(cells), true);
  });
  it('a reference median of 0 gives no ratio at all', () => {
    const cells = [cell('native', [0, 0, 0], { warmups: 0 }), cell('bind', [1, 2, 3], { warmups: 0 })];
    assert.equal(summariseCells(cells)[1].ratioToNative, null);
    assert.equal(document(cells), true);
  });
});
