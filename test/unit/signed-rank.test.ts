// The paired ratio interval: Hodges–Lehmann estimate of the per-round log ratio and the exact Wilcoxon signed-rank
// interval. Reference values come from scipy 1.17 (named at each value; python is not called from the tests) and
// from the published table of signed-rank critical values.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RatioInterval, RatioIntervalResult } from '../../src/stats/rank-interval.js';
import {
  minRoundsFor,
  pairedRatioInterval,
  SIGNED_RANK_EXACT_MAX,
  signedRankLowerTail,
  signedRankRank,
} from '../../src/stats/signed-rank.js';
import { seededRandom } from '../helpers/random.js';
import { pairedRounds, SLOW_OUTLIERS, threeStandardErrors } from '../helpers/timings.js';

const close = (actual: number, expected: number, tolerance = 1e-12) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} is not within ${tolerance} of ${expected}`);

function interval(result: RatioIntervalResult): RatioInterval {
  if (result.coverage === null) return assert.fail(`expected an interval, got none: ${result.reason}`);
  return result;
}

/** P(T <= t) by listing all 2^n sign patterns: the definition, against which the dynamic programme is checked. */
function bruteForceLowerTail(n: number, t: number): number {
  let hits = 0;
  for (let signs = 0; signs < 2 ** n; signs++) {
    let sum = 0;
    for (let rank = 1; rank <= n; rank++) if (signs & (1 << (rank - 1))) sum += rank;
    if (sum <= t) hits++;
  }
  return hits / 2 ** n;
}

describe('the null distribution of the signed-rank statistic T', () => {
  it('matches the enumeration of all 2^n sign patterns exactly, n = 1 … 14', () => {
    for (let n = 1; n <= 14; n++) {
      const half = Math.floor((n * (n + 1)) / 4);
      const tail = signedRankLowerTail(n, half);
      for (let t = 0; t <= half; t++) assert.equal(tail[t], bruteForceLowerTail(n, t), `n = ${n}, t = ${t}`);
    }
  });

  it('matches scipy: scipy.stats._wilcoxon.WilcoxonDistribution(n).cdf(t)', () => {
    close(signedRankLowerTail(7, 2)[2], 0.0234375); // = 3/128: T = 0, 1, 2 are the subsets {}, {1}, {2}
    close(signedRankLowerTail(30, 137)[137], 0.024855060502886772);
    close(signedRankLowerTail(60, 600)[600], 0.009916129740945072);
  });

  it('agrees with scipy.stats.wilcoxon(x, method="exact"): x = [1, 2, -3, …, -7] has T = 3, p = 2 P(T <= 3) = 0.078125', () =>
    close(2 * signedRankLowerTail(7, 3)[3], 0.078125));
});

describe('the rank k of the interval [W(k), W(N+1-k)] of the Walsh averages, and its exact coverage 1 - 2 P(T <= k-1)', () => {
  // [n, k at 95%, coverage, k at 99%, coverage]: the largest k whose coverage reaches the level, from
  // scipy.stats._wilcoxon.WilcoxonDistribution(n).cdf (1 - 2 cdf(k - 1) >= level > 1 - 2 cdf(k)).
  const scipy: Array<[number, number, number, number | null, number | null]> = [
    [6, 1, 0.96875, null, null],
    [7, 3, 0.953125, null, null],
    [8, 4, 0.9609375, 1, 0.9921875],
    [9, 6, 0.9609375, 2, 0.9921875],
    [10, 9, 0.951171875, 4, 0.990234375],
    [12, 14, 0.95751953125, 8, 0.99072265625],
    [15, 26, 0.95208740234375, 16, 0.99163818359375],
    [20, 53, 0.9515590667724609, 38, 0.9905643463134766],
    [25, 90, 0.9517375826835632, 69, 0.9903649687767029],
    [30, 138, 0.9502898789942265, 110, 0.9900684896856546],
    [40, 265, 0.9502394321807515, 221, 0.9902180023455003],
    [50, 435, 0.9505535931993983, 374, 0.9900357182346387],
    [60, 649, 0.9507184940156387, 568, 0.9901811991742285],
    [300, 19629, 0.9500348492634209, 18709, 0.9900030217434655],
  ];
  for (const [n, k95, c95, k99, c99] of scipy) {
    it(`n = ${n}: k = ${k95} at 95% (coverage ${c95.toFixed(4)}), ${k99 === null ? 'none' : `k = ${k99}`} at 99%`, () => {
      const rank = signedRankRank(n, 0.95)!;
      assert.deepEqual([rank.k, rank.nullDistribution], [k95, 'exact']);
      close(rank.coverage, c95);
      if (k99 === null) assert.equal(signedRankRank(n, 0.99), null);
      else {
        assert.equal(signedRankRank(n, 0.99)!.k, k99);
        close(signedRankRank(n, 0.99)!.coverage, c99!);
      }
    });
  }

  it('n = 7 by hand: k = 3, coverage 1 - 2 (3/128) = 0.953125; k = 4 would give 1 - 2 (5/128) = 0.921875', () => {
    assert.deepEqual(signedRankRank(7), { k: 3, coverage: 1 - 6 / 128, nullDistribution: 'exact' });
  });

  it('agrees with the published two-sided 5% critical values of T (Wilcoxon, Katti & Wilcox 1963, in most textbooks): k = T_crit + 1', () => {
    // Reject when T <= T_crit, so the interval's rank is T_crit + 1. Also scipy: the largest t with cdf(t) <= 0.025.
    const table: Array<[number, number]> = [[6, 0], [7, 2], [8, 3], [9, 5], [10, 8], [15, 25], [20, 52], [25, 89], [30, 137]];
    for (const [n, critical] of table) assert.equal(signedRankRank(n, 0.95)!.k, critical + 1, `n = ${n}`);
  });

  it(`beyond ${SIGNED_RANK_EXACT_MAX} rounds, the normal approximation: a rank at most 15 below the exact one (a little wider), coverage near the level`, () => {
    // Exact ranks from scipy.stats._wilcoxon.WilcoxonDistribution(n).cdf.
    for (const [n, confidence, exact] of [[301, 0.95, 19765], [1000, 0.95, 232347], [301, 0.99, 18840], [1000, 0.99, 226731]]) {
      const rank = signedRankRank(n, confidence)!;
      assert.equal(rank.nullDistribution, 'normal');
      assert.ok(rank.k <= exact && rank.k >= exact - 15, `n = ${n} at ${confidence}: k = ${rank.k}, exact ${exact}`);
      close(rank.coverage, confidence, 1e-4);
    }
  });

  it('fewest rounds for an interval: 1 - 2^(1-n) >= level (6 at 95%, 7 at 97.5%, 8 at 98.5% and 99%)', () => {
    assert.deepEqual([0.9, 0.95, 0.975, 0.985, 0.99, 0.999].map(minRoundsFor), [5, 6, 7, 8, 8, 11]);
    for (const confidence of [0.9, 0.95, 0.975, 0.985, 0.99, 0.999]) {
      const n = minRoundsFor(confidence);
      assert.ok(signedRankRank(n, confidence));
      assert.equal(signedRankRank(n - 1, confidence), null);
    }
  });
});

describe('pairedRatioInterval: exp of the Hodges–Lehmann estimate and of the k-th smallest and largest Walsh averages of ln(s/n)', () => {
  const strategy = [21.3, 19.8, 23.1, 20.4, 22.7, 20.9, 24.0, 21.6];
  const native = [10.2, 9.9, 10.8, 10.1, 11.9, 10.0, 10.6, 10.4];
  const pairs = strategy.map((s, i) => [s, native[i]] as const);

  it('8 rounds: the values numpy computes (sorted Walsh averages of np.log(s/n), k from WilcoxonDistribution(8))', () => {
    const at95 = interval(pairedRatioInterval(pairs));
    assert.deepEqual([at95.method, at95.k, at95.coverage, at95.samples, at95.nullDistribution], ['paired-signed-rank', 4, 0.9609375, 8, 'exact']);
    close(at95.estimate, 2.0775729109837546);
    close(at95.low, 1.990442580870903);
    close(at95.high, 2.174414843402649);
    const at99 = interval(pairedRatioInterval(pairs, 0.99));
    assert.equal(at99.k, 1); // the full range: the smallest and largest round ratios
    close(at99.low, 22.7 / 11.9); // = 1.907563025210084, numpy's
    close(at99.high, 2.2641509433962264); // 24.0 / 10.6
  });

  it('is equivariant: scaling the strategy scales the ratio; swapping the sides inverts it', () => {
    const base = interval(pairedRatioInterval(pairs));
    const scaled = interval(pairedRatioInterval(pairs.map(([s, n]) => [3 * s, n] as const)));
    close(scaled.estimate, 3 * base.estimate, 1e-12);
    close(scaled.low, 3 * base.low, 1e-12);
    const swapped = interval(pairedRatioInterval(pairs.map(([s, n]) => [n, s] as const)));
    close(swapped.estimate, 1 / base.estimate, 1e-12);
    close(swapped.low, 1 / base.high, 1e-12);
    close(swapped.high, 1 / base.low, 1e-12);
  });

  it('a load shared by a round cancels: multiplying both samples of a round changes nothing', () => {
    const loaded = pairs.map(([s, n], i) => [s * (1 + i), n * (1 + i)] as const);
    const base = interval(pairedRatioInterval(pairs));
    const withLoad = interval(pairedRatioInterval(loaded));
    for (const key of ['estimate', 'low', 'high'] as const) close(withLoad[key], base[key], 1e-12);
  });

  it('zero differences and ties stay in (no Wilcoxon zero-dropping: the interval is inverted, not a test at 0)', () => {
    const same = interval(pairedRatioInterval(Array.from({ length: 7 }, () => [10, 10] as const)));
    assert.deepEqual([same.estimate, same.low, same.high, same.coverage], [1, 1, 1, 0.953125]);
    const someEqual = interval(pairedRatioInterval([[10, 10], [10, 10], [10, 10], [11, 10], [9, 10], [12, 10]]));
    assert.equal(someEqual.k, 1);
    close(someEqual.low, 0.9);
    close(someEqual.high, 1.2);
  });

  it('too few rounds: no interval, the reason, and the estimate when there is one', () => {
    const five = pairedRatioInterval(pairs.slice(0, 5));
    assert.equal(five.coverage, null);
    assert.equal((five as { reason: string }).reason, 'needs at least 6 rounds for a 95% interval of the paired ratio (has 5)');
    assert.ok(five.estimate! > 1.9 && five.estimate! < 2.3);
    assert.equal(pairedRatioInterval(pairs.slice(0, 7), 0.99).coverage, null); // 99% needs 8
    assert.deepEqual(pairedRatioInterval([]), {
      method: 'paired-signed-rank', estimate: null, low: null, high: null, coverage: null,
      reason: 'needs at least 6 rounds for a 95% interval of the paired ratio (has 0)',
    });
  });

  it('a time that is not positive and finite gives no interval; a confidence outside (0, 1) is a bug', () => {
    for (const bad of [0, -1, Number.NaN, Infinity]) {
      const result = pairedRatioInterval([...pairs.slice(0, 7), [bad, 10]]);
      assert.equal((result as { reason: string }).reason, 'a time is not a positive finite number');
      assert.equal(pairedRatioInterval([...pairs.slice(0, 7), [10, bad]]).coverage, null);
    }
    assert.throws(() => pairedRatioInterval(pairs, 1), RangeError);
  });
});

// Coverage by simulation. Lognormal times with a load factor shared by each round (CV 30%); each sample's own noise
// and its slow outliers follow the same law on both sides, so the per-round log ratio is symmetric about ln(ratio)
// and the claimed coverage is exact: the observed must lie within 3 standard errors of it, above and below.
const TRIALS = 1500;

describe(`paired coverage over ${TRIALS} seeded replicates, 3 standard errors either side of the exact claim`, () => {
  let seed = 0; // one seed per case
  for (const outliers of [null, SLOW_OUTLIERS]) {
    for (const cv of [0.05, 0.2]) {
      for (const ratio of [1, 1.2, 3]) {
        for (const n of [10, 20]) {
          const name = `CV ${cv * 100}%, ratio ${ratio}, ${n} rounds${outliers ? ', 10% slow outliers' : ''}`;
          const random = seededRandom(++seed);
          it(name, (t) => {
            let hits = 0;
            let claimed = 0;
            for (let trial = 0; trial < TRIALS; trial++) {
              const found = interval(pairedRatioInterval(pairedRounds(random, n, { ratio, cv, outliers })));
              claimed = found.coverage;
              if (found.low <= ratio && ratio <= found.high) hits++;
            }
            t.diagnostic(`claimed ${claimed.toFixed(4)}, observed ${(hits / TRIALS).toFixed(4)}`);
            close(hits / TRIALS, claimed, threeStandardErrors(claimed, TRIALS));
          });
        }
      }
    }
  }
});
