// Read and write run documents. Writes go to a temporary file first and are renamed into place, so an
// interrupted run never leaves a half-written run.json.
import { readFile, rename, writeFile } from 'node:fs/promises';
import { CannotRunError } from '../errors.js';
import { RunDocument } from './schema.js';

export class RunFileError extends CannotRunError {}

export async function writeAtomically(path: string, content: string): Promise<void> {
  const temporary = `${path}.partial`;
  await writeFile(temporary, content);
  await rename(temporary, path);
}

export async function writeRunDocument(path: string, doc: RunDocument): Promise<void> {
  await writeAtomically(path, `${JSON.stringify(RunDocument.parse(doc), null, 2)}\n`);
}

export async function readRunDocument(path: string): Promise<RunDocument> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new RunFileError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new RunFileError(`${path} is not JSON: ${(error as Error).message}`);
  }
  const parsed = RunDocument.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new RunFileError(`${path} is not a mountbench run document:\n${issues.join('\n')}`);
  }
  return parsed.data;
}
