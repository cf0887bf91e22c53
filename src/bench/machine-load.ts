// The host's load that is not the run's own: busy CPU from the kernel's counters, less what the sample's processes,
// the processes serving the file sharing (on a VM platform: the VM, which holds the containers), the engine's and
// mountbench's own spent. As a share of the host's cores over the window: 0.4 on 2 cores is "other work kept 0.8 of
// 2 cores busy". A sample taken while it was above BUSY_SHARE is flagged in the reports: it competed for the CPU.
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { darwinProcesses } from '../platforms/sharing-processes.js';
import { between, type CostMeter, type HostCounts } from './cost.js';

/** Above this share of the host's cores, other work was loading the machine. Measured on this project's 2-core
 * machine with readMachineLoad over 2 s: 0.000 with nothing else running, 0.503 beside one busy loop
 * (`node -e 'for(;;){}'`, named as "node 1.0 cores"). A tenth of the host (0.2 of a core here, 1 of 10 cores on a
 * laptop) lies between the two and scales with the machine: a Mac's background keeps a fraction of a core busy
 * without taking a core from the run. */
export const BUSY_SHARE = 0.1;

/** What the host spent over a timed step, and the sample's own part of it. */
export interface StepCpu {
  /** Host counters between the step's two readings (cost.ts `between`). */
  spent: HostCounts;
  /** The sample's own processes: the container's cgroup, else the command's, counted by the timer; null when neither was. */
  sampleCpuSeconds: number | null;
  /** The sample ran inside the VM whose processes are the sharing processes: their CPU already holds it. */
  insideTheVm: boolean;
  cores: number;
}

/** The kernel counts CPU time in ticks of 10 ms (USER_HZ 100). */
const TICK_SECONDS = 0.01;

/** The shortest step whose load can be told: one tick must be at most a fifth of the threshold's share, so that
 * counting errors of a tick or two cannot make a quiet step busy (0.25 s on 2 cores, 0.05 s on 10). */
export function shortestStepSeconds(cores: number): number {
  return (5 * TICK_SECONDS) / (BUSY_SHARE * cores);
}

/** The share of the host's cores (0..1) that other work kept busy during the step, or null when the sample's own
 * part is not known (then nothing can be told apart) or the step was too short to tell. */
export function otherLoad({ spent, sampleCpuSeconds, insideTheVm, cores }: StepCpu): number | null {
  if (cores <= 0 || spent.atSeconds < shortestStepSeconds(cores)) return null;
  // Inside a VM the VM's processes carry the sample: without them the sample's part is unknown.
  if (insideTheVm ? spent.sharingCpuSeconds === null : sampleCpuSeconds === null) return null;
  const own = spent.runCpuSeconds + (spent.sharingCpuSeconds ?? 0) + (insideTheVm ? 0 : sampleCpuSeconds!);
  // Counters are read at slightly different instants (the cgroup inside the container, the host's around the exec)
  // and tick every 10 ms: the run's own may come out a little above the host's. That is no load, not a negative one.
  return clampShare((spent.hostCpuSeconds - own) / (cores * spent.atSeconds));
}

function clampShare(share: number): number {
  return Math.min(1, Math.max(0, share));
}

export const isBusy = (share: number): boolean => share > BUSY_SHARE;

/** The host's logical cores, which the shares are of. */
export const hostCores = (): number => os.cpus().length;

/** "0.8 of 2 cores". */
export function coresText(share: number, cores: number): string {
  return `${(share * cores).toFixed(1)} of ${cores} core${cores === 1 ? '' : 's'}`;
}

/** A host process and the CPU it spent over a window. */
export interface BusyProcess {
  pid: number;
  comm: string;
  cpuSeconds: number;
}

/** Every host process's cumulative CPU seconds: /proc on Linux, ps on macOS; none elsewhere. */
function processCpu(): Map<number, { comm: string; cpuSeconds: number }> {
  const found = new Map<number, { comm: string; cpuSeconds: number }>();
  if (process.platform === 'darwin') {
    for (const p of darwinProcesses()) found.set(p.pid, { comm: p.comm.split('/').pop() ?? p.comm, cpuSeconds: p.cpuSeconds });
    return found;
  }
  if (process.platform !== 'linux') return found;
  for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      found.set(Number(entry), { comm: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), cpuSeconds: (Number(f[11]) + Number(f[12])) / 100 });
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/** The processes that spent the most CPU between two snapshots, the run's own left out. */
export function busiest(before: ReadonlyMap<number, { cpuSeconds: number }>, after: ReadonlyMap<number, { comm: string; cpuSeconds: number }>, ours: ReadonlySet<number>, count = 3): BusyProcess[] {
  return [...after]
    .filter(([pid]) => !ours.has(pid))
    .map(([pid, p]) => ({ pid, comm: p.comm, cpuSeconds: p.cpuSeconds - (before.get(pid)?.cpuSeconds ?? p.cpuSeconds) }))
    .filter((p) => p.cpuSeconds > 0)
    .sort((a, b) => b.cpuSeconds - a.cpuSeconds)
    .slice(0, count);
}

/** The machine between samples: the share of its cores other work kept busy, and who did it. */
export interface LoadReading {
  share: number;
  cores: number;
  top: BusyProcess[];
  seconds: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Watch the host for `seconds` while the run is idle: everything but the run, its engine and its VM is other work. */
export async function readMachineLoad(meter: CostMeter, seconds: number): Promise<LoadReading> {
  const ours = new Set([process.pid, ...meter.enginePids, ...(meter.sharingPids ?? [])]);
  const cores = hostCores();
  const [start, processes] = [meter.read(), processCpu()];
  await sleep(seconds * 1000);
  const spent = between(start, meter.read());
  const own = spent.runCpuSeconds + (spent.sharingCpuSeconds ?? 0);
  return { share: clampShare((spent.hostCpuSeconds - own) / (cores * spent.atSeconds)), cores, top: busiest(processes, processCpu(), ours), seconds: spent.atSeconds };
}

/** "other work kept 0.9 of 2 cores busy (qemu-system-x86 0.8, node 0.1)". */
export function loadText(reading: LoadReading): string {
  // Named only when it kept a twentieth of a core busy: "node 0.0" says nothing.
  const top = reading.top.filter((p) => p.cpuSeconds / reading.seconds >= 0.05).map((p) => `${p.comm} ${(p.cpuSeconds / reading.seconds).toFixed(1)}`);
  return `other work kept ${coresText(reading.share, reading.cores)} busy${top.length ? ` (${top.join(', ')} cores)` : ''}`;
}
