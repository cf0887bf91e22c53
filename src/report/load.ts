// Samples taken while other work kept the machine busy (machine-load.ts), per platform: how many of how many, the
// highest load among them, and under which strategies. Nothing for runs that did not measure it or found no such
// sample. One line per platform, the same in the terminal, results.md and report.html.
import { coresText, isBusy } from '../bench/machine-load.js';
import type { StrategyName } from '../model/strategies.js';
import { platformOf, type ResultsView } from '../results/view.js';

export interface BusySamples {
  platformKey: string;
  /** Measured samples whose load is known: one per sandbox and round, however many measures read it. */
  measured: number;
  busy: number;
  /** The highest load among the busy samples, as a share of the host's cores. */
  worst: number;
  cores: number;
  /** Busy samples per strategy, in the run's strategy order. */
  byStrategy: ReadonlyArray<{ strategy: StrategyName; busy: number }>;
}

/** Per platform with at least one busy sample. */
export function busySamples(view: ResultsView): BusySamples[] {
  return view.platforms.flatMap((platform) => {
    // A sandbox's round is one timed execution: its measures share the step's load (the highest, where they differ).
    const loads = new Map<string, { strategy: StrategyName; load: number }>();
    for (const cell of view.cells.filter((c) => c.platformKey === platform.key)) {
      for (const sample of cell.samples) {
        if (sample.warmup || typeof sample.otherLoad !== 'number') continue;
        const key = `${cell.workload}\0${cell.strategy}\0${sample.index}`;
        loads.set(key, { strategy: cell.strategy, load: Math.max(sample.otherLoad, loads.get(key)?.load ?? 0) });
      }
    }
    const busy = [...loads.values()].filter((s) => isBusy(s.load));
    if (busy.length === 0) return [];
    const strategies = [...new Set(view.cells.filter((c) => c.platformKey === platform.key).map((c) => c.strategy))];
    return [
      {
        platformKey: platform.key,
        measured: loads.size,
        busy: busy.length,
        worst: Math.max(...busy.map((s) => s.load)),
        cores: platform.run.host.cpus,
        byStrategy: strategies.map((strategy) => ({ strategy, busy: busy.filter((s) => s.strategy === strategy).length })).filter((s) => s.busy > 0),
      },
    ];
  });
}

/** "3 of 21 samples were taken while other work kept the machine busy (up to 0.9 of 2 cores): bind ×2, volume ×1",
 * each line led by its platform's title when the view has more than one platform. */
export function busySampleLines(view: ResultsView): string[] {
  return busySamples(view).map((b) => {
    const where = view.platforms.length > 1 ? `${platformOf(view, b.platformKey).title}: ` : '';
    const counts = b.byStrategy.map((s) => `${s.strategy} ×${s.busy}`).join(', ');
    const verb = b.busy === 1 ? 'was' : 'were';
    return `${where}${b.busy} of ${b.measured} sample${b.measured === 1 ? '' : 's'} ${verb} taken while other work kept the machine busy (up to ${coresText(b.worst, b.cores)}): ${counts}`;
  });
}
