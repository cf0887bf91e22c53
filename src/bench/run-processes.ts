// The host processes a run starts (native samples, unison) carry its id and its process in their environment, as its
// containers carry them in labels: when a run is killed outright (SIGKILL, the OOM killer), no exit handler ends them,
// and `mountbench clean` finds them by that mark and ends those whose run is gone — never a live run's.
import { readdirSync, readFileSync } from 'node:fs';
import { processAlive } from '../util/process-alive.js';

/** The run a process belongs to, and the mountbench process of that run. Harmless to the command: nothing reads them. */
export const RUN_ENV = 'MOUNTBENCH_RUN';
export const RUN_PID_ENV = 'MOUNTBENCH_RUN_PID';

/** The environment of a process a run starts: this process's own, marked as the run's. */
export function runProcessEnv(runId: string): NodeJS.ProcessEnv {
  return { ...process.env, [RUN_ENV]: runId, [RUN_PID_ENV]: String(process.pid) };
}

export interface RunProcess {
  pid: number;
  /** Its process group, ended with it when the group's leader carries the mark too (a native sample's group). */
  group: number | null;
  runId: string;
  command: string;
}

interface ProcInfo {
  pid: number;
  pgrp: number;
  state: string;
  env: Map<string, string> | null;
  command: string;
}

function readProc(pid: number): ProcInfo | null {
  try {
    // pid (comm) state ppid pgrp …: comm may hold spaces and parentheses, so read after the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    let env: Map<string, string> | null = null;
    try {
      env = new Map(readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').filter(Boolean).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
    } catch {
      // another user's process: not ours to end
    }
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
    return { pid, pgrp: Number(pgrp), state, env, command };
  } catch {
    return null; // gone meanwhile
  }
}

function processes(): ProcInfo[] {
  return readdirSync('/proc').filter((n) => /^\d+$/.test(n)).flatMap((n) => readProc(Number(n)) ?? []);
}

/** Whether processes can be looked for here. Linux reads /proc/<pid>/environ; macOS would need `ps -E -ww -o pid=,pgid=,command=`
 * (another user's environment is hidden there too), not tried on a Mac yet, so it is left out there. */
export const CAN_FIND_RUN_PROCESSES = process.platform === 'linux';

/** The marked processes whose run is gone: neither its mountbench process alive nor the run live in `liveRuns`.
 * `runId`: only that run's. */
export function findOrphanedRunProcesses(scope: { runId: string | null; liveRuns: Set<string> }): RunProcess[] {
  if (!CAN_FIND_RUN_PROCESSES) return [];
  const all = processes();
  const marked = new Map(all.filter((p) => p.env?.has(RUN_ENV) && p.state !== 'Z').map((p) => [p.pid, p]));
  const ownGroup = readProc(process.pid)?.pgrp;
  const found: RunProcess[] = [];
  for (const p of marked.values()) {
    const runId = p.env!.get(RUN_ENV)!;
    const owner = Number(p.env!.get(RUN_PID_ENV));
    if (p.pid === process.pid || (scope.runId && runId !== scope.runId) || scope.liveRuns.has(runId)) continue;
    if (Number.isInteger(owner) && owner > 0 && processAlive(owner)) continue;
    const leader = marked.get(p.pgrp);
    const group = leader && leader.env!.get(RUN_ENV) === runId && p.pgrp !== ownGroup ? p.pgrp : null;
    found.push({ pid: p.pid, group, runId, command: p.command });
  }
  return found;
}

function signal(target: RunProcess, name: NodeJS.Signals): void {
  for (const pid of target.group ? [-target.group, target.pid] : [target.pid]) {
    try {
      process.kill(pid, name);
    } catch {
      // already gone
    }
  }
}

function stillThere(pid: number): boolean {
  const p = readProc(pid);
  return p !== null && p.state !== 'Z';
}

/** SIGTERM, then SIGKILL for those still there after `graceMs`. Returns how many are left (none, unless another
 * user's). */
export async function endRunProcesses(found: RunProcess[], graceMs = 2000): Promise<number> {
  for (const p of found) signal(p, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (found.some((p) => stillThere(p.pid)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  for (const p of found.filter((q) => stillThere(q.pid))) signal(p, 'SIGKILL');
  await new Promise((r) => setTimeout(r, 100));
  return found.filter((p) => stillThere(p.pid)).length;
}
