// Percentile bootstrap: resample with replacement, take the statistic, read the 2.5 % and 97.5 % quantiles.
import { median, quantileSorted, sorted } from './descriptive.js';
import { seededRandom, type Random } from './random.js';

export const BOOTSTRAP_RESAMPLES = 2000;

export interface Interval {
  low: number;
  high: number;
}

function resample(values: readonly number[], random: Random): number[] {
  return values.map(() => values[Math.floor(random() * values.length)]);
}

function percentileInterval(estimates: number[], confidence: number): Interval {
  const ascending = sorted(estimates);
  const tail = (1 - confidence) / 2;
  return { low: quantileSorted(ascending, tail), high: quantileSorted(ascending, 1 - tail) };
}

export function medianInterval(values: readonly number[], seed: number, confidence = 0.95): Interval {
  const random = seededRandom(seed);
  const estimates = Array.from({ length: BOOTSTRAP_RESAMPLES }, () => median(resample(values, random)));
  return percentileInterval(estimates, confidence);
}

/** Interval of median(a) / median(b), resampling both groups independently. */
export function medianRatioInterval(
  numerator: readonly number[],
  denominator: readonly number[],
  seed: number,
  confidence = 0.95,
): Interval {
  const random = seededRandom(seed);
  const estimates = Array.from(
    { length: BOOTSTRAP_RESAMPLES },
    () => median(resample(numerator, random)) / median(resample(denominator, random)),
  );
  return percentileInterval(estimates, confidence);
}
