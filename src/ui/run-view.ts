// What a person sees of a run on the terminal: a header once the plan is known, live progress on stderr (a view
// that redraws on a terminal, plain lines otherwise), warnings in yellow, and at the end the table and what was
// written. The pipeline itself prints nothing; `run` and `advise --verify` both show it through this.
import { basename, dirname, join } from 'node:path';
import pc from 'picocolors';
import type { Sampling } from '../bench/stop-rule.js';
import { durationText, overheadRatio, ratioText } from '../report/format.js';
import { renderTerminal } from '../report/terminal.js';
import { viewOf } from '../results/view.js';
import type { RunHooks, RunOutcome } from '../run/pipeline.js';
import { ListrProgress, PlainProgress } from './progress.js';

/** "7 samples", "samples until every ratio has its verdict (looks at 10, 20, 30)". */
function samplesText(sampling: Sampling): string {
  if (sampling.kind === 'fixed') return `${sampling.runs} samples`;
  const until = sampling.precision === null ? 'has its verdict' : `has its verdict within ±${+(sampling.precision * 100).toFixed(2)}%`;
  const looks = sampling.looks.looks.map((l) => l.samples).join(', ');
  return `samples until every ratio ${until} (looks at ${looks}${sampling.maxSeconds ? `, at most ${durationText(sampling.maxSeconds)}` : ''})`;
}

export interface RunViewSettings {
  progress: 'auto' | 'tty' | 'plain';
  strategies: readonly string[];
  warmup: number;
  sampling: Sampling;
  signal?: AbortSignal;
}

/** The hooks that show a run on stderr. */
export function terminalHooks(settings: RunViewSettings, stderr: NodeJS.WriteStream = process.stderr): RunHooks {
  const useTty = settings.progress === 'tty' || (settings.progress === 'auto' && process.stdout.isTTY && stderr.isTTY && !process.env.CI);
  let listr: ListrProgress | null = null;
  return {
    signal: settings.signal,
    warn: (message) => void stderr.write(pc.yellow(`${message}\n`)),
    begin(intro) {
      stderr.write(
        `${pc.bold('mountbench run')} ${intro.runId}: ${intro.workloads.map((w) => w.description).join('; ')}\n` +
          `  ${intro.platforms.join(', ')} × ${settings.strategies.join(', ')}; ${settings.warmup} warm-up + ${samplesText(settings.sampling)} each\n` +
          `  results: ${intro.runDir}\n`,
      );
      listr = useTty ? new ListrProgress(intro.progress) : null;
      return listr ?? new PlainProgress(intro.progress);
    },
    during: async (running) => {
      if (listr) await Promise.all([listr.run(), running.finally(() => listr!.finishHost())]);
    },
  };
}

/** "wrote DIR/{run.json,results.md}": only what was written (the run document may be elsewhere, on its own). */
function writtenText(written: readonly string[], runDir: string): string {
  if (written.length === 0) return pc.red('wrote nothing');
  const inRunDir = written.filter((path) => dirname(path) === runDir).map((path) => basename(path));
  const elsewhere = written.filter((path) => dirname(path) !== runDir);
  const listed = inRunDir.length > 1 ? `${runDir}/{${inRunDir.join(',')}}` : inRunDir.length === 1 ? join(runDir, inRunDir[0]) : null;
  return `${pc.bold('wrote')} ${[listed, ...elsewhere].filter(Boolean).join(' and ')}`;
}

/** The final table (to `table`, stdout by default) and, on stderr, what was written and what went wrong. */
export function showOutcome(outcome: RunOutcome, table: NodeJS.WritableStream = process.stdout, stderr: NodeJS.WritableStream = process.stderr): void {
  const { doc, runDir } = outcome;
  table.write(`\n${renderTerminal(viewOf([doc]))}`);
  for (const problem of outcome.problems) stderr.write(pc.red(`${problem}\n`));
  for (const note of outcome.execution.notes) stderr.write(pc.yellow(`${note}\n`));
  const overhead = overheadRatio(doc);
  stderr.write(
    `\n${writtenText(outcome.written, runDir)}` +
      (overhead ? pc.dim(` · run overhead ${ratioText(overhead)} of measured time`) : '') +
      '\n',
  );
  if (!doc.cells.some((c) => c.summary) && !outcome.execution.interrupted) {
    const reasons = outcome.execution.platforms.filter((p) => p.error).map((p) => `  ${p.name}: ${p.error}`);
    stderr.write(pc.red(`nothing was measured.\n${reasons.join('\n')}\n`));
  }
}
