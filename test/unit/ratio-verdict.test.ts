// What an interval of a ratio to native lets a report say (slower, faster, the same within the margin, or not yet),
// whether it is as precise as asked, and how many samples an undecided one would take.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RatioInterval } from '../../src/stats/rank-interval.js';
import {
  classifyRatio,
  DEFAULT_FORECAST_CAP,
  forecastSamples,
  forecastText,
  judgeRatio,
  relativeHalfWidth,
} from '../../src/stats/ratio-verdict.js';

const paired = (estimate: number, low: number, high: number, samples: RatioInterval['samples'] = 10): RatioInterval => ({
  method: 'paired-signed-rank', estimate, low, high, coverage: 0.951171875, k: 9, nullDistribution: 'exact', samples,
});

describe('classifyRatio against a margin of 10%', () => {
  const cases: Array<[number, number, string]> = [
    [1.15, 1.3, 'slower'], // wholly above 1.1
    [2.8, 3.2, 'slower'],
    [0.5, 0.85, 'faster'], // wholly below 0.9
    [0.95, 1.08, 'same'], // within [0.9, 1.1]
    [0.9, 1.1, 'same'], // the ends count as within
    [1.05, 1.2, 'undecided'], // straddles 1.1
    [0.85, 0.95, 'undecided'], // straddles 0.9
    [0.8, 1.3, 'undecided'], // straddles both
    [1.1, 1.2, 'undecided'], // touches 1.1: not wholly above it
  ];
  for (const [low, high, verdict] of cases) it(`[${low}, ${high}] is ${verdict}`, () => assert.equal(classifyRatio({ low, high }), verdict));

  it('takes another margin; a margin outside (0, 1) is a bug', () => {
    assert.equal(classifyRatio({ low: 1.05, high: 1.2 }, 0.25), 'same');
    assert.equal(classifyRatio({ low: 1.05, high: 1.2 }, 0.04), 'slower');
    assert.throws(() => classifyRatio({ low: 1, high: 2 }, 0), RangeError);
    assert.throws(() => classifyRatio({ low: 1, high: 2 }, 1), RangeError);
  });
});

describe('judgeRatio: the verdict and, when asked, the precision (half-width over the estimate)', () => {
  it('a decided verdict settles when no precision is asked', () => {
    assert.deepEqual(judgeRatio(paired(2, 1.5, 2.5)), { verdict: 'slower', relativeHalfWidth: 0.25, precise: null, settled: true });
  });
  it('with a precision, it settles only when precise too', () => {
    assert.deepEqual(judgeRatio(paired(2, 1.5, 2.5), { precision: 0.2 }), { verdict: 'slower', relativeHalfWidth: 0.25, precise: false, settled: false });
    assert.equal(judgeRatio(paired(2, 1.5, 2.5), { precision: 0.25 }).settled, true);
    assert.equal(judgeRatio(paired(1.1, 1.09, 1.11), { precision: 0.05 }).settled, false); // precise, but undecided
  });
  it('a point interval has half-width 0', () => assert.equal(relativeHalfWidth(paired(1, 1, 1)), 0));
});

describe('forecastSamples: at the spread seen, each side of the log interval shrinking as 1/√n', () => {
  const [lower, upper] = [Math.log(0.9), Math.log(1.1)];

  it('slower: the first n at which the low end would clear 1.1, n > n0 (a / (e - ln 1.1))²', () => {
    // ln 1.15 - ln 1.05 = 0.0910 below the estimate, 0.0445 between it and ln 1.1: n > 10 (0.0910/0.0445)² = 41.9.
    const interval = paired(1.15, 1.05, 1.26);
    const [e, a] = [Math.log(1.15), Math.log(1.15) - Math.log(1.05)];
    const expected = Math.floor(10 * (a / (e - upper)) ** 2) + 1;
    assert.equal(expected, 42);
    assert.deepEqual(forecastSamples(interval), { kind: 'samples', samples: 42 });
    assert.equal(forecastText(forecastSamples(interval)), 'about 42 samples');
  });

  it('faster: the high end must clear 0.9', () => {
    const interval = paired(0.8, 0.7, 0.95);
    const [e, b] = [Math.log(0.8), Math.log(0.95) - Math.log(0.8)];
    assert.deepEqual(forecastSamples(interval), { kind: 'samples', samples: Math.floor(10 * (b / (lower - e)) ** 2) + 1 });
  });

  it('same: both ends must come inside [0.9, 1.1], the nearer boundary (relative to its side) decides', () => {
    const interval = paired(1.02, 0.93, 1.14);
    const e = Math.log(1.02);
    const [a, b] = [e - Math.log(0.93), Math.log(1.14) - e];
    const needed = 10 * Math.max((a / (e - lower)) ** 2, (b / (upper - e)) ** 2);
    assert.deepEqual(forecastSamples(interval), { kind: 'samples', samples: Math.ceil(needed) });
  });

  it('an estimate on a boundary never settles: "more than" the cap', () => {
    assert.deepEqual(forecastSamples(paired(1.1, 1.0, 1.2)), { kind: 'more-than', samples: DEFAULT_FORECAST_CAP });
    assert.deepEqual(forecastSamples(paired(1.1, 1.0, 1.2), { cap: 30 }), { kind: 'more-than', samples: 30 });
    assert.equal(forecastText(forecastSamples(paired(1.1, 1.0, 1.2))), 'more than 1000 samples');
  });

  it('a settled interval says so; a precision is forecast the same way, the first n that reaches it', () => {
    assert.deepEqual(forecastSamples(paired(2, 1.8, 2.2)), { kind: 'settled', samples: 10 });
    const forecast = forecastSamples(paired(3, 2.7, 3.3), { precision: 0.05 });
    assert.equal(forecast.kind, 'samples');
    // About 10 (0.1 / 0.05)² = 40; on the log scale the sides are a little unequal, so check the definition.
    const at = (n: number) => {
      const s = Math.sqrt(10 / n);
      return judgeRatio({ estimate: 3, low: 3 * (2.7 / 3) ** s, high: 3 * (3.3 / 3) ** s }, { precision: 0.05 }).settled;
    };
    assert.ok(at(forecast.samples) && !at(forecast.samples - 1), `forecast ${forecast.samples}`);
    assert.ok(Math.abs(forecast.samples - 40) <= 2);
  });

  it('unpaired samples count the larger side, both growing in proportion', () => {
    const interval: RatioInterval = { ...paired(1.15, 1.05, 1.26), method: 'unpaired-rank-sum', samples: [10, 8] };
    assert.deepEqual(forecastSamples(interval), { kind: 'samples', samples: 42 });
  });
});
