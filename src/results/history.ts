// The local history of runs: one JSON line per run, appended when it finishes, so `mountbench history` can list them
// and `compare --last N` / `--since DATE` can find them again. A line is written in one append, so a crash leaves at
// worst one damaged last line; reading reports a damaged line and skips it, never fails on it.
import { appendFile, mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { CannotRunError } from '../errors.js';
import { readUserFile, UserFileError } from '../util/user-file.js';
import type { RunDocument } from '../model/run-document.js';

/** Where the history lives, to move it (CI) or find it: this variable, else $XDG_DATA_HOME/mountbench/history.jsonl. */
export const HISTORY_ENV = 'MOUNTBENCH_HISTORY';

export function historyPath(env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  return env[HISTORY_ENV] || join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'mountbench', 'history.jsonl');
}

export const HistoryEntry = z.object({
  id: z.string(),
  startedAt: z.string(),
  status: z.string(),
  /** Absolute path of the run's run.json. */
  runFile: z.string(),
  command: z.array(z.string()),
  host: z.object({ os: z.string(), cpuModel: z.string(), cpus: z.number() }),
  workloads: z.array(z.string()),
  fixture: z.string(),
  platforms: z.array(z.object({ name: z.string(), label: z.string(), kind: z.string(), fileSharing: z.string().nullable() })),
  /** Each cell's ratio to native (null where there is none), the run at a glance. */
  ratios: z.array(z.object({ platform: z.string(), workload: z.string(), measure: z.string(), strategy: z.string(), ratio: z.number().nullable() })),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export function historyEntry(doc: RunDocument, runFile: string): HistoryEntry {
  return {
    id: doc.id,
    startedAt: doc.startedAt,
    status: doc.status,
    runFile,
    command: doc.command,
    host: { os: doc.host.os, cpuModel: doc.host.cpuModel, cpus: doc.host.cpus },
    workloads: doc.settings.workloads,
    fixture: doc.settings.fixture,
    platforms: doc.platforms.map((p) => ({
      name: p.name,
      label: p.identity?.label ?? p.name,
      kind: p.identity?.kind ?? 'unknown',
      fileSharing: p.identity?.fileSharing?.mechanism ?? null,
    })),
    ratios: doc.cells.map((c) => ({ platform: c.platform, workload: c.workload, measure: c.measure, strategy: c.strategy, ratio: c.ratioToNative?.value ?? null })),
  };
}

export async function appendHistory(path: string, entry: HistoryEntry): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  // One write of one line: appends from two runs never interleave within a line.
  await appendFile(path, `${JSON.stringify(entry)}\n`);
}

export interface History {
  entries: HistoryEntry[];
  /** "history.jsonl:12: not a history entry (…)": reported, skipped. */
  damaged: string[];
}

/** The history cannot be read at all (a directory, a FIFO, a file the user cannot read): exit 2 where it is the
 * input (compare --last, history), a warning where it is a convenience. */
export class HistoryFileError extends CannotRunError {}

export async function readHistory(path: string): Promise<History> {
  let text: string | null;
  try {
    text = readUserFile(path);
  } catch (error) {
    if (!(error instanceof UserFileError)) throw error;
    throw new HistoryFileError(`the history of runs: ${error.message} (${HISTORY_ENV}=FILE reads another)`);
  }
  if (text === null) return { entries: [], damaged: [] };
  const history: History = { entries: [], damaged: [] };
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      history.entries.push(HistoryEntry.parse(JSON.parse(line)));
    } catch (error) {
      const why = error instanceof z.ZodError ? 'not a history entry' : 'not JSON (a write cut short?)';
      history.damaged.push(`${path}:${i + 1}: ${why}; skipped`);
    }
  });
  return history;
}

/** The history where it is only a convenience (advise, doctor): an unreadable one is a warning, and empty. */
export async function readHistoryOrWarn(path: string): Promise<History> {
  try {
    return await readHistory(path);
  } catch (error) {
    if (!(error instanceof HistoryFileError)) throw error;
    return { entries: [], damaged: [`${error.message}; going on without it`] };
  }
}
