// Distribution-free confidence intervals from order statistics, with their exact coverage.
//
// Median: the interval from the k-th smallest to the k-th largest sample, [X(k), X(n+1-k)]. It misses the
// median only if k or more samples fall on one side of it, so its coverage is 1 - 2 P(Binomial(n, 1/2) <= k - 1)
// for any continuous distribution (and at least that with ties). We take the largest k that reaches the
// confidence; below minSamplesFor(confidence) samples (6 at 95 %) not even the full range does, so there is none.
//
// Ratio of two independent medians: an interval for each median at coverages c_a and c_b with c_a * c_b >= the
// confidence; when both hold, the ratio lies between the corners low_a / high_b and high_a / low_b.
// The ranks depend on the two sample sizes only: choosing them from the data would void the guarantee.
import { sorted } from './descriptive.js';

/** Plain sentences a results page can quote about the interval of the median. */
export const MEDIAN_METHOD =
  'The interval of the median runs from the k-th smallest to the k-th largest sample, with k chosen from the ' +
  'number of samples by the exact binomial distribution; it holds whatever the shape of the distribution, and ' +
  'the coverage printed is exact (at least that with tied values). Too few samples (under 6 for 95%) give no interval.';

/** The same for a ratio of medians (a cell's median over its reference's median): runs recorded before paired
 * ratios, and the site's comparisons of two machines' medians. */
export const CORNER_RATIO_METHOD =
  "The interval of the ratio divides the ends of an interval of each median (low by the reference's high, high by " +
  "the reference's low), with ranks chosen from the two sample counts alone. The samples are independent, so both " +
  'intervals hold at once with probability at least the product of their coverages, which is the coverage printed. ' +
  "There is no interval when the reference's interval includes 0 or the samples are too few (7 each suffice for 95%).";

/** An interval [low, high] that contains the true value with probability `coverage` (a lower bound for ratios). */
export interface CoveredInterval {
  low: number;
  high: number;
  coverage: number;
}

/** No interval, and a short reason a report can print in its place. */
export interface NoInterval {
  low: null;
  high: null;
  coverage: null;
  reason: string;
}

export type IntervalResult = CoveredInterval | NoInterval;

/** Which order statistics bound the median: X(k) and X(n+1-k), 1-based, and their exact coverage. */
export interface MedianRank {
  k: number;
  coverage: number;
}

export interface RatioRanks {
  numerator: MedianRank;
  denominator: MedianRank;
  /** numerator.coverage * denominator.coverage: a lower bound on the ratio interval's coverage. */
  coverage: number;
}

/** Throws on a confidence outside (0, 1): a caller's bug, not a property of the data. */
export function assertConfidence(confidence: number): void {
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must lie strictly between 0 and 1 (got ${confidence})`);
}

function noInterval(reason: string): NoInterval {
  return { low: null, high: null, coverage: null, reason };
}

/** A confidence as a report prints it: 0.95 → "95%", 0.985 → "98.5%". */
export const percent = (confidence: number): string => `${Number((confidence * 100).toPrecision(10))}%`;

/**
 * Coverage of [X(k), X(n+1-k)] for k = 1, 2, … while it stays >= confidence (index k - 1 holds rank k).
 * Each term C(n,i)/2^n is the previous one times (n-i+1)/i. While 2^-n is a normal double (n <= 1022) we
 * multiply directly, which is exact for n <= 50 (every term and partial sum is a multiple of 2^-n within 53 bits);
 * beyond, 2^-n underflows, so we carry the term's logarithm (relative error ~1e-12 at n = 5000).
 */
function coveragesAtLeast(n: number, confidence: number): number[] {
  const coverages: number[] = [];
  const linear = n <= 1022;
  let term = linear ? 2 ** -n : -n * Math.LN2; // C(n,0)/2^n, or its logarithm
  let tail = 0; // P(Binomial(n, 1/2) <= k - 1)
  for (let k = 1; 2 * k <= n; k++) {
    const i = k - 1;
    if (i > 0) term = linear ? (term * (n - i + 1)) / i : term + Math.log((n - i + 1) / i);
    tail += linear ? term : Math.exp(term);
    const coverage = 1 - 2 * tail;
    if (coverage < confidence) break;
    coverages.push(coverage);
  }
  return coverages;
}

/** The largest k whose interval [X(k), X(n+1-k)] reaches the confidence, or null when n is too small. */
export function medianRank(n: number, confidence = 0.95): MedianRank | null {
  assertConfidence(confidence);
  const coverages = coveragesAtLeast(n, confidence);
  return coverages.length === 0 ? null : { k: coverages.length, coverage: coverages[coverages.length - 1] };
}

/** Fewest samples with any interval of the median at this confidence: 1 - 2^(1-n) >= confidence (6 for 95 %). */
export function minSamplesFor(confidence = 0.95): number {
  assertConfidence(confidence);
  let n = 1;
  while (1 - 2 ** (1 - n) < confidence) n++;
  return n;
}

/** Fewest samples per side, at equal sizes, with an interval of the ratio: (1 - 2^(1-n))^2 >= confidence (7 for 95 %). */
export function minSamplesForRatio(confidence = 0.95): number {
  assertConfidence(confidence);
  let n = 1;
  while ((1 - 2 ** (1 - n)) ** 2 < confidence) n++;
  return n;
}

/** The confidence interval of the median: [X(k), X(n+1-k)] of the sorted values, or no interval. */
export function medianInterval(values: readonly number[], confidence = 0.95): IntervalResult {
  assertConfidence(confidence);
  if (!values.every((v) => Number.isFinite(v))) return noInterval('a sample is not a finite number');
  const rank = medianRank(values.length, confidence);
  if (!rank) {
    return noInterval(`needs at least ${minSamplesFor(confidence)} samples for a ${percent(confidence)} interval (has ${values.length})`);
  }
  const ascending = sorted(values);
  return { low: ascending[rank.k - 1], high: ascending[values.length - rank.k], coverage: rank.coverage };
}

// Standard normal quantile, Acklam's rational approximation (relative error < 1.2e-9): ample for a width proxy.
const A = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
const B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const C = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];

const horner = (coefficients: readonly number[], x: number): number => coefficients.reduce((sum, c) => sum * x + c, 0);

export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile needs 0 < p < 1 (got ${p})`);
  if (p > 0.5) return -normalQuantile(1 - p);
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(p));
    return horner(C, q) / (horner(D, q) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return (horner(A, r) * q) / (horner(B, r) * r + 1);
}

