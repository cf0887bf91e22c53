// The VM's own load on a platform whose engine runs in a VM: a container's /proc/stat shows the VM kernel's
// counters, so the timer reads them around the timed step, and what the VM's CPUs did besides the container's own
// cgroup is work the host's counters cannot tell apart from the sample (they see the VM as one process). As a share
// of the VM's CPUs over the window, flagged above BUSY_SHARE like the host's (machine-load.ts).
import { release } from 'node:os';
import { shortestStepSeconds } from './machine-load.js';

/** Whether the engine's containers run on a kernel other than mountbench's: a VM's (on a Mac or Windows always).
 * Only then is their /proc/stat another machine's; on a Linux host engine it is the host's, counted already. */
export function engineHasItsOwnKernel(engineKernel: string, host: { platform: NodeJS.Platform; kernel: string } = { platform: process.platform, kernel: release() }): boolean {
  return host.platform !== 'linux' || engineKernel !== host.kernel;
}

/** A kernel's CPU counters at one instant, as /proc/stat gives them. */
export interface KernelCpu {
  /** Busy seconds over all CPUs since boot: user, nice, system and irq, as the host's are counted (cost.ts). */
  busySeconds: number;
  cpus: number;
}

/** The kernel counts CPU time in ticks of 10 ms (USER_HZ 100). */
const TICK_SECONDS = 0.01;

/** The aggregate "cpu" line of /proc/stat and its per-CPU lines; null when there is none. */
export function parseProcStat(text: string): KernelCpu | null {
  const lines = text.split('\n');
  const total = lines.find((l) => /^cpu\s/.test(l));
  if (!total) return null;
  const [user, nice, system, , , irq] = total.trim().split(/\s+/).slice(1).map(Number);
  if (![user, nice, system].every(Number.isFinite)) return null;
  const cpus = lines.filter((l) => /^cpu\d+\s/.test(l)).length;
  return cpus > 0 ? { busySeconds: (user + nice + system + (Number.isFinite(irq) ? irq : 0)) * TICK_SECONDS, cpus } : null;
}

/** What the timer read of the kernel around a step: /proc/stat's cpu lines before and after, and the seconds between. */
export interface KernelCpuWindow {
  before: string;
  after: string;
  seconds: number;
}

/** The share of the VM's CPUs (0..1) that other work kept busy over the window: its busy CPU less `ownCpuSeconds`
 * (the container's cgroup, or the command's). Null when a reading is unreadable, the own part is unknown, or the
 * window was too short for ticks of 10 ms to tell. */
export function vmOtherLoad(window: KernelCpuWindow, ownCpuSeconds: number | null): number | null {
  const [before, after] = [parseProcStat(window.before), parseProcStat(window.after)];
  if (!before || !after || ownCpuSeconds === null || window.seconds < shortestStepSeconds(after.cpus)) return null;
  // The cgroup is counted in nanoseconds, the kernel's total in ticks: a little more own than total is no load.
  const share = (after.busySeconds - before.busySeconds - ownCpuSeconds) / (after.cpus * window.seconds);
  return Math.min(1, Math.max(0, share));
}

/** What divides the probe's two readings in its output. */
export const PROBE_SPLIT = '--- mountbench load probe ---';

/** The VM's load over the probe's window: each reading is /proc/uptime (the VM's clock) then /proc/stat. The
 * probe's own sh, cat and sleep spend a few milliseconds of it and are not subtracted. Null when unreadable or too
 * short to tell. */
export function vmLoadOfProbe(output: string): { share: number; cores: number; seconds: number } | null {
  const [first, second] = output.split(PROBE_SPLIT);
  if (second === undefined) return null;
  const uptime = (text: string) => Number(text.trim().split(/\s+/)[0]);
  const [before, after] = [parseProcStat(first), parseProcStat(second)];
  const seconds = uptime(second) - uptime(first);
  if (!before || !after || !Number.isFinite(seconds) || seconds < shortestStepSeconds(after.cpus)) return null;
  const share = (after.busySeconds - before.busySeconds) / (after.cpus * seconds);
  return { share: Math.min(1, Math.max(0, share)), cores: after.cpus, seconds };
}
