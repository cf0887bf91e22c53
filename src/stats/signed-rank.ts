// The paired ratio to native: rounds run each strategy once, back to back (the default interleaved order), so a
// round's load — another build, a thermal dip — slows both of its samples and cancels in their ratio.
//
// Per round, d = ln(strategy time / native time). The estimate is exp of the Hodges–Lehmann median of the Walsh
// averages (d_i + d_j) / 2, i <= j; the interval inverts the Wilcoxon signed-rank test (see rank-interval.ts).
// It assumes the d are independent and symmetric about the true log ratio: a shared load cancels, and equal noise
// on both sides, outliers included, gives a symmetric difference. Then the coverage is exact for any shape.
//
// Ties and zeros: no Walsh average is dropped. The usual zero-difference rules (Wilcoxon's, Pratt's) belong to the
// test at 0; here every shift is tested in turn, and at the true shift d_i - shift = 0 has probability 0 for
// continuous times. Timer resolution makes ties possible, which only errs on the side of coverage.
import { assertConfidence, minSamplesFor, percent } from './order-statistics.js';
import {
  boundsOf,
  logsOf,
  rankFromLowerTail,
  rankFromNormal,
  ratioOf,
  type NoRatioInterval,
  type RatioIntervalResult,
  type ShiftInterval,
  type ShiftRank,
} from './rank-interval.js';

/** Up to this many rounds the rank comes from the exact null distribution (~5 million additions at the limit);
 * beyond, from the normal approximation with continuity correction, whose coverage is then approximate. */
export const SIGNED_RANK_EXACT_MAX = 300;

/**
 * P(T <= t) for t = 0 … upTo, T the signed-rank statistic of n rounds under the null: the sum of a random subset
 * of {1, …, n}. Dynamic programming over j = 1 … n, p_j(t) = (p_{j-1}(t) + p_{j-1}(t - j)) / 2; every value is a
 * count over 2^n, exact in a double while the counts fit 53 bits (n <= 52 at least) and within ~1e-15 beyond.
 */
export function signedRankLowerTail(n: number, upTo: number): Float64Array {
  let pmf = new Float64Array(upTo + 1);
  pmf[0] = 1;
  for (let j = 1; j <= n; j++) {
    const next = new Float64Array(upTo + 1);
    for (let t = 0; t <= upTo; t++) next[t] = (pmf[t] + (t >= j ? pmf[t - j] : 0)) / 2;
    pmf = next;
  }
  for (let t = 1; t <= upTo; t++) pmf[t] += pmf[t - 1];
  return pmf;
}

/**
 * Fewest rounds with any paired interval at this confidence: the full range of Walsh averages covers with
 * 1 - 2 P(T = 0) = 1 - 2^(1-n), the same bound as the median's order-statistic interval (6 at 95%, 8 at 99%).
 */
export function minRoundsFor(confidence = 0.95): number {
  return minSamplesFor(confidence);
}

// The rank depends on (n, confidence) alone and simulations ask for the same ones thousands of times.
const ranks = new Map<string, ShiftRank | null>();

function computeRank(n: number, confidence: number): ShiftRank | null {
  if (n < 1) return null;
  const walsh = (n * (n + 1)) / 2;
  if (n > SIGNED_RANK_EXACT_MAX) return rankFromNormal(walsh / 2, (walsh * (2 * n + 1)) / 12, confidence);
  // P(T <= walsh/2) >= 1/2 by symmetry, so no rank past half the Walsh averages can reach any confidence.
  return rankFromLowerTail(signedRankLowerTail(n, Math.floor(walsh / 2)), confidence);
}

/** The rank of the paired interval's ends for n rounds, and its coverage; null below {@link minRoundsFor}. */
export function signedRankRank(n: number, confidence = 0.95): ShiftRank | null {
  assertConfidence(confidence);
  const key = `${n} ${confidence}`;
  if (!ranks.has(key)) ranks.set(key, computeRank(n, confidence));
  return ranks.get(key)!;
}

/** The n(n+1)/2 Walsh averages (d_i + d_j) / 2, i <= j. */
export function walshAverages(d: readonly number[]): Float64Array {
  const averages = new Float64Array((d.length * (d.length + 1)) / 2);
  let at = 0;
  for (let i = 0; i < d.length; i++) for (let j = i; j < d.length; j++) averages[at++] = (d[i] + d[j]) / 2;
  return averages;
}

/**
 * Hodges–Lehmann estimate and signed-rank interval of the centre of d (one value per round, log scale), or a
 * reason when there is none.
 */
export function signedRankInterval(d: readonly number[], confidence = 0.95): ShiftInterval | { reason: string } {
  assertConfidence(confidence);
  if (!d.every(Number.isFinite)) return { reason: 'a log ratio is not a finite number' };
  const rank = signedRankRank(d.length, confidence);
  if (!rank) {
    return { reason: `needs at least ${minRoundsFor(confidence)} rounds for a ${percent(confidence)} interval of the paired ratio (has ${d.length})` };
  }
  return { ...rank, ...boundsOf(walshAverages(d), rank.k) };
}

/**
 * The ratio strategy / native from paired rounds, each pair [strategy time, native time] of one round: the
 * Hodges–Lehmann estimate with the exact Wilcoxon signed-rank interval (exact coverage up to
 * {@link SIGNED_RANK_EXACT_MAX} rounds). No interval below {@link minRoundsFor} rounds or with a time that is not
 * positive; the estimate is still given when one can be made.
 */
export function pairedRatioInterval(pairs: ReadonlyArray<readonly [number, number]>, confidence = 0.95): RatioIntervalResult {
  assertConfidence(confidence);
  const method = 'paired-signed-rank';
  const strategy = logsOf(pairs.map((p) => p[0]));
  const reference = logsOf(pairs.map((p) => p[1]));
  const none = (reason: string, estimate: number | null): NoRatioInterval => ({ method, estimate, low: null, high: null, coverage: null, reason });
  if (typeof strategy === 'string') return none(strategy, null);
  if (typeof reference === 'string') return none(reference, null);
  const d = strategy.map((s, i) => s - reference[i]);
  const found = signedRankInterval(d, confidence);
  if ('reason' in found) return none(found.reason, d.length > 0 ? Math.exp(boundsOf(walshAverages(d), 1).estimate) : null);
  return ratioOf(method, found, d.length);
}

/** The paired ratio in plain words, for results.md and report.html. */
export const PAIRED_RATIO_METHOD =
  'The ratio to native pairs the rounds: each round gives one ratio, strategy over native, so a load that a round ' +
  'shares cancels out. The estimate is the Hodges–Lehmann median of those ratios (on the log scale, of every ' +
  'pairwise average), the interval the exact Wilcoxon signed-rank one, its exact coverage printed (95.3% at 7 ' +
  "rounds). It assumes the rounds are independent, and that each round's ratio is as likely to land a given factor " +
  'above the true ratio as below it.';
