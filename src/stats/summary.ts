// Summary of one cell's measured (non-warm-up, successful) samples.
import type { Summary } from '../results/schema.js';
import { medianInterval } from './bootstrap.js';
import { mean, median, stddev } from './descriptive.js';
import { madOutliers } from './outliers.js';

export interface IndexedValue {
  index: number;
  value: number;
}

export function summarise(samples: readonly IndexedValue[], seed: number): Summary {
  const values = samples.map((s) => s.value);
  const m = mean(values);
  const sd = stddev(values);
  return {
    n: values.length,
    mean: m,
    median: median(values),
    stddev: sd,
    cv: m === 0 ? 0 : sd / m,
    min: Math.min(...values),
    max: Math.max(...values),
    medianCi95: medianInterval(values, seed),
    outliers: madOutliers(values).map((position) => samples[position].index),
  };
}
