// The unpaired ratio interval: Hodges–Lehmann shift of the log times and the exact Mann–Whitney interval.
// Reference values come from scipy 1.17 (named at each value; python is not called from the tests) and from the
// published table of Mann–Whitney critical values.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalQuantile } from '../../src/stats/order-statistics.js';
import { normalCdf, type RatioInterval, type RatioIntervalResult } from '../../src/stats/rank-interval.js';
import {
  hasShiftInterval,
  minSamplesForShift,
  RANK_SUM_EXACT_MAX_PRODUCT,
  rankSumLowerTail,
  rankSumRank,
  unpairedRatioInterval,
} from '../../src/stats/rank-sum.js';
import { seededRandom } from '../helpers/random.js';
import { sigmaForCv, SLOW_OUTLIERS, threeStandardErrors, unpairedSamples, type UnpairedModel } from '../helpers/timings.js';

const close = (actual: number, expected: number, tolerance = 1e-12) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} is not within ${tolerance} of ${expected}`);

function interval(result: RatioIntervalResult): RatioInterval {
  if (result.coverage === null) return assert.fail(`expected an interval, got none: ${result.reason}`);
  return result;
}

/** P(U <= u) by listing every arrangement of m x's among m + n ordered values: the definition. */
function bruteForceLowerTail(m: number, n: number, u: number): number {
  let [hits, all] = [0, 0];
  for (let mask = 0; mask < 2 ** (m + n); mask++) {
    let [xs, ys, statistic] = [0, 0, 0];
    for (let position = 0; position < m + n; position++) {
      if (mask & (1 << position)) {
        xs++;
        statistic += ys; // this x beats every y below it
      } else ys++;
    }
    if (xs !== m) continue;
    all++;
    if (statistic <= u) hits++;
  }
  return hits / all;
}

describe('the null distribution of the Mann–Whitney statistic U', () => {
  it('matches the enumeration of every arrangement, all m, n <= 6', () => {
    for (let m = 1; m <= 6; m++) {
      for (let n = 1; n <= 6; n++) {
        const half = Math.floor((m * n) / 2);
        const tail = rankSumLowerTail(m, n, half);
        for (let u = 0; u <= half; u++) close(tail[u], bruteForceLowerTail(m, n, u), 1e-15);
      }
    }
  });

  it('matches scipy: scipy.stats._mannwhitneyu._MWU(m, n).cdf(u)', () => {
    close(rankSumLowerTail(10, 10, 23)[23], 0.021628526272489117);
    close(rankSumLowerTail(20, 20, 127)[127], 0.02454516259468622);
    close(rankSumLowerTail(7, 12, 20)[20], 0.034174803524648724);
    close(rankSumLowerTail(12, 7, 20)[20], 0.034174803524648724); // the same with the roles swapped
  });

  it('agrees with scipy.stats.mannwhitneyu(x, y, method="exact"): U = 5 of 5 and 5 has p = 2 P(U <= 5) = 0.15079365079365079', () => {
    // x = [1.1, 2.2, 3.3, 4.4, 5.5], y = [0.5, 6, 7, 8, 9]: each x beats only the 0.5.
    close(2 * rankSumLowerTail(5, 5, 5)[5], 0.15079365079365079);
  });
});

describe('the rank k of the interval of the m·n differences, and its exact coverage 1 - 2 P(U <= k-1)', () => {
  // [m, n, k at 95%, coverage, k at 99%, coverage]: the largest k reaching the level, from
  // scipy.stats._mannwhitneyu._MWU(m, n).cdf (1 - 2 cdf(k - 1) >= level > 1 - 2 cdf(k)).
  const scipy: Array<[number, number, number, number, number | null, number | null]> = [
    [3, 5, 1, 0.9642857142857143, null, null],
    [4, 4, 1, 0.9714285714285714, null, null],
    [2, 8, 1, 0.9555555555555556, null, null],
    [5, 5, 3, 0.9682539682539683, 1, 0.9920634920634921],
    [5, 10, 9, 0.9600399600399601, 5, 0.9920079920079921],
    [8, 8, 14, 0.9501165501165502, 8, 0.993006993006993],
    [10, 10, 24, 0.9567429474550218, 17, 0.991069302214813],
    [7, 12, 19, 0.9550686671429706, 13, 0.9902357704215289],
    [20, 20, 128, 0.9509096748106276, 106, 0.990516392808795],
    [30, 30, 318, 0.9503800000353446, 277, 0.9903963134078729],
    [10, 30, 88, 0.9501847796314989, 69, 0.9907266178613428],
    [70, 71, 2010, 0.9502989722820611, 1863, 0.9900335280081363],
  ];
  for (const [m, n, k95, c95, k99, c99] of scipy) {
    it(`${m} and ${n}: k = ${k95} at 95% (coverage ${c95.toFixed(4)}), ${k99 === null ? 'none' : `k = ${k99}`} at 99%`, () => {
      const rank = rankSumRank(m, n)!;
      assert.deepEqual([rank.k, rank.nullDistribution], [k95, 'exact']);
      close(rank.coverage, c95);
      assert.equal(rankSumRank(n, m)!.k, k95);
      if (k99 === null) assert.equal(rankSumRank(m, n, 0.99), null);
      else {
        assert.equal(rankSumRank(m, n, 0.99)!.k, k99);
        close(rankSumRank(m, n, 0.99)!.coverage, c99!);
      }
    });
  }

  it('agrees with the published two-sided 5% critical values of U (Mann–Whitney tables, e.g. Milton 1964): k = U_crit + 1', () => {
    // Reject when U <= U_crit, so the interval's rank is U_crit + 1. Also scipy: the largest u with cdf(u) <= 0.025.
    const table: Array<[number, number, number]> = [[5, 5, 2], [8, 8, 13], [10, 10, 23], [20, 20, 127], [5, 10, 8], [6, 9, 10]];
    for (const [m, n, critical] of table) assert.equal(rankSumRank(m, n)!.k, critical + 1, `${m} and ${n}`);
  });

  it(`beyond ${RANK_SUM_EXACT_MAX_PRODUCT} pairs, the normal approximation: a rank at most 3 below the exact one, coverage near the level`, () => {
    // 100 and 100, exact ranks from scipy.stats._mannwhitneyu._MWU(100, 100).cdf: 4198 at 95%, 3949 at 99%.
    for (const [confidence, exact] of [[0.95, 4198], [0.99, 3949]]) {
      const rank = rankSumRank(100, 100, confidence)!;
      assert.equal(rank.nullDistribution, 'normal');
      assert.ok(rank.k <= exact && rank.k >= exact - 3, `k = ${rank.k}, exact ${exact}`);
      close(rank.coverage, confidence, 2e-4);
    }
  });

  it('fewest samples: 1 - 2 / C(m+n, m) >= level (4 and 4, 3 and 5, 2 and 8, 1 and 39 at 95%; 5 and 5 at 99%)', () => {
    assert.deepEqual([[3, 4], [4, 4], [3, 5], [2, 7], [2, 8], [1, 38], [1, 39]].map(([m, n]) => hasShiftInterval(m, n)), [false, true, true, false, true, false, true]);
    assert.deepEqual([0.9, 0.95, 0.99, 0.999].map(minSamplesForShift), [3, 4, 5, 7]);
    assert.equal(rankSumRank(0, 10), null);
  });
});

describe('unpairedRatioInterval: exp of the Hodges–Lehmann shift and of the k-th smallest and largest differences of log times', () => {
  const strategy = [21.3, 19.8, 23.1, 20.4, 22.7, 20.9, 24.0];
  const native = [10.2, 9.9, 10.8, 10.1, 11.9, 10.0, 10.6, 10.4, 9.7];

  it('7 and 9: the values numpy computes (sorted np.log(x)[:, None] - np.log(y)[None, :], k from _MWU(7, 9))', () => {
    const at95 = interval(unpairedRatioInterval(strategy, native));
    assert.deepEqual([at95.method, at95.k, at95.samples, at95.nullDistribution], ['unpaired-rank-sum', 13, [7, 9], 'exact']);
    close(at95.coverage, 0.9582167832167832);
    close(at95.estimate, 2.089999999999999, 1e-12); // the median of 63 ratios: 20.9 / 10
    close(at95.low, 1.941176470588236);
    close(at95.high, 2.2699999999999996);
    const at99 = interval(unpairedRatioInterval(strategy, native, 0.99));
    assert.equal(at99.k, 8);
    close(at99.coverage, 0.9921328671328671);
    close(at99.low, 1.9038461538461542);
    close(at99.high, 2.333333333333333);
  });

  it('4 and 4 by hand: k = 1, the smallest and largest of the 16 ratios, coverage 1 - 2/70', () => {
    const found = interval(unpairedRatioInterval([2, 2.2, 1.9, 2.1], [1, 1.1, 0.9, 1.05]));
    assert.deepEqual([found.k, found.coverage], [1, 1 - 2 / 70]);
    close(found.low, 1.9 / 1.1);
    close(found.high, 2.2 / 0.9);
  });

  it('is equivariant: swapping the samples inverts the ratio', () => {
    const there = interval(unpairedRatioInterval(strategy, native));
    const back = interval(unpairedRatioInterval(native, strategy));
    close(back.estimate, 1 / there.estimate);
    close(back.low, 1 / there.high);
    close(back.high, 1 / there.low);
  });

  it('too few samples, or a time that is not positive: no interval, and the reason', () => {
    const few = unpairedRatioInterval([2, 2.2, 1.9], [1, 1.1, 0.9, 1.05]);
    assert.equal((few as { reason: string }).reason, 'too few samples for a 95% interval of the unpaired ratio (has 3 and 4; 4 and 4 would do)');
    close(few.estimate!, 2, 0.1);
    assert.equal(unpairedRatioInterval([], native).estimate, null);
    assert.equal((unpairedRatioInterval([...strategy, 0], native) as { reason: string }).reason, 'a time is not a positive finite number');
    assert.equal(unpairedRatioInterval(strategy, [...native, Number.NaN]).coverage, null);
  });
});

// Coverage by simulation, lognormal times (true ratio of medians known exactly).
const TRIALS = 1500;

/**
 * The coverage the interval gets when the log times' spreads differ (σx for the strategy, σy for the reference):
 * U's null variance mn(m+n+1)/12 assumes equal spreads; in truth (normal logs, equal centres) it is
 * mn[1/4 + (n-1)(q1 - 1/4) + (m-1)(q2 - 1/4)] with q1 - 1/4 = asin(σx²/(σx²+σy²))/2π, q2 likewise with σy²,
 * so the interval's z is effectively z·√(null/true). Asymptotic: within half a point of simulation at 10–30 samples.
 */
function predictedCoverage(m: number, n: number, model: UnpairedModel, claimed: number): number {
  const [x, y] = [sigmaForCv(model.strategyCv) ** 2, sigmaForCv(model.referenceCv) ** 2];
  const truth = 0.25 + ((n - 1) * Math.asin(x / (x + y)) + (m - 1) * Math.asin(y / (x + y))) / (2 * Math.PI);
  const z = normalQuantile((1 + claimed) / 2);
  return 2 * normalCdf(z * Math.sqrt((m + n + 1) / 12 / truth)) - 1;
}

describe(`unpaired coverage over ${TRIALS} seeded replicates`, () => {
  let seed = 100; // one seed per case
  for (const outliers of [null, SLOW_OUTLIERS]) {
    for (const cv of [0.05, 0.2]) {
      for (const ratio of [1, 1.2, 3]) {
        const random = seededRandom(++seed);
        it(`equal spreads, CV ${cv * 100}%, ratio ${ratio}, 12 and 12${outliers ? ', 10% slow outliers' : ''}: within 3 standard errors of the exact claim`, (t) => {
          let [hits, claimed] = [0, 0];
          for (let trial = 0; trial < TRIALS; trial++) {
            const { strategy, reference } = unpairedSamples(random, 12, 12, { ratio, strategyCv: cv, referenceCv: cv, outliers });
            const found = interval(unpairedRatioInterval(strategy, reference));
            claimed = found.coverage;
            if (found.low <= ratio && ratio <= found.high) hits++;
          }
          t.diagnostic(`claimed ${claimed.toFixed(4)}, observed ${(hits / TRIALS).toFixed(4)}`);
          close(hits / TRIALS, claimed, threeStandardErrors(claimed, TRIALS));
        });
      }
    }
  }

  // Not a pure shift, so not exact: the test pins the loss to the asymptotic prediction, less 3 standard errors and
  // 1 point for the asymptotics at these sizes. 4000 seeded replicates at ratio 1.2 (the diagnostic prints them)
  // gave 92.8% at 20 and 20 (predicted 92.6%), 93.4% at 10 and 10 (93.6%), and 88.5% when the noisy sample is also
  // the smaller (10 noisy, 20 quiet; predicted 88.5%): a reason to pair rounds wherever possible.
  const unequal: Array<[number, number, number, number]> = [[20, 20, 0.2, 0.05], [20, 20, 0.05, 0.2], [10, 20, 0.2, 0.05]];
  for (const [m, n, strategyCv, referenceCv] of unequal) {
    const random = seededRandom(++seed);
    it(`4x-unequal spreads (CV ${strategyCv * 100}% over ${referenceCv * 100}%), ${m} and ${n}: the coverage the asymptotic variance of U predicts`, (t) => {
      const model = { ratio: 1.2, strategyCv, referenceCv };
      let [hits, claimed] = [0, 0];
      for (let trial = 0; trial < TRIALS; trial++) {
        const { strategy, reference } = unpairedSamples(random, m, n, model);
        const found = interval(unpairedRatioInterval(strategy, reference));
        claimed = found.coverage;
        if (found.low <= 1.2 && 1.2 <= found.high) hits++;
      }
      const predicted = predictedCoverage(m, n, model, claimed);
      t.diagnostic(`claimed ${claimed.toFixed(4)}, predicted ${predicted.toFixed(4)}, observed ${(hits / TRIALS).toFixed(4)}`);
      assert.ok(predicted < claimed);
      assert.ok(hits / TRIALS >= predicted - threeStandardErrors(predicted, TRIALS) - 0.01, `observed ${hits / TRIALS}`);
    });
  }
});
