// `mountbench run`: the run pipeline (src/run/pipeline.ts) shown on the terminal, stopped by a signal, and its
// outcome turned into one exit code.
import pc from 'picocolors';
import { EXIT, type ExitCode } from '../errors.js';
import type { RunOptions } from '../run/options.js';
import { runPipeline, type RunOutcome } from '../run/pipeline.js';
import type { RunDocument } from '../model/run-document.js';
import { keepAtOnce } from '../run/keep-at-once.js';
import { showOutcome, terminalHooks } from '../ui/run-view.js';

/** The signals that stop a run the way Ctrl-C does, and the exit code each ends it with (128 + its number). */
const STOPPING_SIGNALS = { SIGINT: EXIT.interrupted, SIGTERM: EXIT.terminated, SIGHUP: EXIT.hangUp } as const;
type StoppingSignal = keyof typeof STOPPING_SIGNALS;

/** The one decision of what a run's outcome means to a script. */
export function exitCodeOf(outcome: RunOutcome, stoppedBy: StoppingSignal | null, crashed: boolean): ExitCode {
  if (crashed) return EXIT.internal;
  if (outcome.failure) return outcome.failure;
  if (stoppedBy) return STOPPING_SIGNALS[stoppedBy];
  if (outcome.execution.interrupted) return EXIT.interrupted;
  // A cell that failed ran: its command's exit code is the finding (1), even when no cell was measured. Only a run
  // in which nothing could start (every cell skipped: no image, no engine for the strategy) is 2.
  if (outcome.doc.cells.some((c) => c.status === 'failed')) return EXIT.cellsFailed;
  return outcome.doc.cells.some((c) => c.summary) ? EXIT.ok : EXIT.cannotRun;
}

/** Run the pipeline on the terminal; the final table goes to `table`. */
export async function runCommand(options: RunOptions, argv: string[], table: NodeJS.WritableStream = process.stdout): Promise<{ exitCode: ExitCode; outcome: RunOutcome }> {
  const stopping = new AbortController();
  let stoppedBy: StoppingSignal | null = null;
  let soFar: (() => RunDocument | null) | null = null;
  const onSignal = (signal: StoppingSignal) => {
    if (stoppedBy) {
      // A second signal quits at once, without the clean-up, but the samples taken are still written.
      const doc = soFar?.();
      if (doc) process.stderr.write(pc.yellow(`${keepAtOnce(doc, options)}\n`));
      process.exit(STOPPING_SIGNALS[signal]);
    }
    stoppedBy = signal;
    process.stderr.write(pc.yellow(`\n${signal === 'SIGINT' ? 'interrupted' : `${signal} received`}: stopping, removing containers and volumes, keeping what was measured (${signal === 'SIGINT' ? 'Ctrl-C again' : 'a second signal'} to quit at once)\n`));
    stopping.abort();
  };
  // A bug must not leave containers behind: stop the run the way Ctrl-C does, so it still cleans up and writes.
  let crashed = false;
  const onCrash = (error: Error) => {
    crashed = true;
    process.stderr.write(pc.red(`\nmountbench: unexpected error: ${error.stack ?? error.message}\nstopping and cleaning up; please report this\n`));
    stopping.abort();
  };
  const handlers = Object.keys(STOPPING_SIGNALS).map((signal) => [signal, () => onSignal(signal as StoppingSignal)] as const);
  for (const [signal, handler] of handlers) process.on(signal, handler);
  process.on('uncaughtException', onCrash);
  try {
    const hooks = terminalHooks({ ...options, signal: stopping.signal });
    const outcome = await runPipeline(options, argv, { ...hooks, started: (get) => void (soFar = get) });
    showOutcome(outcome, table);
    return { exitCode: exitCodeOf(outcome, stoppedBy, crashed), outcome };
  } finally {
    for (const [signal, handler] of handlers) process.off(signal, handler);
    process.off('uncaughtException', onCrash);
  }
}
