// A folder of results as the site reads it: every .json below it, each a shared result (checked: schema, id =
// hash, no trace of a host, home or address, and with --check its place in the layout) or a run document (shared
// on the fly, as `mountbench share` would, except in a check: a repository takes only shared results). Anything
// else, and a second copy of a result or of a run, is refused with its reasons.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseRunDocument } from '../results/store.js';
import { shareRun } from '../share/from-run.js';
import { resultPath } from '../share/layout.js';
import { Redactor, removedText } from '../share/redact.js';
import { resultId } from '../share/result-id.js';
import { SharedResult, SHARE_SCHEMA_VERSION } from '../share/schema.js';

export interface LoadedResult {
  result: SharedResult;
  /** Relative to the folder, with forward slashes. */
  file: string;
  fromRun: boolean;
}

export interface Refusal {
  file: string;
  reasons: string[];
}

export interface Loaded {
  results: LoadedResult[];
  refused: Refusal[];
}

const SKIP = new Set(['.git', 'node_modules', '.work']);

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return SKIP.has(entry.name) ? [] : jsonFiles(path);
      return entry.isFile() && entry.name.endsWith('.json') ? [path] : [];
    });
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const looksShared = (json: Record<string, unknown>) => 'machine' in json && 'run' in json;
const looksLikeRun = (json: Record<string, unknown>) => 'settings' in json && 'host' in json && 'cells' in json;

/** The reasons a shared result cannot be published, none when it can. */
export function sharedProblems(json: Record<string, unknown>, file: string, check: boolean): { result: SharedResult | null; reasons: string[] } {
  if (json.schemaVersion !== SHARE_SCHEMA_VERSION) return { result: null, reasons: [`schema version ${String(json.schemaVersion)}: this mountbench reads version ${SHARE_SCHEMA_VERSION} (update mountbench)`] };
  const parsed = SharedResult.safeParse(json);
  if (!parsed.success) {
    return { result: null, reasons: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) };
  }
  const result = parsed.data;
  const reasons: string[] = [];
  const hash = resultId(result);
  if (hash !== result.id) reasons.push(`its id ${result.id} is not its hash ${hash}: edited after mountbench share, or not written by it`);
  const sweep = new Redactor();
  sweep.value(result);
  if (sweep.where.length) {
    const at = [...new Set(sweep.where.map((w) => w.at))].slice(0, 3).join(', ');
    reasons.push(`not anonymous: holds ${removedText(sweep.removed)} (at ${at}); share the run again with mountbench share`);
  }
  if (check && !file.endsWith(resultPath(result))) reasons.push(`belongs at ${resultPath(result)} (by platform kind, month and id)`);
  return { result, reasons };
}

interface Read {
  file: string;
  /** The result, when the file holds one that parses (refused or not: a refused copy is still found out). */
  result: SharedResult | null;
  fromRun: boolean;
  reasons: string[];
}

function loadOne(path: string, file: string, check: boolean): Read {
  const refuse = (...reasons: string[]): Read => ({ file, result: null, fromRun: false, reasons });
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return refuse(`not JSON: ${(error as Error).message}`);
  }
  if (!isObject(json)) return refuse('neither a shared result nor a run document');
  if (looksShared(json)) return { file, fromRun: false, ...sharedProblems(json, file, check) };
  if (looksLikeRun(json)) {
    if (check) return refuse('a run document, not a shared result: publish it with `mountbench share` (it removes names, paths and addresses)');
    try {
      return { file, result: shareRun(parseRunDocument(json, file), { includeProject: false }).result, fromRun: true, reasons: [] };
    } catch (error) {
      return refuse((error as Error).message);
    }
  }
  return refuse('neither a shared result nor a run document');
}

/** A second copy of a result (the same id) or of a run (the same run id, shared differently): the first file that
 * passes everything else is the original; any other copy, passing or not, is refused as a copy of it. */
function refuseCopies(read: Read[]): void {
  const byId = new Map<string, string>();
  const byRun = new Map<string, string>();
  const copyOf = (r: Read) => {
    const sameId = byId.get(r.result!.id);
    if (sameId && sameId !== r.file) return `a duplicate of ${sameId} (the same id, ${r.result!.id})`;
    const sameRun = byRun.get(r.result!.run.id);
    return sameRun && sameRun !== r.file ? `the same run (${r.result!.run.id}) as ${sameRun}, shared differently` : null;
  };
  const clean = new Set(read.filter((r) => r.result && r.reasons.length === 0));
  for (const r of clean) {
    const copy = copyOf(r);
    if (copy) r.reasons.push(copy);
    else {
      byId.set(r.result!.id, r.file);
      byRun.set(r.result!.run.id, r.file);
    }
  }
  for (const r of read) {
    if (!r.result || clean.has(r)) continue;
    const copy = copyOf(r);
    if (copy) r.reasons.push(copy);
  }
}

export function loadResults(dir: string, options: { check: boolean }): Loaded {
  const read = jsonFiles(dir).map((path) => loadOne(path, relative(dir, path).split(sep).join('/'), options.check));
  refuseCopies(read);
  return {
    results: read.filter((r) => r.reasons.length === 0).map((r) => ({ result: r.result!, file: r.file, fromRun: r.fromRun })),
    refused: read.filter((r) => r.reasons.length > 0).map((r) => ({ file: r.file, reasons: r.reasons })),
  };
}
