// Saving a run document so that no run is ever lost: figures that are not finite numbers become null with a note,
// the document is checked against its own schema, and if it still fails, the raw document is kept beside a clear
// error instead of nothing being written. (The reports beside it: report/write-run-directory.ts.)
import { join } from 'node:path';
import { RunDocument } from '../model/run-document.js';
import { writeAtomically } from '../util/atomic-write.js';

export const RAW_RUN_FILE = 'run.raw.json';

export interface Saved {
  /** The document as written (figures that were not finite now null). */
  doc: RunDocument;
  /** What went wrong: empty when every file was written. */
  problems: string[];
  /** What the reports render: the checked document, or else the measured one as it was (an Infinity prints). */
  reported: RunDocument;
}

/** A deep copy with every NaN or ±Infinity replaced by null, and where each was. */
export function withFiniteNumbers<T>(value: T): { value: T; replaced: string[] } {
  const replaced: string[] = [];
  const walk = (node: unknown, path: string): unknown => {
    if (typeof node === 'number') {
      if (Number.isFinite(node)) return node;
      replaced.push(`${path} was ${node}`);
      return null;
    }
    if (Array.isArray(node)) return node.map((item, i) => walk(item, `${path}[${i}]`));
    if (node && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, item]) => [key, walk(item, path ? `${path}.${key}` : key)]));
    }
    return node;
  };
  return { value: walk(value, '') as T, replaced };
}

/** Writes run.json into `runDir`, or run.raw.json beside a problem when the document fails its schema. */
export async function saveRunDocument(runDir: string, measured: RunDocument): Promise<Saved> {
  const { value, replaced } = withFiniteNumbers(measured);
  const doc: RunDocument = { ...value, notes: [...value.notes, ...replaced.map((r) => `${r}, not a finite number; written as null`)] };
  const checked = RunDocument.safeParse(doc);
  if (checked.success) {
    await writeAtomically(join(runDir, 'run.json'), `${JSON.stringify(checked.data, null, 2)}\n`);
    return { doc, problems: [], reported: doc };
  }
  await writeAtomically(join(runDir, RAW_RUN_FILE), `${JSON.stringify(doc, null, 2)}\n`);
  const issues = checked.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  const problem =
    `mountbench: the run document failed its own schema check (${issues.join('; ')}); every sample is kept in ` +
    `${join(runDir, RAW_RUN_FILE)}. This is a bug: please report it with that file.`;
  return { doc, problems: [problem], reported: measured };
}
