// Saving a run document so that no run is ever lost: figures that are not finite numbers become null with a note,
// the document is checked against its own schema, and if it still fails, the raw document is kept beside a clear
// error instead of nothing being written. A run directory that cannot take it (a full disk, a directory gone or not
// writable) does not lose it either: it goes to the temporary directory, and the problem says where.
// (The reports beside it: report/write-run-directory.ts.)
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { EXIT, type ExitCode } from '../errors.js';
import { RunDocument } from '../model/run-document.js';
import { writeAtomically } from '../util/atomic-write.js';
import { reasonOf } from '../util/user-file.js';

export const RUN_FILE = 'run.json';
export const RAW_RUN_FILE = 'run.raw.json';

export interface Saved {
  /** The document as written (figures that were not finite now null). */
  doc: RunDocument;
  /** What went wrong: empty when every file was written. */
  problems: string[];
  /** What the reports render: the checked document, or else the measured one as it was (an Infinity prints). */
  reported: RunDocument;
  /** Every file written, by path (the document's first: in the run directory, or in the fallback place). */
  written: string[];
  /** The run.json that passed its schema check, wherever it went; null when there is none. */
  runFile: string | null;
  /** The exit code the problems call for: 70 (a bug) or 73 (an output could not be created); null when none. */
  failure: ExitCode | null;
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

/** Where a document goes when its run directory cannot take it: a directory of the run's own in the temporary
 * directory (where a run quit at once keeps its samples too: run/keep-at-once.ts). */
export function fallbackPath(runId: string, fileName: string): string {
  return join(tmpdir(), `mountbench-${runId}`, fileName);
}

/** How a run directory is saved in. */
export interface SaveOptions {
  /** The directory was made before the run (run/run-directory.ts): one gone by now was removed, or its disk
   * unmounted, and is not made again (that could write onto the mount point's own disk); the fallback place is. */
  madeBefore?: boolean;
}

/** Writes `text` as `fileName` in `runDir`, else in the fallback place; the path written and the problem, if any. */
async function writeDocument(runDir: string, runId: string, fileName: string, text: string, options: SaveOptions): Promise<{ path: string | null; problem: string | null }> {
  const path = join(runDir, fileName);
  try {
    if (!options.madeBefore) await mkdir(runDir, { recursive: true });
    await writeAtomically(path, text);
    return { path, problem: null };
  } catch (error) {
    const fallback = fallbackPath(runId, fileName);
    const why = `mountbench: could not write ${path}: ${reasonOf(error)}`;
    try {
      await mkdir(dirname(fallback), { recursive: true });
      await writeAtomically(fallback, text);
      return { path: fallback, problem: `${why}; every sample is kept in ${fallback} instead (mountbench report ${dirname(fallback)} renders it; move it somewhere safe)` };
    } catch (fallbackError) {
      return { path: null, problem: `${why}, nor ${fallback}: ${reasonOf(fallbackError)}; the samples of this run could not be saved (free some space, or choose another --output)` };
    }
  }
}

/** Writes run.json into `runDir`, or run.raw.json beside a problem when the document fails its schema. */
export async function saveRunDocument(runDir: string, measured: RunDocument, options: SaveOptions = {}): Promise<Saved> {
  const { value, replaced } = withFiniteNumbers(measured);
  const doc: RunDocument = { ...value, notes: [...value.notes, ...replaced.map((r) => `${r}, not a finite number; written as null`)] };
  const checked = RunDocument.safeParse(doc);
  const fileName = checked.success ? RUN_FILE : RAW_RUN_FILE;
  const { path, problem } = await writeDocument(runDir, doc.id, fileName, `${JSON.stringify(checked.success ? checked.data : doc, null, 2)}\n`, options);
  const written = path ? [path] : [];
  const problems = problem ? [problem] : [];
  if (checked.success) {
    return { doc, problems, reported: doc, written, runFile: path, failure: problem ? EXIT.cannotCreateOutput : null };
  }
  const issues = checked.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  problems.push(
    `mountbench: the run document failed its own schema check (${issues.join('; ')})` +
      (path ? `; every sample is kept in ${path}. This is a bug: please report it with that file.` : '. This is a bug: please report it.'),
  );
  return { doc, problems, reported: measured, written, runFile: null, failure: EXIT.internal };
}
