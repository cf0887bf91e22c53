// The engine processes a run starts on the host. Each is stopped by its sandbox; this is the last resort when
// mountbench exits without getting there (a second Ctrl-C exits at once): no engine outlives the run.
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
