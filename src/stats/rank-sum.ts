// The unpaired ratio: two independent samples, as with `--order sequential`, rounds broken by a failed or missing
// sample, or one run compared with another. The estimate is exp of the Hodges–Lehmann shift, the median of all
// m·n differences ln x_i - ln y_j; the interval inverts the Mann–Whitney test (see rank-interval.ts).
//
// It assumes a pure shift on the log scale: both samples' log times have the same shape and spread and differ only
// in location. Then the coverage is exact for any shape. When the spreads differ it is not: at 95%, 4x-unequal
// spreads get 92.8% at 20 and 20, and 88.5% when the noisier sample is also the smaller (10 noisy, 20 quiet), as the
// asymptotic variance of U predicts (see test/unit/rank-sum.test.ts). Pair the rounds wherever possible.
// Ties between times (timer resolution) only err on the side of coverage.
import { assertConfidence, percent } from './order-statistics.js';
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

/** Up to this product of the sample sizes m·n (70 and 70, 50 and 100) the rank comes from the exact null
 * distribution (~(m·n)²/2 = 12.5 million additions at the limit); beyond, from the normal approximation with
 * continuity correction, whose coverage is then approximate. */
export const RANK_SUM_EXACT_MAX_PRODUCT = 5000;

/**
 * P(U <= u) for u = 0 … upTo, U the Mann–Whitney statistic of samples of m and n under the null (how many of the
 * m·n pairs have the x above the y). Dynamic programming on the largest value of i x's and j y's: it is an x with
 * probability i/(i+j), beating all j y's, else a y beating none: f(i, j, u) = i/(i+j) f(i-1, j, u-j) + j/(i+j) f(i, j-1, u).
 */
export function rankSumLowerTail(m: number, n: number, upTo: number): Float64Array {
  const pointAtZero = () => {
    const f = new Float64Array(upTo + 1);
    f[0] = 1;
    return f;
  };
  let previous: Float64Array[] = Array.from({ length: n + 1 }, pointAtZero); // i = 0: U = 0 whatever j
  for (let i = 1; i <= m; i++) {
    const row: Float64Array[] = [pointAtZero()]; // j = 0
    for (let j = 1; j <= n; j++) {
      const [xTop, yTop] = [i / (i + j), j / (i + j)];
      const [afterX, afterY] = [previous[j], row[j - 1]];
      const f = new Float64Array(upTo + 1);
      for (let u = 0; u <= upTo; u++) f[u] = yTop * afterY[u] + (u >= j ? xTop * afterX[u - j] : 0);
      row.push(f);
    }
    previous = row;
  }
  const tail = previous[n];
  for (let u = 1; u <= upTo; u++) tail[u] += tail[u - 1];
  return tail;
}

function binomial(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return c;
}

/** Whether samples of m and n have any unpaired interval at this confidence: the full range of the differences
 * covers with 1 - 2 P(U = 0) = 1 - 2 / C(m+n, m). */
export function hasShiftInterval(m: number, n: number, confidence = 0.95): boolean {
  assertConfidence(confidence);
  return m >= 1 && n >= 1 && 1 - 2 / binomial(m + n, m) >= confidence;
}

/** Fewest samples per side, at equal sizes, with an unpaired interval: 4 and 4 at 95% (C(8,4) = 70), 5 and 5 at 99%. */
export function minSamplesForShift(confidence = 0.95): number {
  let s = 1;
  while (!hasShiftInterval(s, s, confidence)) s++;
  return s;
}

// The rank depends on (m, n, confidence) alone and simulations ask for the same ones thousands of times.
const ranks = new Map<string, ShiftRank | null>();

/** The rank of the unpaired interval's ends for samples of m and n, and its coverage; null when too few. */
export function rankSumRank(m: number, n: number, confidence = 0.95): ShiftRank | null {
  assertConfidence(confidence);
  if (!hasShiftInterval(m, n, confidence)) return null;
  const key = `${Math.min(m, n)} ${Math.max(m, n)} ${confidence}`;
  if (!ranks.has(key)) {
    const pairs = m * n;
    ranks.set(
      key,
      pairs > RANK_SUM_EXACT_MAX_PRODUCT
        ? rankFromNormal(pairs / 2, (pairs * (m + n + 1)) / 12, confidence)
        : // U's distribution is the same with the roles swapped; P(U <= mn/2) >= 1/2 bounds the ranks worth computing.
          rankFromLowerTail(rankSumLowerTail(Math.min(m, n), Math.max(m, n), Math.floor(pairs / 2)), confidence),
    );
  }
  return ranks.get(key)!;
}

/** The m·n differences a_i - b_j. */
export function pairwiseDifferences(a: readonly number[], b: readonly number[]): Float64Array {
  const differences = new Float64Array(a.length * b.length);
  let at = 0;
  for (const x of a) for (const y of b) differences[at++] = x - y;
  return differences;
}

/** Hodges–Lehmann shift a - b and its Mann–Whitney interval (log scale), or a reason when there is none. */
export function rankSumInterval(a: readonly number[], b: readonly number[], confidence = 0.95): ShiftInterval | { reason: string } {
  assertConfidence(confidence);
  if (![...a, ...b].every(Number.isFinite)) return { reason: 'a log time is not a finite number' };
  const rank = rankSumRank(a.length, b.length, confidence);
  if (!rank) {
    const enough = minSamplesForShift(confidence);
    return {
      reason: `too few samples for a ${percent(confidence)} interval of the unpaired ratio (has ${a.length} and ${b.length}; ${enough} and ${enough} would do)`,
    };
  }
  return { ...rank, ...boundsOf(pairwiseDifferences(a, b), rank.k) };
}

/**
 * The ratio strategy / reference from two independent samples of times: the Hodges–Lehmann estimate with the
 * exact Mann–Whitney interval (exact coverage up to {@link RANK_SUM_EXACT_MAX_PRODUCT} pairs, for a pure shift of
 * the log times). No interval with too few samples or a time that is not positive; the estimate is still given
 * when both samples have one.
 */
export function unpairedRatioInterval(strategy: readonly number[], reference: readonly number[], confidence = 0.95): RatioIntervalResult {
  assertConfidence(confidence);
  const method = 'unpaired-rank-sum';
  const none = (reason: string, estimate: number | null): NoRatioInterval => ({ method, estimate, low: null, high: null, coverage: null, reason });
  const a = logsOf(strategy);
  const b = logsOf(reference);
  if (typeof a === 'string') return none(a, null);
  if (typeof b === 'string') return none(b, null);
  const found = rankSumInterval(a, b, confidence);
  if ('reason' in found) {
    return none(found.reason, a.length > 0 && b.length > 0 ? Math.exp(boundsOf(pairwiseDifferences(a, b), 1).estimate) : null);
  }
  return ratioOf(method, found, [a.length, b.length]);
}

/** The unpaired ratio in plain words, for results.md and report.html. */
export const UNPAIRED_RATIO_METHOD =
  'Where rounds do not pair (--order sequential, a failed or missing sample, two runs compared), the ratio is the ' +
  "unpaired Hodges–Lehmann estimate with the exact Mann–Whitney interval on log times. It assumes the strategy's " +
  "times are native's scaled by a constant.";
