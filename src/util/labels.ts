// Every container and volume a run creates carries these labels, so a run (or `mountbench clean`) can find and
// remove exactly what mountbench made and nothing else.
import { randomBytes } from 'node:crypto';

export const RUN_LABEL = 'mountbench.run';
export const ROLE_LABEL = 'mountbench.role';
export const CELL_LABEL = 'mountbench.cell';

export function newRunId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${randomBytes(2).toString('hex')}`;
}

/** A Docker object name: [a-zA-Z0-9][a-zA-Z0-9_.-]*. */
export function objectName(...parts: string[]): string {
  return ['mountbench', ...parts].join('-').replace(/[^a-zA-Z0-9_.-]/g, '_');
}

export function labels(runId: string, role: string, cellId?: string): Record<string, string> {
  return { [RUN_LABEL]: runId, [ROLE_LABEL]: role, ...(cellId ? { [CELL_LABEL]: cellId } : {}) };
}