/**
 * Expected half-width of [X(k), X(n+1-k)] in units of the population's spread, were it normal: X(k) sits on
 * average at the k/(n+1) quantile. Summing the two samples' proxies assumes they have the same spread (on the
 * log scale that a ratio lives on); the real spreads are unknown before looking at the data, which we must not do.
 */
const halfWidthProxy = (n: number, k: number): number => normalQuantile(1 - k / (n + 1));

/**
 * The ranks for a ratio of medians: among (k_a, k_b) with c_a * c_b >= confidence, the narrowest by the proxy
 * (ties go to the higher coverage, then the smaller k_a). Null when no pair reaches the confidence: at 95 %,
 * 6 and 6 give 0.96875^2 = 0.938 < 0.95, while 7 and 7 give 0.984375^2 = 0.969 and 6 and 7 give 0.954.
 */
export function ratioRanks(nNumerator: number, nDenominator: number, confidence = 0.95): RatioRanks | null {
  assertConfidence(confidence);
  // Each coverage is below 1, so each side alone must reach the confidence.
  const a = coveragesAtLeast(nNumerator, confidence);
  const b = coveragesAtLeast(nDenominator, confidence);
  let best: (RatioRanks & { width: number }) | null = null;
  let kb = b.length; // coverages fall as ranks rise, so the largest feasible k_b only shrinks as k_a grows
  for (let ka = 1; ka <= a.length; ka++) {
    while (kb >= 1 && a[ka - 1] * b[kb - 1] < confidence) kb--;
    if (kb === 0) break;
    const width = halfWidthProxy(nNumerator, ka) + halfWidthProxy(nDenominator, kb);
    const coverage = a[ka - 1] * b[kb - 1];
    const narrower = best === null || width < best.width - 1e-12;
    const asNarrow = best !== null && Math.abs(width - best.width) <= 1e-12 && coverage > best.coverage;
    if (narrower || asNarrow) {
      best = { numerator: { k: ka, coverage: a[ka - 1] }, denominator: { k: kb, coverage: b[kb - 1] }, coverage, width };
    }
  }
  return best && { numerator: best.numerator, denominator: best.denominator, coverage: best.coverage };
}

/** The confidence interval of median(numerator) / median(denominator) for two independent samples, or no interval. */
export function ratioInterval(
  numerator: readonly number[],
  denominator: readonly number[],
  confidence = 0.95,
): IntervalResult {
  assertConfidence(confidence);
  if (![...numerator, ...denominator].every((v) => Number.isFinite(v))) return noInterval('a sample is not a finite number');
  const ranks = ratioRanks(numerator.length, denominator.length, confidence);
  if (!ranks) {
    const [has, enough] = [`${numerator.length} and ${denominator.length}`, minSamplesForRatio(confidence)];
    return noInterval(`too few samples for a ${percent(confidence)} interval of the ratio (has ${has}; ${enough} and ${enough} would do)`);
  }
  const a = sorted(numerator);
  const b = sorted(denominator);
  const [lowA, highA] = [a[ranks.numerator.k - 1], a[a.length - ranks.numerator.k]];
  const [lowB, highB] = [b[ranks.denominator.k - 1], b[b.length - ranks.denominator.k]];
  // A denominator that may be 0 makes the ratio unbounded.
  if (lowB <= 0) return noInterval(highB >= 0 ? "the reference's interval includes 0" : "the reference's interval is below 0");
  // Extremes of a/b over the rectangle are at its corners; with lowA >= 0 these are lowA/highB and highA/lowB.
  return {
    low: Math.min(lowA / lowB, lowA / highB),
    high: Math.max(highA / lowB, highA / highB),
    coverage: ranks.coverage,
  };
}
