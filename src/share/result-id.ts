// A shared result's id is its content: the sha256 of its canonical JSON (keys sorted, no spaces) without the id
// field, shortened to ID_LENGTH hexadecimal characters. The same figures give the same id on every machine, so a
// result sent twice is found out, and an edited one no longer matches its id.
import { createHash } from 'node:crypto';
import { ID_LENGTH, type SharedResult } from './schema.js';

/** JSON with every object's keys in order and undefined fields left out, as JSON.stringify would leave them. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += `${i ? ',' : ''}${value[i] === undefined ? 'null' : canonicalJson(value[i])}`;
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = '{';
  for (const key of Object.keys(record).sort()) {
    if (record[key] === undefined) continue;
    out += `${out.length > 1 ? ',' : ''}${JSON.stringify(key)}:${canonicalJson(record[key])}`;
  }
  return `${out}}`;
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
