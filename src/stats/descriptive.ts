// Plain descriptive statistics. Inputs are never mutated; empty inputs are the caller's bug and throw.

function assertNonEmpty(values: readonly number[]): void {
  if (values.length === 0) throw new RangeError('statistics of an empty sample');
}

export function mean(values: readonly number[]): number {
  assertNonEmpty(values);
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** Sample standard deviation (n - 1); 0 for a single value. */
export function stddev(values: readonly number[]): number {
  assertNonEmpty(values);
  if (values.length === 1) return 0;
  const m = mean(values);
  const squares = values.reduce((sum, v) => sum + (v - m) ** 2, 0);
  return Math.sqrt(squares / (values.length - 1));
}

export function sorted(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

/** Quantile with linear interpolation between order statistics (R type 7, numpy's default). */
export function quantileSorted(ascending: readonly number[], p: number): number {
  assertNonEmpty(ascending);
  const position = (ascending.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return ascending[below] + (ascending[above] - ascending[below]) * (position - below);
}

export function median(values: readonly number[]): number {
  return quantileSorted(sorted(values), 0.5);
}
