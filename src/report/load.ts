// Samples taken while other work kept the machine busy (machine-load.ts: the host; vm-load.ts: the VM an engine
// runs in), per platform and per machine: how many of how many, the highest load among them, and under which
// strategies. Nothing for runs that did not measure it or found no such sample. One line per platform and machine,
// the same in the terminal, results.md and report.html.
import { coresText, isBusy } from '../bench/machine-load.js';
import type { Sample } from '../model/run-document.js';
import type { StrategyName } from '../model/strategies.js';
import { platformOf, type ResultsView } from '../results/view.js';

/** Whose load: the host's cores (otherLoad), or the CPUs of the VM the engine runs in (vmOtherLoad). */
export type LoadedMachine = 'host' | 'vm';

const LOAD_OF: Record<LoadedMachine, (s: Sample) => number | null | undefined> = { host: (s) => s.otherLoad, vm: (s) => s.vmOtherLoad };

export interface BusySamples {
  platformKey: string;
  machine: LoadedMachine;
  /** Measured samples whose load is known: one per sandbox and round, however many measures read it. */
  measured: number;
  busy: number;
  /** The highest load among the busy samples, as a share of the machine's cores. */
  worst: number;
  cores: number;
  /** Busy samples per strategy, in the run's strategy order. */
  byStrategy: ReadonlyArray<{ strategy: StrategyName; busy: number }>;
}

/** Per platform and machine (the host first) with at least one busy sample. */
export function busySamples(view: ResultsView): BusySamples[] {
  return view.platforms.flatMap((platform) =>
    (['host', 'vm'] as const).flatMap((machine) => {
      const cells = view.cells.filter((c) => c.platformKey === platform.key);
      // A sandbox's round is one timed execution: its measures share the step's load (the highest, where they differ).
      const loads = new Map<string, { strategy: StrategyName; load: number }>();
      for (const cell of cells) {
        for (const sample of cell.samples) {
          const load = LOAD_OF[machine](sample);
          if (sample.warmup || typeof load !== 'number') continue;
          const key = `${cell.workload}\0${cell.strategy}\0${sample.index}`;
          loads.set(key, { strategy: cell.strategy, load: Math.max(load, loads.get(key)?.load ?? 0) });
        }
      }
      const busy = [...loads.values()].filter((s) => isBusy(s.load));
      if (busy.length === 0) return [];
      const strategies = [...new Set(cells.map((c) => c.strategy))];
      return [
        {
          platformKey: platform.key,
          machine,
          measured: loads.size,
          busy: busy.length,
          worst: Math.max(...busy.map((s) => s.load)),
          cores: machine === 'host' ? platform.run.host.cpus : (platform.record.identity?.engine.cpus ?? 0),
          byStrategy: strategies.map((strategy) => ({ strategy, busy: busy.filter((s) => s.strategy === strategy).length })).filter((s) => s.busy > 0),
        },
      ];
    }),
  );
}

/** "up to 0.9 of 2 cores" of the host; "up to 1.5 of its 4 cores" of a VM (of its cores, when not recorded). */
function worstText(b: BusySamples): string {
  if (b.machine === 'host') return `up to ${coresText(b.worst, b.cores)}`;
  if (b.cores <= 0) return `up to ${Math.round(b.worst * 100)}% of its cores`;
  return `up to ${(b.worst * b.cores).toFixed(1)} of its ${b.cores} core${b.cores === 1 ? '' : 's'}`;
}

/** "3 of 21 samples were taken while other work kept the host busy (up to 0.9 of 2 cores): bind ×2, volume ×1",
 * or "… kept the VM busy (up to 1.5 of its 4 cores) …", each led by its platform's title when the view has more
 * than one platform. */
export function busySampleLines(view: ResultsView): string[] {
  return busySamples(view).map((b) => {
    const where = view.platforms.length > 1 ? `${platformOf(view, b.platformKey).title}: ` : '';
    const counts = b.byStrategy.map((s) => `${s.strategy} ×${s.busy}`).join(', ');
    const verb = b.busy === 1 ? 'was' : 'were';
    const whose = b.machine === 'host' ? 'the host' : 'the VM';
    return `${where}${b.busy} of ${b.measured} sample${b.measured === 1 ? '' : 's'} ${verb} taken while other work kept ${whose} busy (${worstText(b)}): ${counts}`;
  });
}
