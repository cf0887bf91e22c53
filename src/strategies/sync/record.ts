// What a sync sandbox adds to its cells: what its engine did (set-up, CPU, correctness check), and notes for what
// went wrong on the way.
import type { SandboxRecord } from '../../bench/sandbox.js';
import type { CellSync } from '../../model/run-document.js';

/** What the engine did, in each cell of its sandbox; failed checks and restarts in the notes too. */
export function recordOf(sync: CellSync): SandboxRecord {
  const failed = sync.correctness?.checks.filter((c) => !c.passed) ?? [];
  const notes = [
    ...(failed.length === 0 ? [] : [`${sync.title}: ${failed.length} of ${sync.correctness!.checks.length} correctness checks failed: ${failed.map((c) => `${c.name} (${c.detail})`).join('; ')}`]),
    ...(sync.incidents ?? []).map((incident) => `${sync.title} was started again after it ${incident.replace(/^unison /, '')}`),
  ];
  return { fields: { sync }, notes };
}
