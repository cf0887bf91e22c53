// The smallest and largest of many numbers by a loop: `Math.max(...xs)` passes every item as an argument and
// overflows the stack past about 100,000 of them (a run document with 300,000 samples).

/** The largest of `values` and `floor`; `floor` alone for an empty list. */
export function largest(values: Iterable<number>, floor = -Infinity): number {
  let most = floor;
  for (const value of values) if (value > most) most = value;
  return most;
}

/** The smallest of `values` and `ceiling`; `ceiling` alone for an empty list. */
export function smallest(values: Iterable<number>, ceiling = Infinity): number {
  let least = ceiling;
  for (const value of values) if (value < least) least = value;
  return least;
}
