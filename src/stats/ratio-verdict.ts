// What a ratio interval lets one say about a strategy against native, and, when it says nothing yet, how many
// samples it would take. (Not src/report/verdict.ts, which words a platform's paragraph from its cells.)
//
// A margin makes "the same" decidable: a bind mount 3% slower than native is as good as native for a developer,
// but no interval ever proves a ratio is exactly 1. With margin m the interval decides:
//   slower     it lies wholly above 1 + m (low > 1 + m)
//   faster     it lies wholly below 1 - m (high < 1 - m)
//   same       it lies within [1 - m, 1 + m]
//   undecided  otherwise: it straddles a boundary, the data cannot tell yet.
import type { RatioInterval } from './rank-interval.js';

export type RatioVerdict = 'slower' | 'faster' | 'same' | 'undecided';

/** Ratios within 10% of native count as the same. */
export const DEFAULT_MARGIN = 0.1;

/** Past this many samples a forecast says only "more than". */
export const DEFAULT_FORECAST_CAP = 1000;

/** What a verdict needs of an interval. */
export type Bounds = Pick<RatioInterval, 'estimate' | 'low' | 'high'>;

function assertMargin(margin: number): void {
  if (!(margin > 0 && margin < 1)) throw new RangeError(`margin must lie strictly between 0 and 1 (got ${margin})`);
}

/** The verdict of an interval of a ratio against the margin (see the table above). */
export function classifyRatio(interval: Pick<Bounds, 'low' | 'high'>, margin = DEFAULT_MARGIN): RatioVerdict {
  assertMargin(margin);
  if (interval.low > 1 + margin) return 'slower';
  if (interval.high < 1 - margin) return 'faster';
  if (interval.low >= 1 - margin && interval.high <= 1 + margin) return 'same';
  return 'undecided';
}

/** Half the interval's width over the estimate (the `--precision` of today's stop rule); 0 for a point. */
export function relativeHalfWidth(interval: Bounds): number {
  const half = (interval.high - interval.low) / 2;
  return half === 0 ? 0 : half / interval.estimate;
}

/** A verdict, and when a precision was asked, whether the interval meets it. */
export interface Judgement {
  verdict: RatioVerdict;
  relativeHalfWidth: number;
  /** relativeHalfWidth <= precision; null when no precision was asked. */
  precise: boolean | null;
  /** The verdict is decided and, if asked, precise: sampling may stop. */
  settled: boolean;
}

export interface JudgeOptions {
  margin?: number;
  /** Largest relative half-width accepted (0.05 for ±5%), or null to ask only for a verdict. */
  precision?: number | null;
}

/** Judge one interval: its verdict and, if asked, its precision. */
export function judgeRatio(interval: Bounds, options: JudgeOptions = {}): Judgement {
  const verdict = classifyRatio(interval, options.margin ?? DEFAULT_MARGIN);
  const width = relativeHalfWidth(interval);
  const precise = options.precision == null ? null : width <= options.precision;
  return { verdict, relativeHalfWidth: width, precise, settled: verdict !== 'undecided' && precise !== false };
}

/** How many samples a cell's verdict would take: already settled, about so many, or more than the cap. */
export type Forecast =
  | { kind: 'settled'; samples: number }
  | { kind: 'samples'; samples: number }
  | { kind: 'more-than'; samples: number };

export interface ForecastOptions extends JudgeOptions {
  cap?: number;
}

/**
 * The fewest samples at which the interval would settle, were the spread seen the true one.
 *
 * Assumptions: the estimate stays where it is, and each side of the interval on the log scale shrinks as
 * 1/√n (as a rank interval's does, its ends sitting about z·σ/√n from the estimate), at the same confidence.
 * The interval at N samples is then [e - a·√(n/N), e + b·√(n/N)] in logs, a and b its sides today. Since these
 * intervals nest as N grows, a settled verdict stays settled and a binary search finds the first N.
 * An estimate on a boundary never settles. `samples` is the current count: rounds when paired; for unpaired
 * samples the larger side's count, both sides growing in proportion.
 */
export function forecastSamples(interval: RatioInterval, options: ForecastOptions = {}): Forecast {
  const cap = options.cap ?? DEFAULT_FORECAST_CAP;
  const now = typeof interval.samples === 'number' ? interval.samples : Math.max(...interval.samples);
  const e = Math.log(interval.estimate);
  const [below, above] = [e - Math.log(interval.low), Math.log(interval.high) - e];
  const settledAt = (n: number) => {
    const shrink = Math.sqrt(now / n);
    return judgeRatio({ estimate: interval.estimate, low: Math.exp(e - below * shrink), high: Math.exp(e + above * shrink) }, options).settled;
  };
  if (settledAt(now)) return { kind: 'settled', samples: now };
  if (now >= cap || !settledAt(cap)) return { kind: 'more-than', samples: Math.max(cap, now) };
  let [unsettled, settled] = [now, cap];
  while (settled - unsettled > 1) {
    const middle = Math.floor((unsettled + settled) / 2);
    if (settledAt(middle)) settled = middle;
    else unsettled = middle;
  }
  return { kind: 'samples', samples: settled };
}

/** A forecast in words: "settled at 20 samples", "about 64 samples", "more than 1000 samples". */
export function forecastText(forecast: Forecast): string {
  if (forecast.kind === 'settled') return `settled at ${forecast.samples} samples`;
  return `${forecast.kind === 'samples' ? 'about' : 'more than'} ${forecast.samples} samples`;
}

/** A margin as people say it: 0.1 → "10%", 0.025 → "2.5%". */
export const marginPercent = (margin: number) => `${+(margin * 100).toFixed(1)}%`;

/** The verdict in plain words, for results.md and report.html. */
export function verdictMethod(margin: number): string {
  const m = marginPercent(margin);
  return `Verdict: slower or faster when the ratio's interval lies wholly beyond 1 ± ${m}, the same (no slower than native within ±${m}) when it lies wholly within, otherwise undecided, with the samples a verdict would take at the spread seen.`;
}
