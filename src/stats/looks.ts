// Planned looks for sequential stopping. Looking at the interval after every round and stopping at the first
// decided verdict lets chance pick the look: with an efficient interval it loses 0.7–1.5 points of coverage
// (DESIGN.md, "Statistics"), and for a ratio on the margin, which every settled verdict excludes, 95% intervals
// judged every round cover only 80–85% (scripts/simulate-verdicts.ts). So we look only at planned sample counts,
// each at a level above the overall one, with the errors (1 - level) summing to the overall error.
// By Bonferroni the chance that any look's interval misses is at most that sum, so whichever look we stop at,
// its interval holds with at least the overall confidence.
//
// The default looks are 10, 20 and 30 samples at 99%, 98.5% and 97.5% (errors 1% + 1.5% + 2.5% = 5%): an early
// look settles only clear cells (3x slower clears the margin even with a wide interval), so it can spend little
// error; the last look settles the close ones and gets the most. Custom looks keep that pattern: each look's share
// of the error is proportional to its sample count (10, 20, 30 would give 0.83%, 1.67%, 2.5%; the defaults are
// DESIGN.md's rounder table). An equal split would be simpler but widens the last look, where close cells are
// decided, to pay for early looks that rarely need the error.
import type { RatioMethod } from './rank-interval.js';
import { minSamplesForShift } from './rank-sum.js';
import { assertConfidence, percent } from './order-statistics.js';
import { minRoundsFor } from './signed-rank.js';

/** One planned look: after this many samples (rounds when paired, per side when not), at this confidence. */
export interface Look {
  samples: number;
  confidence: number;
}

export interface LookPlan {
  looks: readonly Look[];
  /** The confidence the stopped result keeps: 1 minus the sum of the looks' errors. */
  overall: number;
  /** 'default' for the default looks (DESIGN.md's levels), 'proportional' for custom looks. */
  split: 'default' | 'proportional';
}

export const DEFAULT_LOOKS: readonly number[] = [10, 20, 30];

/** The default looks' shares of the error: 1%, 1.5% and 2.5% of a 5% error. */
const DEFAULT_SHARES: readonly number[] = [0.2, 0.3, 0.5];

// Levels are sums and products of decimals: rounding up at 1e-12 drops the binary noise (0.98999999999 → 0.99)
// and never lowers a level beyond that noise, so the errors still sum to at most the overall error.
const tidy = (x: number) => Math.ceil(x * 1e12 - 1e-3) / 1e12;

/** Fewest samples for which the interval of this method exists at this confidence (per side when unpaired). */
export function minSamplesAt(confidence: number, method: RatioMethod = 'paired-signed-rank'): number {
  return method === 'paired-signed-rank' ? minRoundsFor(confidence) : minSamplesForShift(confidence);
}

/**
 * Each look's confidence for looks at these sample counts keeping `overall` when stopped at any of them, or the
 * reason the looks will not do (not increasing whole numbers, or a look too early for its interval to exist).
 * The defaults' split for the default looks, else shares proportional to the sample counts (see above).
 */
export function planLooks(
  looks: readonly number[] = DEFAULT_LOOKS,
  overall = 0.95,
  method: RatioMethod = 'paired-signed-rank',
): LookPlan | { reason: string } {
  assertConfidence(overall);
  if (looks.length === 0) return { reason: 'name at least one look' };
  if (!looks.every((n) => Number.isInteger(n) && n >= 1)) return { reason: 'looks must be whole numbers of samples, 1 or more' };
  if (!looks.every((n, i) => i === 0 || n > looks[i - 1])) return { reason: `looks must increase (got ${looks.join(', ')})` };
  const isDefault = looks.length === DEFAULT_LOOKS.length && looks.every((n, i) => n === DEFAULT_LOOKS[i]);
  const total = looks.reduce((sum, n) => sum + n, 0);
  const shares = isDefault ? DEFAULT_SHARES : looks.map((n) => n / total);
  const planned = looks.map((samples, i) => ({ samples, confidence: tidy(1 - (1 - overall) * shares[i]) }));
  const early = planned.find((look) => look.samples < minSamplesAt(look.confidence, method));
  if (early) {
    const needs = minSamplesAt(early.confidence, method);
    return { reason: `the look at ${early.samples} samples is at ${percent(early.confidence)}, which needs at least ${needs} samples` };
  }
  return { looks: planned, overall, split: isDefault ? 'default' : 'proportional' };
}

/** The look planned at this many samples, or null when there is none (keep sampling, do not judge). */
export function lookAt(plan: LookPlan, samples: number): Look | null {
  return plan.looks.find((look) => look.samples === samples) ?? null;
}

