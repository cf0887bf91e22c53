// The cost table: per workload and platform, what each strategy's timed step burned besides its time — CPU in the
// container, in the processes serving the bind mounts, in the whole host — its peak memory, I/O and energy (medians
// of the measured samples), with the whole host's CPU as a ratio to native. And a check that the two sources of the
// container's CPU (its cgroup, the timer's own count of its children) agree.
import type { Cell, SampleCost } from '../model/run-document.js';
import type { ResultsView, ViewCell, ViewPlatform } from '../results/view.js';
import { REFERENCE_STRATEGY } from '../model/strategies.js';
import { median } from '../stats/descriptive.js';
import { figure, ratioText, STRATEGY_ORDER, strategyTitle } from './format.js';

export interface CostRow {
  strategy: string;
  commandCpu: string;
  containerCpu: string;
  sharingCpu: string;
  hostCpu: string;
  /** The whole host's CPU against native's: what the strategy burns, whichever process burns it. */
  hostCpuVsNative: string;
  peakMemory: string;
  read: string;
  written: string;
  energy: string;
}

export interface CostTable {
  workload: string;
  platform: ViewPlatform;
  rows: CostRow[];
  /** How each figure was measured on the platform, or why not; and whether the two CPU sources agree. */
  notes: string[];
}

function bytesText(bytes: number | null): string {
  if (bytes === null) return '—';
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
  return bytes >= 1024 ** 2 ? `${(bytes / 1024 ** 2).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(0)} KiB`;
}

const seconds = (value: number | null) => (value === null ? '—' : figure(value));

/** The container's cgroup CPU against the timer's user + system time of the command, sample by sample (median). */
export function cpuAgreement(cells: readonly Cell[]): number | null {
  const ratios = cells.flatMap((c) =>
    c.samples.flatMap((s) => {
      const timer = (s.cpuUserSeconds ?? NaN) + (s.cpuSystemSeconds ?? NaN);
      const cgroup = s.cost?.containerCpuSeconds ?? null;
      return !s.warmup && cgroup !== null && timer > 0 ? [cgroup / timer] : [];
    }),
  );
  return ratios.length > 0 ? median(ratios) : null;
}

export function costTables(view: ResultsView): CostTable[] {
  const tables: CostTable[] = [];
  const workloads = [...new Set(view.cells.map((c) => c.workload))];
  for (const workload of workloads) {
    // Every measure of a workload reads the same step; its first measure's cells carry the step's cost.
    const measure = view.cells.find((c) => c.workload === workload)!.measure;
    for (const platform of view.platforms) {
      const cells = view.cells
        .filter((c) => c.platformKey === platform.key && c.workload === workload && c.measure === measure && c.summary?.cost)
        .sort((a, b) => STRATEGY_ORDER.indexOf(a.strategy) - STRATEGY_ORDER.indexOf(b.strategy));
      if (cells.length === 0) continue;
      const nativeHost = cells.find((c) => c.strategy === REFERENCE_STRATEGY)?.summary?.cost?.hostCpuSeconds ?? null;
      const rows = cells.map((c: ViewCell) => {
        const cost = c.summary!.cost as SampleCost;
        return {
          strategy: strategyTitle(c.strategy),
          commandCpu: seconds(cost.commandCpuSeconds),
          containerCpu: seconds(cost.containerCpuSeconds),
          sharingCpu: seconds(cost.sharingCpuSeconds),
          hostCpu: seconds(cost.hostCpuSeconds),
          hostCpuVsNative: nativeHost && cost.hostCpuSeconds !== null ? ratioText(cost.hostCpuSeconds / nativeHost) : '—',
          peakMemory: bytesText(cost.peakMemoryBytes),
          read: bytesText(cost.readBytes),
          written: bytesText(cost.writeBytes),
          energy: cost.energyJoules === null ? '—' : figure(cost.energyJoules),
        };
      });
      const sources = platform.record.cost;
      const agreement = cpuAgreement(cells);
      const notes = [
        ...(sources ? [`container: ${sources.container}`, `sharing layer: ${sources.sharing}`, `host: ${sources.host}`, `energy: ${sources.energy}`] : []),
        ...(agreement === null
          ? []
          : [`the container's cgroup CPU is ${ratioText(agreement)} the timer's own user + system time of the command (median over samples)` +
              (Math.abs(agreement - 1) <= 0.1 ? ': the two agree within 10%' : ': they differ by more than 10%; the cgroup also counts the timer itself and anything else running in the container')]),
      ];
      tables.push({ workload, platform, rows, notes });
    }
  }
  return tables;
}
