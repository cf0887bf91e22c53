// What the built-in workloads' tests share: small sizes for CI, the measures each workload reports, a cell finder.
import assert from 'node:assert/strict';
import type { RunDocument } from '../../src/model/run-document.js';

export const SMALL_SIZES = ['--fixture', 'small', '--files', '200', '--bigfile-size', '4', '--events', '5'];

export const EXPECTED_MEASURES: Record<string, Record<string, string>> = {
  'npm-install': { time: 's' },
  files: { create: 's', stat: 's', read: 's', delete: 's' },
  traverse: { cold: 's', warm: 's' },
  bigfile: { write: 'MB/s', read: 'MB/s', 'write time': 's', 'read time': 's' },
  build: { time: 's' },
  git: { status: 's', checkout: 's' },
  watch: { p50: 'ms', p95: 'ms', missed: '%', 'to-host p50': 'ms', 'to-host p95': 'ms', 'to-host missed': '%' },
};

/** The cell of a workload's measure under a strategy. */
export function cellOf(doc: RunDocument, workload: string, measure: string, strategy: string) {
  const cell = doc.cells.find((c) => c.workload === workload && c.measure === measure && c.strategy === strategy);
  assert.ok(cell, `${workload} ${measure} ${strategy}`);
  return cell;
}
