// The runs under way on this machine: one small file per run, written when it starts and removed when it ends, naming
// its process, its host and the places it writes on the host. `mountbench clean` reads them to tell a live run from
// a crashed one, and removes what a crashed run left on the host (its work copies) — never what a live run uses.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { processAlive } from '../util/process-alive.js';

/** Where the files live: this variable, else $XDG_STATE_HOME/mountbench/runs. */
export const LIVE_RUNS_ENV = 'MOUNTBENCH_RUNS_DIR';

export function liveRunsDir(env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  return env[LIVE_RUNS_ENV] || join(env.XDG_STATE_HOME || join(home, '.local', 'state'), 'mountbench', 'runs');
}

export const LiveRun = z.object({
  id: z.string(),
  pid: z.number(),
  host: z.string(),
  startedAt: z.string(),
  /** The run's host-side work copies (<run dir>/.work), removed when it ends. */
  workDir: z.string(),
});
export type LiveRun = z.infer<typeof LiveRun>;

/** Say that a run has started; returns how to say that it ended. A registry that cannot be written costs only the
 * protection it gives, never the run. */
export function registerRun(run: Omit<LiveRun, 'pid' | 'host'>, dir = liveRunsDir()): () => void {
  const file = join(dir, `${run.id}.json`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, JSON.stringify({ ...run, pid: process.pid, host: hostname() }), { flag: 'wx' });
  } catch {
    return () => undefined;
  }
  return () => rmSync(file, { force: true });
}

/** Every registered run, and whether it is still going (its process alive on this machine). */
export function registeredRuns(dir = liveRunsDir()): Array<LiveRun & { live: boolean }> {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json'));
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    try {
      const run = LiveRun.parse(JSON.parse(readFileSync(join(dir, name), 'utf8')));
      return [{ ...run, live: run.host === hostname() ? processAlive(run.pid) : true }];
    } catch {
      return [];
    }
  });
}

/** A crashed run's entry, once what it left is gone. */
export function forgetRun(id: string, dir = liveRunsDir()): void {
  rmSync(join(dir, `${id}.json`), { force: true });
}
