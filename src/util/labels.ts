// Every container and volume a run creates carries these labels, so a run (or `mountbench clean`) can find and
// remove exactly what mountbench made and nothing else — and tell a crashed run's leftovers from a live run's,
// whose process and host the labels name.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { processAlive } from './process-alive.js';

export const RUN_LABEL = 'mountbench.run';
export const ROLE_LABEL = 'mountbench.role';
export const CELL_LABEL = 'mountbench.cell';
/** The process that created the object, and the machine it runs on: a live run's objects are left alone. */
export const PID_LABEL = 'mountbench.pid';
export const HOST_LABEL = 'mountbench.host';

/** The start second and 32 random bits: two runs started in one second on one engine (a CI matrix, a script
 * that starts two) share an id about once in four billion, where 16 bits made it once in 65,536 — and runs that
 * shared one would share their containers' names and remove each other's objects. */
export function newRunId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${randomBytes(4).toString('hex')}`;
}

/** A Docker object name: [a-zA-Z0-9][a-zA-Z0-9_.-]*. */
export function objectName(...parts: string[]): string {
  return ['mountbench', ...parts].join('-').replace(/[^a-zA-Z0-9_.-]/g, '_');
}

export function labels(runId: string, role: string, cellId?: string): Record<string, string> {
  return { [RUN_LABEL]: runId, [ROLE_LABEL]: role, ...(cellId ? { [CELL_LABEL]: cellId } : {}), ...ownerLabels() };
}

export function ownerLabels(): Record<string, string> {
  return { [PID_LABEL]: String(process.pid), [HOST_LABEL]: hostname() };
}

/** Whether the run that labelled an object still runs: 'live' while its process is alive on this machine;
 * 'elsewhere' for another machine's run (an engine shared over TCP), which cannot be checked from here; 'gone'
 * otherwise (also for objects of a mountbench older than these labels: every live run has them). */
export function ownerState(objectLabels: Record<string, string> | undefined): 'live' | 'gone' | 'elsewhere' {
  const pid = Number(objectLabels?.[PID_LABEL]);
  const host = objectLabels?.[HOST_LABEL];
  if (!Number.isInteger(pid) || pid <= 0 || !host) return 'gone';
  if (host !== hostname()) return 'elsewhere';
  return processAlive(pid) ? 'live' : 'gone';
}
