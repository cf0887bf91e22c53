// Many run documents at once, as a CI job comparing the artifacts of pull requests hands them over: one that cannot
// be read is skipped with a warning naming it and why (only when none can be read is that an error), and two that
// share a run id but differ (two machines, or a copy edited) are both kept, the later one's id suffixed so that
// their platforms stay apart. The same document found twice is shown once.
import type { RunDocument } from '../model/run-document.js';
import { readRunDocument, RunFileError } from './store.js';

export async function readRuns(files: readonly string[], warn: (line: string) => void): Promise<RunDocument[]> {
  const runs: RunDocument[] = [];
  const texts = new Map<string, string>();
  const problems: string[] = [];
  for (const file of new Set(files)) {
    let doc: RunDocument;
    try {
      doc = await readRunDocument(file);
    } catch (error) {
      if (!(error instanceof RunFileError)) throw error;
      problems.push(error.message);
      continue;
    }
    const text = JSON.stringify(doc);
    if ([...texts.values()].includes(text)) continue;
    let id = doc.id;
    for (let n = 2; runs.some((r) => r.id === id); n++) id = `${doc.id}~${n}`;
    if (id !== doc.id) warn(`${file}: another document has run id ${doc.id} (a run of another machine, or a copy changed since?); shown as run ${id}`);
    texts.set(file, text);
    runs.push({ ...doc, id });
  }
  if (runs.length === 0 && problems.length > 0) throw new RunFileError(problems.join('\n'));
  for (const problem of problems) warn(`skipped: ${problem}`);
  return runs;
}
