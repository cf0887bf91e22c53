// The sequential rule end to end: judge the ratio at each planned look, at that look's confidence, and stop at
// the first look whose verdict settles (decided, and precise if asked), else at the last. The executor applies
// the same steps one round at a time (lookAt, then the interval at look.confidence, then judgeRatio); this runs
// them over samples already in hand, for simulations and for reading a finished run again.
import type { Look, LookPlan } from './looks.js';
import type { RatioIntervalResult } from './rank-interval.js';
import { judgeRatio, type JudgeOptions, type Judgement } from './ratio-verdict.js';

/** One look taken: its interval and, when there is one, its judgement. */
export interface LookTaken {
  look: Look;
  interval: RatioIntervalResult;
  judgement: Judgement | null;
}

export interface SequentialOutcome {
  /** The looks taken, in order; the last is where sampling stopped. */
  taken: LookTaken[];
  stopped: LookTaken;
  /** The stopping look's judgement settled; false when the last look was reached undecided (or without interval). */
  settled: boolean;
}

/**
 * Walks the plan's looks. `intervalAt(samples, confidence)` is the ratio interval of the first `samples` samples
 * (rounds) at that confidence, e.g. `(n, c) => pairedRatioInterval(pairs.slice(0, n), c)`; it is called only
 * for the looks reached.
 */
export function sequentialVerdict(
  plan: LookPlan,
  intervalAt: (samples: number, confidence: number) => RatioIntervalResult,
  options: JudgeOptions = {},
): SequentialOutcome {
  const taken: LookTaken[] = [];
  for (const look of plan.looks) {
    const interval = intervalAt(look.samples, look.confidence);
    const judgement = interval.coverage === null ? null : judgeRatio(interval, options);
    taken.push({ look, interval, judgement });
    if (judgement?.settled) return { taken, stopped: taken[taken.length - 1], settled: true };
  }
  return { taken, stopped: taken[taken.length - 1], settled: false };
}
