// `mountbench share RUN [--output FILE] [--include-project] [--submit OWNER/REPO]`: a run made fit to publish.
// The result goes to FILE (default: <id>.json here), what was removed and where the file went to stderr, the
// Markdown summary to stdout, so `mountbench share run | pbcopy` copies what to paste into an issue.
import pc from 'picocolors';
import { UsageError } from '../errors.js';
import { readRunDocument } from '../results/store.js';
import { writeAtomically } from '../util/atomic-write.js';
import { shareRun } from '../share/from-run.js';
import { removedText } from '../share/redact.js';
import { ID_LENGTH } from '../share/schema.js';
import { submitResult } from '../share/submit.js';
import { markdownSummary } from '../share/summary.js';
import { findRunFiles } from './compare.js';

export interface ShareCommandOptions {
  run: string;
  output: string | null;
  includeProject: boolean;
  submit: string | null;
}

export async function shareCommand(options: ShareCommandOptions): Promise<void> {
  const files = findRunFiles(options.run);
  if (files.length !== 1) throw new UsageError(`${options.run}: holds ${files.length} runs; name one run (its run.json or its run directory)`);
  const { result, redactor } = shareRun(await readRunDocument(files[0]), { includeProject: options.includeProject });
  const output = options.output ?? `${result.id}.json`;
  await writeAtomically(output, `${JSON.stringify(result, null, 2)}\n`);
  const err = (line: string) => process.stderr.write(`${line}\n`);
  err(`${pc.bold('wrote')} ${output}: result ${result.id} (its id: the first ${ID_LENGTH} hex characters of the sha256 of its canonical JSON without the id)`);
  err(`${pc.bold('removed')}: ${removedText(redactor.removed)} (replaced by <home>, <host>, <user>, <ip>, <project>… placeholders)`);
  process.stdout.write(markdownSummary(result));
  if (options.submit) {
    const again = `mountbench share ${options.run} --output ${output}${options.includeProject ? ' --include-project' : ''} --submit ${options.submit}`;
    submitResult(result, options.submit, output, again).lines.forEach(err);
  }
}
