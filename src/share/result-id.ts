// A shared result's id is its content: the sha256 of its canonical JSON (keys sorted, no spaces) without the id
// field, shortened to ID_LENGTH hexadecimal characters. The same figures give the same id on every machine, so a
// result sent twice is found out, and an edited one no longer matches its id.
import { createHash } from 'node:crypto';
import { ID_LENGTH, type SharedResult } from './schema.js';

/** JSON with every object's keys in order and undefined fields left out, as JSON.stringify would leave them. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function resultId(result: Omit<SharedResult, 'id'> | SharedResult): string {
  const { id: _id, ...content } = result as SharedResult;
  return createHash('sha256').update(canonicalJson(content)).digest('hex').slice(0, ID_LENGTH);
}

/** The result with its id in front, as it is written. */
export function withId(content: Omit<SharedResult, 'id'>): SharedResult {
  const { schemaVersion, ...rest } = content;
  return { schemaVersion, id: resultId(content), ...rest };
}
