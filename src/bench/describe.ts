// What a cell's figures were measured on: the mounts its project lives on, read from inside the sandbox, and the
// node and npm versions there. Recorded once per sandbox, before its first sample.
import { fileSharingOf, mountFor, parseMountinfo } from '../platforms/mountinfo.js';
import type { Cell } from '../model/run-document.js';
import { strategyInfo } from '../model/strategies.js';
import type { Workload } from '../workloads/workload.js';
import type { Sandbox, SandboxRecord } from './sandbox.js';

export async function describeSandbox(sandbox: Sandbox, workload: Workload, cells: Cell[]): Promise<void> {
  const mounts: Cell['mounts'] = [];
  const text = await sandbox.runner.mountinfo();
  // On the host the project's mount is the host's own file system: nothing of the platform to record.
  if (text && !strategyInfo(cells[0].strategy).onHost) {
    const entries = parseMountinfo(text);
    const targets = [sandbox.projectDir, ...workload.dependencyDirs.map((d) => `${sandbox.projectDir}/${d}`)];
    const seen = new Set<string>();
    for (const target of targets) {
      const entry = mountFor(entries, target);
      if (!entry || seen.has(entry.mountPoint)) continue;
      seen.add(entry.mountPoint);
      mounts.push({ target: entry.mountPoint, ...fileSharingOf(entry) });
    }
  }
  const versions = await sandbox.runner.run('node --version; npm --version');
  const [node, npm] = versions.outputTail.trim().split('\n');
  const runtime = { node: node?.trim() || null, npm: npm?.trim() || null };
  for (const cell of cells) Object.assign(cell, { mounts, runtime });
}

/** What a sandbox recorded besides its samples, in each of its cells; its notes once each. */
export function addRecord(cells: Cell[], record: SandboxRecord): void {
  for (const cell of cells) {
    Object.assign(cell, record.fields);
    for (const note of record.notes) if (!cell.notes.includes(note)) cell.notes.push(note);
  }
}
