// `mountbench compare RUN... [--published] [--baseline RUN] [--last N] [--since DATE]`: runs from many machines and
// days, and the articles' published figures, side by side in any report format. With one run and nothing else it
// renders exactly what `mountbench report` does.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import pc from 'picocolors';
import { CannotCreateOutputError, UsageError } from '../errors.js';
import { exporterFor, FORMATS } from '../report/exporters.js';
import { STRATEGY_SECTIONS } from '../strategies/report-sections.js';
import { readHistory } from '../results/history.js';
import { readPublished } from '../results/published.js';
import { readRunDocument, RunFileError } from '../results/store.js';
import { readRuns } from '../results/read-runs.js';
import { writeAtomically } from '../util/atomic-write.js';
import { reasonOf } from '../util/user-file.js';
import { safeText } from '../util/safe-text.js';
import { viewOf } from '../results/view.js';

export interface CompareOptions {
  /** run.json files, run directories, or folders holding many (a CI artifact folder). */
  runs: string[];
  published: boolean;
  baseline: string | null;
  last: number | null;
  since: string | null;
  historyFile: string;
  format: string;
  output: string | null;
}

const NOT_RUNS = new Set(['.work', 'node_modules', '.git']);

/** The run documents a path stands for: itself, its run.json, or every run.json below it. */
export function findRunFiles(path: string, depth = 4): string[] {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) throw new RunFileError(`cannot read ${path}: ENOENT (no such file or directory)`);
  if (stat.isFile()) return [resolve(path)];
  if (!stat.isDirectory()) throw new RunFileError(`${path} is not a run document, nor a folder of them (it is neither a file nor a directory)`);
  if (existsSync(join(path, 'run.json'))) return [resolve(path, 'run.json')];
  if (depth === 0) return [];
  return readdirSync(path, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !NOT_RUNS.has(entry.name))
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => findRunFiles(join(path, entry.name), depth - 1));
}

/** -o FILE: a file that can be created, said before anything is rendered. */
function checkOutputFile(output: string): void {
  if (statSync(output, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`-o ${output}: is a directory; name a file to write (e.g. ${join(output, 'report.md')})`);
  if (!statSync(dirname(resolve(output)), { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`-o ${output}: the directory ${dirname(resolve(output))} does not exist; create it first`);
}

/** Run files chosen from the history: the last N, or those since a date. Missing files are reported and skipped. */
async function fromHistory(options: CompareOptions, warn: (line: string) => void): Promise<string[]> {
  if (options.last === null && options.since === null) return [];
  const since = options.since === null ? null : Date.parse(options.since);
  if (since !== null && Number.isNaN(since)) throw new UsageError(`--since ${options.since}: not a date (e.g. 2026-11-30)`);
  const history = await readHistory(options.historyFile);
  history.damaged.forEach(warn);
  let entries = history.entries.filter((e) => since === null || Date.parse(e.startedAt) >= since);
  if (options.last !== null) entries = entries.slice(-options.last);
  return entries.flatMap((e) => {
    if (existsSync(e.runFile)) return [e.runFile];
    warn(`history: run ${e.id} is gone (${e.runFile}); skipped`);
    return [];
  });
}

export async function compareCommand(options: CompareOptions): Promise<void> {
  const exporter = exporterFor(options.format);
  if (!exporter) throw new UsageError(`unknown format "${options.format}" (choose one of: ${FORMATS.join(', ')})`);
  const warn = (line: string) => process.stderr.write(pc.yellow(`${safeText(line)}\n`));
  const files = [...options.runs.flatMap((path) => findRunFiles(path)), ...(await fromHistory(options, warn))];
  const baselineFiles = options.baseline === null ? [] : findRunFiles(options.baseline);
  if (baselineFiles.length > 1) throw new UsageError(`--baseline ${options.baseline}: holds ${baselineFiles.length} runs; name one run`);
  if (files.length + baselineFiles.length === 0) {
    throw new UsageError('name at least one run (a run.json, a run directory or a folder of them), or pick from the history with --last N or --since DATE');
  }
  if (options.output) checkOutputFile(options.output);
  // The baseline is read first, so that it keeps its id; named on its own, it cannot be skipped.
  const baselineRun = baselineFiles.length === 1 ? await readRunDocument(baselineFiles[0]) : null;
  const runs = (await readRuns([...baselineFiles, ...files], warn)).sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  const baseline = baselineRun?.id;
  const view = viewOf(runs, { published: options.published ? readPublished() : [], baseline });
  const text = exporter.render(view, { sections: STRATEGY_SECTIONS });
  if (options.output) {
    await writeAtomically(options.output, text).catch((error: unknown) => {
      throw new CannotCreateOutputError(`cannot write ${options.output}: ${reasonOf(error)}`);
    });
    process.stderr.write(`${pc.bold('wrote')} ${options.output} (${runs.length} run${runs.length > 1 ? 's' : ''}${options.published ? ' and the published figures' : ''})\n`);
  } else {
    process.stdout.write(text);
  }
}
