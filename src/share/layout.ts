// Where a shared result lives in a results repository: one file per result, by platform kind and month,
// results/<platform-kind>/<yyyy-mm>/<id>.json. A result of several kinds of platform files under "several".
import type { SharedResult } from './schema.js';

export const RESULTS_DIR = 'results';

export function platformKindOf(result: SharedResult): string {
  const kinds = [...new Set(result.platforms.map((p) => p.kind))];
  return kinds.length === 1 ? kinds[0].replace(/[^\w.-]+/g, '-') : 'several';
}

/** The result's path inside the results folder: "docker-desktop/2026-11/0123456789abcdef.json". */
export function resultPath(result: SharedResult): string {
  return `${platformKindOf(result)}/${result.run.startedAt.slice(0, 7)}/${result.id}.json`;
}
