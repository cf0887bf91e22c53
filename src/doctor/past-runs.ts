// This machine's earlier runs of a platform, from the local history and each run's run.json: what doctor can say
// was measured here rather than published elsewhere.
import { readRunDocument } from '../results/store.js';
import type { HistoryEntry } from '../results/history.js';

export interface PastCell {
  workload: string;
  measure: string;
  strategy: string;
  /** The metric's unit; null when only the history's line could be read. */
  unit: string | null;
  median: number | null;
  ratio: number | null;
}

export interface PastRun {
  id: string;
  startedAt: string;
  runFile: string;
  fixture: string;
  /** The platform's cells. */
  cells: PastCell[];
  /** Why only the history's ratios are known (the run.json was moved or deleted). */
  note: string | null;
}

// Rules look at the newest runs only; reading every run.json of a long history would make doctor slow.
const RUNS_READ = 10;

/** The runs that measured the platform (same name, same kind), newest first, each read from its run.json. */
export async function pastRuns(entries: readonly HistoryEntry[], platform: { name: string; kind: string }): Promise<PastRun[]> {
  const mine = entries
    .filter((e) => e.platforms.some((p) => p.name === platform.name && p.kind === platform.kind))
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt))
    .slice(0, RUNS_READ);
  return Promise.all(mine.map((entry) => pastRun(entry, platform.name)));
}

async function pastRun(entry: HistoryEntry, platform: string): Promise<PastRun> {
  const run = { id: entry.id, startedAt: entry.startedAt, runFile: entry.runFile, fixture: entry.fixture };
  try {
    const doc = await readRunDocument(entry.runFile);
    const cells = doc.cells
      .filter((c) => c.platform === platform && c.status === 'ok')
      .map((c) => ({ workload: c.workload, measure: c.measure, strategy: c.strategy, unit: c.metric.unit, median: c.summary?.median ?? null, ratio: c.ratioToNative?.value ?? null }));
    return { ...run, cells, note: null };
  } catch (error) {
    const cells = entry.ratios.filter((r) => r.platform === platform).map((r) => ({ ...r, unit: null, median: null }));
    return { ...run, cells, note: (error as Error).message.split('\n')[0] };
  }
}
