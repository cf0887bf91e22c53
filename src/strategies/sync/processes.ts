// The engine processes a run starts on the host: waited for and stopped by their sandbox, and, as the last resort
// when mountbench exits without getting there (a second Ctrl-C exits at once), killed with it: no engine outlives
// the run.
import type { ChildProcess } from 'node:child_process';

const live = new Set<ChildProcess>();

function killAll(): void {
  for (const child of live) child.kill('SIGTERM');
}

/** Track a child until it exits. */
export function ownProcess(child: ChildProcess): void {
  if (live.size === 0) process.once('exit', killAll);
  live.add(child);
  child.once('exit', () => {
    live.delete(child);
    if (live.size === 0) process.off('exit', killAll);
  });
}

/** How long a stopped engine process has to exit before it is killed. */
const STOP_GRACE_MS = 5000;

/** A child's exit code once it has exited (at once when it already has). */
export function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Stop a child: SIGTERM, SIGKILL after a grace; resolved once it is gone (at once when it already is). */
export async function end(child: ChildProcess): Promise<void> {
  const gone = exitOf(child);
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await gone;
  clearTimeout(timer);
}
