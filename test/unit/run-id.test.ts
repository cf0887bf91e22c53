// A run's id names every object it creates: two runs started in the same second must not share one.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newRunId } from '../../src/util/labels.js';

describe('a run id', () => {
  it('is the start second in UTC, then 32 random bits', () => {
    assert.match(newRunId(new Date('2026-12-07T13:05:09.999Z')), /^20261207-130509-[0-9a-f]{8}$/);
  });

  it('differs between 1,000 runs started in one second', () => {
    const second = new Date('2026-12-07T13:05:09Z');
    const ids = new Set(Array.from({ length: 1_000 }, () => newRunId(second)));
    // Any two of 1,000 share one with 32 bits about once in 8,600 tries; with the 16 bits of before, nearly always.
    assert.equal(ids.size, 1_000);
  });
});
