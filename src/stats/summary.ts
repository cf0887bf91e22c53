// Summary of one cell's measured (non-warm-up, successful) samples. The interval of the median is distribution-free
// and says its own coverage; with too few samples there is none, and the reason says why, never a range posing as one.
import type { SampleCost, Summary } from '../model/run-document.js';
import { mean, median, stddev } from './descriptive.js';
import { medianInterval } from './order-statistics.js';
import { madOutliers } from './outliers.js';
import { largest, smallest } from '../util/extremes.js';

export interface IndexedValue {
  index: number;
  value: number;
  /** What the sample's step cost besides its time, where it was measured. */
  cost?: SampleCost;
}

/** The median of each cost figure over the samples that have it; null when no sample measured any. */
export function medianCost(samples: readonly IndexedValue[]): SampleCost | null {
  const costs = samples.flatMap((s) => (s.cost ? [s.cost] : []));
  if (costs.length === 0) return null;
  const keys = Object.keys(costs[0]) as Array<keyof SampleCost>;
  return Object.fromEntries(
    keys.map((key) => {
      const known = costs.flatMap((c) => (c[key] === null ? [] : [c[key] as number]));
      return [key, known.length > 0 ? median(known) : null];
    }),
  ) as SampleCost;
}

export function summarise(samples: readonly IndexedValue[]): Summary {
  const values = samples.map((s) => s.value);
  const m = mean(values);
  // One sample has no spread to speak of: its CV is unknown, not 0 %.
  const sd = values.length > 1 ? stddev(values) : null;
  const interval = medianInterval(values);
  return {
    n: values.length,
    mean: m,
    median: median(values),
    stddev: sd,
    cv: sd !== null && m !== 0 ? sd / m : null,
    min: smallest(values),
    max: largest(values),
    interval: interval.coverage === null ? null : { low: interval.low, high: interval.high, coverage: interval.coverage },
    intervalNote: interval.coverage === null ? interval.reason : null,
    outliers: madOutliers(values).map((position) => samples[position].index),
    cost: medianCost(samples),
  };
}
