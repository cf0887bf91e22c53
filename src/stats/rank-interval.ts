// What the paired and the unpaired ratio intervals share: both invert a rank test on the log scale.
//
// Of N candidate shifts (the Walsh averages of the log ratios, or all differences of log times) the estimate is
// their median (Hodges–Lehmann) and the interval runs from the k-th smallest to the k-th largest. At the true
// shift the rank statistic S (how many candidates lie above it) has a known, symmetric null distribution, and the
// closed interval misses the shift exactly when S <= k - 1 or S >= N + 1 - k: its coverage is 1 - 2 P(S <= k - 1).
// We take the largest k whose coverage reaches the confidence. Ties (timers have a resolution) only make candidates
// equal to the true shift count on the covered side, so with ties the coverage is at least the one printed.
import { normalQuantile } from './order-statistics.js';

/** How the rank was chosen: from the exact null distribution, or from its normal approximation (larger samples). */
export type NullDistribution = 'exact' | 'normal';

/** Which ratio interval: paired rounds (Wilcoxon signed-rank) or two independent samples (Mann–Whitney). */
export type RatioMethod = 'paired-signed-rank' | 'unpaired-rank-sum';

/** The rank k of the interval's ends and the interval's coverage, 1 - 2 P(S <= k - 1). */
export interface ShiftRank {
  k: number;
  coverage: number;
  nullDistribution: NullDistribution;
}

/** An interval of a shift on the log scale (a log ratio), with its Hodges–Lehmann estimate. */
export interface ShiftInterval extends ShiftRank {
  estimate: number;
  low: number;
  high: number;
}

/** A ratio (strategy over reference) with its interval: exp of a {@link ShiftInterval}. */
export interface RatioInterval {
  method: RatioMethod;
  /** exp(Hodges–Lehmann estimate of the log ratio): the typical ratio, robust to outliers. */
  estimate: number;
  low: number;
  high: number;
  /** Exact coverage of [low, high] (at least this with tied times); approximate when nullDistribution is 'normal'. */
  coverage: number;
  /** low is the k-th smallest candidate ratio and high the k-th largest. */
  k: number;
  nullDistribution: NullDistribution;
  /** Rounds (paired) or the two sample counts, strategy first (unpaired). */
  samples: number | readonly [number, number];
}

/** No interval at this confidence, and a short reason a report can print in its place. */
export interface NoRatioInterval {
  method: RatioMethod;
  /** The estimate when there are samples to make one (an interval needs more), else null. */
  estimate: number | null;
  low: null;
  high: null;
  coverage: null;
  reason: string;
}

export type RatioIntervalResult = RatioInterval | NoRatioInterval;

/**
 * The largest k with 1 - 2 P(S <= k - 1) >= confidence, from lowerTail[t] = P(S <= t) (t = 0, 1, …, enough to
 * pass the confidence); null when even k = 1, the full range, falls short.
 */
export function rankFromLowerTail(lowerTail: ArrayLike<number>, confidence: number): ShiftRank | null {
  let k = 0;
  while (k < lowerTail.length && 1 - 2 * lowerTail[k] >= confidence) k++;
  if (k === 0) return null;
  return { k, coverage: 1 - 2 * lowerTail[k - 1], nullDistribution: 'exact' };
}

/**
 * The same rank from a normal approximation of S (mean, variance) with continuity correction:
 * P(S <= k - 1) ≈ Φ((k - 1/2 - mean) / sd). Used only where the exact distribution would cost too much.
 */
export function rankFromNormal(mean: number, variance: number, confidence: number): ShiftRank | null {
  const sd = Math.sqrt(variance);
  const coverageOf = (k: number) => 1 - 2 * normalCdf((k - 0.5 - mean) / sd);
  let k = Math.floor(mean + sd * normalQuantile((1 - confidence) / 2) + 0.5);
  // The quantile and the CDF are separate approximations: make k agree with the coverage we print.
  while (k >= 1 && coverageOf(k) < confidence) k--;
  while (coverageOf(k + 1) >= confidence) k++;
  return k < 1 ? null : { k, coverage: coverageOf(k), nullDistribution: 'normal' };
}

/** The median and the k-th smallest and largest of the candidates (sorted in place: the caller's scratch array). */
export function boundsOf(candidates: Float64Array, k: number): { estimate: number; low: number; high: number } {
  candidates.sort();
  const n = candidates.length;
  const estimate = n % 2 === 1 ? candidates[(n - 1) / 2] : (candidates[n / 2 - 1] + candidates[n / 2]) / 2;
  return { estimate, low: candidates[k - 1], high: candidates[n - k] };
}

/** The ratio scale: exp of a log-scale interval. */
export function ratioOf(method: RatioMethod, shift: ShiftInterval, samples: RatioInterval['samples']): RatioInterval {
  return {
    method,
    estimate: Math.exp(shift.estimate),
    low: Math.exp(shift.low),
    high: Math.exp(shift.high),
    coverage: shift.coverage,
    k: shift.k,
    nullDistribution: shift.nullDistribution,
    samples,
  };
}

/** Log times, or a reason when one cannot be taken (a ratio needs positive, finite times). */
export function logsOf(values: readonly number[]): number[] | string {
  return values.every((v) => Number.isFinite(v) && v > 0) ? values.map(Math.log) : 'a time is not a positive finite number';
}

/**
 * Standard normal CDF, Φ(x) = erfc(-x / √2) / 2, with the Chebyshev erfc of Numerical Recipes (fractional error
 * < 1.2e-7): far finer than the normal approximation it serves.
 */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const poly =
    -z * z - 1.26551223 +
    t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 +
    t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const erfc = t * Math.exp(poly);
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}
