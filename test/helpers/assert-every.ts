// An assertion that every item holds a property and that there is at least one item: `.every()` on an empty list is
// true, and a test built on it cannot fail.
import assert from 'node:assert/strict';

export function assertEvery<T>(items: readonly T[], holds: (item: T) => unknown, what: string): void {
  assert.ok(items.length > 0, `${what}: there is nothing to check`);
  assert.deepEqual(items.filter((item) => !holds(item)), [], what);
}
