// Outliers by the modified z-score of Iglewicz and Hoaglin: |0.6745 (x - median) / MAD| > 3.5.
// Robust to the outliers themselves, unlike a mean ± k·sd rule. Flagged, never dropped.
import { median } from './descriptive.js';

export const MODIFIED_Z_LIMIT = 3.5;

export function medianAbsoluteDeviation(values: readonly number[]): number {
  const m = median(values);
  return median(values.map((v) => Math.abs(v - m)));
}

/** Positions (in `values`) of the outliers. With MAD 0 (over half the values equal) nothing is flagged. */
export function madOutliers(values: readonly number[]): number[] {
  if (values.length < 3) return [];
  const m = median(values);
  const mad = medianAbsoluteDeviation(values);
  if (mad === 0) return [];
  return values.flatMap((v, i) => (Math.abs((0.6745 * (v - m)) / mad) > MODIFIED_Z_LIMIT ? [i] : []));
}
