// When a run must end at once (a second Ctrl-C), what it measured is still kept: its run document, written
// synchronously (the process exits right after), where the run directory would have it, else in the temporary
// directory. No reports (`mountbench report` renders them) and no clean-up (`mountbench clean` does it).
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { RunDocument } from '../model/run-document.js';
import type { RunOptions } from './options.js';

/** Write the document; returns the sentence that says where, and what is left to do. */
export function keepAtOnce(doc: RunDocument, options: Pick<RunOptions, 'output'>): string {
  const dirs = [resolve(options.output ?? join('mountbench-results', doc.id)), join(tmpdir(), `mountbench-${doc.id}`)];
  for (const dir of dirs) {
    const file = join(dir, 'run.json');
    // Exclusive and beside its target, then renamed over it: never half a document, never through a planted link.
    const temporary = join(dir, `.run.json.${process.pid}.tmp`);
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(temporary, `${JSON.stringify(doc, null, 2)}\n`, { flag: 'wx' });
      renameSync(temporary, file);
      return `quit at once: the samples taken are in ${file} (mountbench report ${dir} renders them); what the run left on the engines: mountbench clean --run ${doc.id}`;
    } catch {
      // the next place; a half-written temporary file (a full disk) is not left behind
      rmSync(temporary, { force: true });
    }
  }
  return `quit at once: the samples taken could not be written anywhere; what the run left on the engines: mountbench clean --run ${doc.id}`;
}
