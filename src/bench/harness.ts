// The timer that runs next to the workload (fixtures/scripts/harness.cjs, handed to `node -e`): inside the
// container, or as a host process for `native`. This side starts it and reads the one line it prints.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCRIPTS_DIR } from '../workloads/workload.js';
import type { KernelCpuWindow } from './vm-load.js';

export const RESULT_MARKER = 'MOUNTBENCH_RESULT ';
/** The marker of the figures a workload script prints itself (fixtures/scripts/values.cjs). */
export const VALUES_MARKER = 'MOUNTBENCH_VALUES ';
export const OUTPUT_TAIL_CHARS = 4000;

export const HARNESS_SOURCE = readFileSync(join(SCRIPTS_DIR, 'harness.cjs'), 'utf8');

/** `node -e` arguments of the harness for a command; `cgroup`: also read the container's own cgroup around it;
 * `procStat`: and the kernel's CPU counters (a VM's, from a container in it). */
export function harnessArgs(command: string, cgroup: boolean, procStat = false): string[] {
  return ['-e', HARNESS_SOURCE, command, ...(cgroup ? ['cgroup'] : []), ...(procStat ? ['procstat'] : [])];
}

/** What the container's cgroup counted during the command (seconds, bytes); its peak working set, polled. */
export interface CgroupCounts {
  version: 1 | 2;
  cpuSeconds: number;
  userSeconds: number;
  systemSeconds: number;
  peakBytes: number | null;
  readBytes: number;
  writeBytes: number;
}

export interface HarnessResult {
  wallSeconds: number;
  exitCode: number;
  signal: string | null;
  cpuUserSeconds: number | null;
  cpuSystemSeconds: number | null;
  /** The last figures the command printed on its stdout ({} when it printed none, as most commands). */
  values: Record<string, unknown>;
  /** The container's own counts, when asked for and readable; null on the host or without a readable cgroup. */
  cgroup: CgroupCounts | null;
  outputTail: string;
  /** The kernel's cpu lines of /proc/stat around the command, when asked for (vm-load.ts). */
  procStat?: KernelCpuWindow;
}

/** Find the result line in the harness's stdout. */
export function parseHarnessOutput(stdout: string): HarnessResult {
  const at = stdout.lastIndexOf(RESULT_MARKER);
  if (at < 0) throw new Error(`the timer printed no result; its output ends with: ${stdout.slice(-500) || '(nothing)'}`);
  const line = stdout.slice(at + RESULT_MARKER.length).split('\n')[0];
  return JSON.parse(line) as HarnessResult;
}

/** The last figures printed in a stream's stdout; {} when it printed none or a broken line. */
export function readPrintedValues(stdout: string): Record<string, unknown> {
  const at = stdout.lastIndexOf(VALUES_MARKER);
  if (at < 0) return {};
  try {
    const parsed: unknown = JSON.parse(stdout.slice(at + VALUES_MARKER.length).split('\n')[0]);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
