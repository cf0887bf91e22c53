// Read run documents (src/util/atomic-write.ts writes them). Documents of an older schema are read too: their
// summaries are derived again from their samples, which every version keeps.
import { CannotRunError } from '../errors.js';
import { readUserFile, UserFileError } from '../util/user-file.js';
import { summariseCells, summariseOptionsOf } from '../stats/summarise-cells.js';
import { RunDocument, SCHEMA_VERSION } from '../model/run-document.js';

export class RunFileError extends CannotRunError {}

/** A version 1 document as this version reads it: the same samples, without the summaries of its bootstrap. */
function fromVersion1(json: { cells?: unknown }): unknown {
  const cells = Array.isArray(json.cells) ? json.cells.map((c: object) => ({ ...c, summary: null, ratioToNative: null })) : json.cells;
  return { ...json, schemaVersion: SCHEMA_VERSION, cells };
}

/** Check a parsed JSON value as a run document, upgrading an older version; `where` names it in errors. */
export function parseRunDocument(json: unknown, where: string): RunDocument {
  const version = (json as { schemaVersion?: unknown } | null)?.schemaVersion;
  const upgraded = version === 1 ? fromVersion1(json as object) : json;
  const parsed = RunDocument.safeParse(upgraded);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new RunFileError(`${where} is not a mountbench run document:\n${issues.join('\n')}`);
  }
  return version === 1 ? { ...parsed.data, cells: summariseCells(parsed.data.cells, summariseOptionsOf(parsed.data.settings)) } : parsed.data;
}

export async function readRunDocument(path: string): Promise<RunDocument> {
  let text: string | null;
  try {
    text = readUserFile(path);
  } catch (error) {
    throw error instanceof UserFileError ? new RunFileError(error.message) : error;
  }
  if (text === null) throw new RunFileError(`cannot read ${path}: no such file (ENOENT)`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new RunFileError(`${path} is not JSON: ${(error as Error).message}`);
  }
  return parseRunDocument(json, path);
}
