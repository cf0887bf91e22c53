import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  medianInterval,
  medianRank,
  minSamplesFor,
  minSamplesForRatio,
  normalQuantile,
  ratioInterval,
  ratioRanks,
  type CoveredInterval,
  type IntervalResult,
} from '../../src/stats/order-statistics.js';
import { seededRandom, type Random } from '../helpers/random.js';

const close = (actual: number, expected: number, tolerance = 1e-12) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} is not within ${tolerance} of ${expected}`);

function interval(result: IntervalResult): CoveredInterval {
  if (result.coverage === null) return assert.fail(`expected an interval, got none: ${result.reason}`);
  return result;
}

/** The values n, n-1, …, 1: unsorted, and X(k) = k, so an interval shows its ranks. */
const descending = (n: number) => Array.from({ length: n }, (_, i) => n - i);

/** 1 - 2 P(Binomial(n, 1/2) <= k - 1) in exact integer arithmetic, rounded once at the end. */
function exactCoverage(n: number, k: number): number {
  let tail = 0n;
  let choose = 1n; // C(n, i)
  for (let i = 0; i < k; i++) {
    tail += choose;
    choose = (choose * BigInt(n - i)) / BigInt(i + 1);
  }
  const scale = 2n ** BigInt(n);
  return Number(((scale - 2n * tail) * 10n ** 18n) / scale) / 1e18;
}

describe('medianInterval: [X(k), X(n+1-k)], k the largest rank whose exact coverage reaches 95 %', () => {
  it('n = 6 gives (X1, X6) at 1 - 2/64 = 0.96875 (by hand: P(Bin(6, 1/2) = 0) = 1/64)', () =>
    assert.deepEqual(medianInterval(descending(6)), { low: 1, high: 6, coverage: 0.96875 }));

  it('n = 7 gives (X1, X7) at 1 - 2/128 = 0.984375 (by hand; X2 would give 1 - 2*8/128 = 0.875)', () =>
    assert.deepEqual(medianInterval(descending(7)), { low: 1, high: 7, coverage: 0.984375 }));

  it('n = 10 gives (X2, X9) at 1 - 2*11/1024 = 0.978515625 (by hand: P(Bin(10, 1/2) <= 1) = (1+10)/1024)', () =>
    assert.deepEqual(medianInterval(descending(10)), { low: 2, high: 9, coverage: 0.978515625 }));

  it('n = 20 gives (X6, X15) at 1 - 2*21700/1048576 = 0.958610535 (Conover\'s table; by hand 1+20+190+1140+4845+15504 = 21700)', () => {
    const result = interval(medianInterval(descending(20)));
    assert.deepEqual([result.low, result.high], [6, 15]);
    close(result.coverage, 1 - (2 * 21700) / 1048576);
    close(result.coverage, 0.958610535, 1e-9);
  });

  it('n = 1000 and 5000: the exact ranks (python3, scipy.stats.binom.cdf) without overflow, near the normal approximation', () => {
    // P(Bin <= k-1) <= 0.025 with the continuity correction: k ~ n/2 - 1.96 sqrt(n)/2 + 1/2 = 469.5 and 2431.2.
    for (const [n, k, coverage] of [
      [1000, 469, 0.9537088026395019], // 1 - 2*binom.cdf(468, 1000, .5); k = 470 gives 0.94632
      [5000, 2431, 0.9506841418958285], // 1 - 2*binom.cdf(2430, 5000, .5); k = 2432 gives 0.94732
    ]) {
      const rank = medianRank(n);
      assert.ok(rank);
      assert.equal(rank.k, k);
      close(rank.coverage, coverage, 1e-12);
      assert.ok(Math.abs(k - (n / 2 - (1.959964 * Math.sqrt(n)) / 2 + 0.5)) <= 1);
    }
  });

  it('agrees with exact integer arithmetic for every n up to 300, at 90, 95 and 99 %', () => {
    for (const confidence of [0.9, 0.95, 0.99]) {
      for (let n = minSamplesFor(confidence); n <= 300; n++) {
        const rank = medianRank(n, confidence);
        assert.ok(rank, `n = ${n}`);
        close(rank.coverage, exactCoverage(n, rank.k), 1e-14);
        assert.ok(exactCoverage(n, rank.k) >= confidence, `n = ${n}: rank ${rank.k} reaches ${confidence}`);
        assert.ok(exactCoverage(n, rank.k + 1) < confidence, `n = ${n}: rank ${rank.k + 1} does not`);
      }
    }
  });

  it('five samples or fewer: no interval at 95 %, and the reason says how many it needs', () => {
    for (const n of [0, 1, 2, 3, 5]) {
      assert.deepEqual(medianInterval(descending(n)), {
        low: null,
        high: null,
        coverage: null,
        reason: `needs at least 6 samples for a 95% interval (has ${n})`,
      });
    }
    assert.equal(minSamplesFor(0.95), 6); // 1 - 2^(1-n) >= 0.95: 0.9375 at n = 5, 0.96875 at n = 6
    assert.equal(minSamplesFor(0.99), 8); // 0.984375 at n = 7, 0.9921875 at n = 8
    assert.match((medianInterval(descending(7), 0.99) as { reason: string }).reason, /at least 8 samples for a 99% interval/);
  });

  it('ties are fine: the interval may collapse to one value', () => {
    assert.deepEqual(medianInterval([5, 5, 5, 5, 5, 5]), { low: 5, high: 5, coverage: 0.96875 });
    assert.deepEqual(medianInterval([2, 9, 2, 2, 1, 2, 2, 2, 2, 2]), { low: 2, high: 2, coverage: 0.978515625 });
  });

  it('a value that is not finite gives no interval; a confidence outside (0, 1) is a bug', () => {
    assert.equal(medianInterval([1, 2, 3, 4, 5, Number.NaN]).coverage, null);
    assert.equal(medianInterval([1, 2, 3, 4, 5, Infinity, 7]).coverage, null);
    assert.throws(() => medianInterval(descending(10), 1), RangeError);
    assert.throws(() => medianInterval(descending(10), 0), RangeError);
  });
});

describe('ratioInterval: median(a) / median(b) from an interval of each, c_a * c_b >= 95 %', () => {
  const a = [95.1, 97.3, 96.0, 99.2, 94.8, 98.4, 96.6];
  const b = [41.0, 42.2, 40.5, 41.8, 41.1, 40.7, 41.4];

  it('7 and 7 use the extremes, at 0.984375^2 = 0.968994140625 (by hand)', () => {
    assert.deepEqual(ratioInterval(a, b), { low: 94.8 / 42.2, high: 99.2 / 40.5, coverage: 0.968994140625 });
  });

  it('6 and 6 give none (0.96875^2 = 0.938 < 0.95); 6 and 7 suffice (0.96875 * 0.984375 = 0.95361328125)', () => {
    assert.deepEqual(ratioInterval(a.slice(0, 6), b.slice(0, 6)), {
      low: null,
      high: null,
      coverage: null,
      reason: 'too few samples for a 95% interval of the ratio (has 6 and 6; 7 and 7 would do)',
    });
    assert.equal(interval(ratioInterval(a.slice(0, 6), b)).coverage, 0.95361328125);
    assert.equal(minSamplesForRatio(0.95), 7);
    assert.equal(ratioInterval([1, 2], [1, 2]).coverage, null); // the audit's n = 2 case
  });

  it('10 and 15 take (X2, X9) and (X3, X13): the narrowest feasible pair by the normal-quantile proxy', () => {
    // n = 10: k = 1, 2 give 0.998046875, 0.978515625. n = 15 (P(Bin(15, 1/2) <= j) = 1, 16, 121, 576 / 32768):
    // k = 3, 4 give 0.99261474609375, 0.96484375. Feasible: (1, 4) at 0.96296, (2, 3) at 0.97129; (2, 4) at 0.944 is not.
    // Proxies (Python statistics.NormalDist): (1, 4) 1.3352 + 0.6745 = 2.010; (2, 3) 0.9085 + 0.8871 = 1.796.
    const ranks = ratioRanks(10, 15);
    assert.ok(ranks);
    assert.deepEqual([ranks.numerator.k, ranks.denominator.k], [2, 3]);
    close(ranks.coverage, 0.978515625 * 0.99261474609375); // 0.9712890386581421
    const result = interval(ratioInterval(descending(10), descending(15)));
    assert.deepEqual([result.low, result.high], [2 / 13, 9 / 3]);
  });

  it('a reference that may be 0 gives no interval, never NaN or Infinity', () => {
    const nativeMissed = [0, 0, 0, 20, 0, 0, 0]; // a native "missed %" cell
    const result = ratioInterval([3, 5, 0, 8, 2, 4, 6], nativeMissed);
    assert.deepEqual(result, { low: null, high: null, coverage: null, reason: "the reference's interval includes 0" });
    assert.equal(ratioInterval(a, [...b.slice(0, 6), -1]).coverage, null);
  });

  it('zeros in the numerator are fine; values that are not finite are not', () => {
    const result = interval(ratioInterval([0, 0, 0, 1, 2, 3, 4], b));
    assert.deepEqual([result.low, result.high], [0, 4 / 40.5]);
    assert.equal(ratioInterval([...a.slice(0, 6), Number.NaN], b).coverage, null);
    assert.equal(ratioInterval(a, [...b.slice(0, 6), Infinity]).coverage, null);
  });
});

describe('normalQuantile (the width proxy), against Python statistics.NormalDist().inv_cdf', () => {
  it('matches to 1e-8', () => {
    for (const [p, z] of [
      [0.5, 0],
      [0.75, 0.6744897501960817],
      [0.975, 1.9599639845400536],
      [0.999, 3.090232306167813],
      [0.01, -2.3263478740408408],
    ]) close(normalQuantile(p), z, 1e-8);
  });
});

// Coverage by simulation: lognormal samples (skewed, true median exp(mu) exactly), seeded so the test is stable.
// With 4000 trials the observed coverage has standard error sqrt(c(1-c)/4000) <= 0.0035; we allow 3 of them.
const TRIALS = 4000;
const tolerance = (coverage: number) => 3 * Math.sqrt((coverage * (1 - coverage)) / TRIALS);

function lognormal(random: Random, mu: number, sigma: number): number {
  // Box–Muller; 1 - random() lies in (0, 1], so the logarithm is finite.
  const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Math.exp(mu + sigma * z);
}

const draw = (random: Random, n: number, mu: number, sigma: number) => Array.from({ length: n }, () => lognormal(random, mu, sigma));

describe(`coverage over ${TRIALS} seeded samples`, () => {
  for (const n of [6, 7, 10, 20]) {
    it(`median, n = ${n}: observed within 3 standard errors of the claimed (exact) coverage`, (t) => {
      const random = seededRandom(100 + n);
      const trueMedian = Math.exp(1);
      let hits = 0;
      let claimed = 0;
      for (let trial = 0; trial < TRIALS; trial++) {
        const result = interval(medianInterval(draw(random, n, 1, 0.8)));
        claimed = result.coverage;
        if (result.low <= trueMedian && trueMedian <= result.high) hits++;
      }
      t.diagnostic(`claimed ${claimed.toFixed(4)}, observed ${(hits / TRIALS).toFixed(4)}`);
      close(hits / TRIALS, claimed, tolerance(claimed));
    });
  }

  it('median with ties (lognormal rounded to whole numbers, median round(4) = 4), n = 10: at least the claim', (t) => {
    // Rounding is monotone, so it maps the median 4 to a median of the rounded values: round(4) = 4.
    const random = seededRandom(7);
    let hits = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      const result = interval(medianInterval(draw(random, 10, Math.log(4), 1).map(Math.round)));
      if (result.low <= 4 && 4 <= result.high) hits++;
    }
    t.diagnostic(`claimed 0.9785, observed ${(hits / TRIALS).toFixed(4)}`);
    assert.ok(hits / TRIALS >= 0.978515625 - tolerance(0.978515625));
  });

  for (const [na, nb] of [
    [7, 7],
    [6, 7],
    [10, 15],
  ]) {
    it(`ratio, n = ${na} and ${nb}: observed at least the claimed lower bound, less 3 standard errors`, (t) => {
      const random = seededRandom(1000 * na + nb);
      const trueRatio = Math.exp(1.2 - 0.3); // exp(mu_a) / exp(mu_b)
      let hits = 0;
      let claimed = 0;
      for (let trial = 0; trial < TRIALS; trial++) {
        const result = interval(ratioInterval(draw(random, na, 1.2, 0.6), draw(random, nb, 0.3, 0.25)));
        claimed = result.coverage;
        if (result.low <= trueRatio && trueRatio <= result.high) hits++;
      }
      t.diagnostic(`claimed ${claimed.toFixed(4)}, observed ${(hits / TRIALS).toFixed(4)}`);
      assert.ok(hits / TRIALS >= claimed - tolerance(claimed), `${hits / TRIALS} < ${claimed}`);
    });
  }
});
