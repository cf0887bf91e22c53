// What a sample cost besides its time, read on the host around each timed step: the CPU of the processes that serve
// the platform's bind mounts (the sharing layer), the whole host's CPU (so work elsewhere shows: dockerd, a VM), and
// energy from RAPL where readable. The container's own share comes from its cgroup, read by the harness inside it.
// Each figure that cannot be measured here says why, once per platform. The run's own CPU (mountbench and the
// engine's host processes) is read too, so that what the host did besides the run shows (machine-load.ts).
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import type { PlatformCostSources } from '../model/run-document.js';
import { endpointOwner } from '../platforms/endpoint-processes.js';
import { processesCpuSeconds } from '../platforms/process-cpu.js';
import { scanProcesses, withDescendants } from '../platforms/processes.js';
import { sharingProcesses, sharingServesAVm } from '../platforms/sharing-processes.js';

export interface HostCounts {
  sharingCpuSeconds: number | null;
  hostCpuSeconds: number;
  energyJoules: number | null;
  /** mountbench's own CPU and the engine's host processes' (dockerd, containerd): the run's work, not other work. */
  runCpuSeconds: number;
  /** Monotonic seconds when read: a difference is the window's wall time. */
  atSeconds: number;
}

const POWERCAP = '/sys/class/powercap';

function readNumber(path: string): number | null {
  try {
    const value = Number(readFileSync(path, 'utf8').trim());
    return Number.isFinite(value) ? value : null;
  } catch {
    return null;
  }
}

/** Busy CPU seconds of the whole host since boot (all cores: user, nice, system, irq). */
export function hostCpuSeconds(): number {
  return os.cpus().reduce((sum, cpu) => sum + cpu.times.user + cpu.times.nice + cpu.times.sys + cpu.times.irq, 0) / 1000;
}

/** The package energy counters of RAPL (µJ), or why there are none. */
function raplZones(): { zones: Array<{ energy: string; max: number }> } | { why: string } {
  if (process.platform === 'darwin') return { why: 'macOS gives energy figures only to root, through powermetrics' };
  let entries: string[];
  try {
    entries = readdirSync(POWERCAP).filter((e) => /^intel-rapl:\d+$/.test(e));
  } catch {
    return { why: `no RAPL interface (${POWERCAP} is absent: a virtual machine, or a CPU without it)` };
  }
  if (entries.length === 0) return { why: `no RAPL package zone under ${POWERCAP}` };
  const zones = entries.map((e) => ({ energy: `${POWERCAP}/${e}/energy_uj`, max: readNumber(`${POWERCAP}/${e}/max_energy_range_uj`) ?? 2 ** 32 }));
  if (zones.some((z) => readNumber(z.energy) === null)) return { why: `RAPL counters are not readable (${zones[0].energy}: needs root)` };
  return { zones };
}

export class CostMeter {
  private lastEnergy: number[] | null = null;
  /** Per RAPL zone, what its counter's wrap-arounds added so far (µJ). */
  private wrapped: number[];

  private constructor(
    /** The processes serving the bind mounts; on a VM platform, the VM's. */
    readonly sharingPids: readonly number[] | null,
    /** The engine's processes on the host, when it runs there (not inside a VM). */
    readonly enginePids: readonly number[],
    /** Whether the sharing processes are the VM the containers run in: their CPU holds the containers'. */
    readonly sharingIsTheVm: boolean,
    private readonly zones: Array<{ energy: string; max: number }> | null,
    /** How each figure is measured on this platform, or why it is not. */
    readonly sources: PlatformCostSources,
  ) {
    this.wrapped = (zones ?? []).map(() => 0);
  }

  /** The meter of a platform whose bind mounts reach `sharedDir` through `mechanism`. */
  static forPlatform(kind: string, mechanism: string | null, sharedDir: string, endpoint?: string): CostMeter {
    const sharing = sharingProcesses(kind, mechanism, sharedDir, endpoint);
    const rapl = raplZones();
    const vm = process.platform !== 'linux' || sharingServesAVm(mechanism);
    return new CostMeter(sharing?.pids ?? null, vm ? [] : engineProcesses(endpoint), vm, 'zones' in rapl ? rapl.zones : null, {
      container: 'from the container\'s own cgroup, read by the timer inside it before and after the step (CPU, I/O; working set polled every 100 ms)',
      sharing: sharing
        ? `CPU of the processes serving the bind mounts: ${sharing.what} (pids ${sharing.pids.join(', ')})`
        : mechanism === 'none'
          ? 'not measured: bind mounts here are a local file system, no process serves them'
          : `not measured: no process serving the bind mounts (${mechanism ?? 'unknown'}) was found on this host`,
      host: `busy CPU of the whole host (all ${os.cpus().length} cores), from the kernel's counters`,
      energy: 'zones' in rapl ? `RAPL package energy (${rapl.zones.length} zone${rapl.zones.length > 1 ? 's' : ''})` : `not measured: ${rapl.why}`,
    });
  }

  /** The counters now; a step's cost is the difference of two readings (see `between`). */
  read(): HostCounts {
    return {
      sharingCpuSeconds: this.sharingPids ? processesCpuSeconds(this.sharingPids) : null,
      hostCpuSeconds: hostCpuSeconds(),
      energyJoules: this.zones ? this.energyJoules() : null,
      runCpuSeconds: ownCpuSeconds() + processesCpuSeconds(this.enginePids),
      atSeconds: Number(process.hrtime.bigint()) / 1e9,
    };
  }

  /** Cumulative energy in joules, counting each zone's wrap-around since the last reading. */
  private energyJoules(): number {
    const now = this.zones!.map((z) => readNumber(z.energy) ?? 0);
    const last = this.lastEnergy ?? now;
    this.wrapped = this.wrapped.map((w, i) => (now[i] < last[i] ? w + this.zones![i].max : w));
    this.lastEnergy = now;
    return now.reduce((sum, uj, i) => sum + uj + this.wrapped[i], 0) / 1e6;
  }
}

/** mountbench's own CPU seconds since it started (user + system). */
function ownCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/** The engine's processes on a Linux host: the one that owns its endpoint and its children (dockerd, containerd).
 * Not the unix socket peers: through containerd's shims those lead to the containers, which are counted apart. */
function engineProcesses(endpoint: string | undefined): number[] {
  if (process.platform !== 'linux' || !endpoint) return [];
  const all = scanProcesses();
  const owner = endpointOwner(endpoint, all);
  return owner ? withDescendants([owner], all).map((p) => p.pid) : [];
}

/** The cost of what happened between two readings. */
export function between(before: HostCounts, after: HostCounts): HostCounts {
  const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : Math.max(0, b - a));
  return {
    sharingCpuSeconds: diff(before.sharingCpuSeconds, after.sharingCpuSeconds),
    hostCpuSeconds: Math.max(0, after.hostCpuSeconds - before.hostCpuSeconds),
    energyJoules: diff(before.energyJoules, after.energyJoules),
    runCpuSeconds: Math.max(0, after.runCpuSeconds - before.runCpuSeconds),
    atSeconds: Math.max(0, after.atSeconds - before.atSeconds),
  };
}
