// A view over one or many run documents — runs from several machines, days or platforms side by side — that every
// report renders from. One run is the special case of many. Cells are keyed by run and platform, so two machines'
// "default" platforms never collide, and each platform gets a title that tells it apart from the others in view.
import { changeOf, type Change } from '../stats/change.js';
import { publishedPlatforms, type PublishedPlatform, type PublishedRow } from './published.js';
import type { Cell, PlatformRecord, RunDocument } from '../model/run-document.js';

export interface ViewPlatform {
  /** Unique in the view: the run's id and the platform's name. */
  key: string;
  run: RunDocument;
  record: PlatformRecord;
  /** What reports call it: its label, told apart from any other platform in the view that shares the label. */
  title: string;
}

export type ViewCell = Cell & { platformKey: string };

/** A cell of a later run next to the same cell of the baseline run (same platform, workload, measure, strategy). */
export interface CellChange {
  baseline: ViewCell;
  now: ViewCell;
  change: Change;
}

export interface ResultsView {
  runs: readonly RunDocument[];
  /** In run order, then in each run's own order. */
  platforms: readonly ViewPlatform[];
  cells: readonly ViewCell[];
  /** The articles' figures, when asked for: rows of their own, never mixed with measurements. */
  published: readonly PublishedPlatform[];
  /** The run the others are checked against (--baseline), and what changed since. */
  baseline: RunDocument | null;
  changes: readonly CellChange[];
}

export interface ViewOptions {
  published?: readonly PublishedRow[];
  /** Id of the run (among `runs`) the others are compared with. */
  baseline?: string;
}

export function platformKey(run: RunDocument, name: string): string {
  return `${run.id}/${name}`;
}

/** "Docker Desktop 4.37.1", "Docker on Linux 20.10 (mountbench-lab)" when a run has two of a label, and the run's
 * date and id added when two runs in view have a platform of the same title. */
function titles(runs: readonly RunDocument[]): Map<string, string> {
  const inRun = new Map<string, string>();
  for (const run of runs) {
    const label = (p: PlatformRecord) => p.identity?.label ?? p.name;
    for (const p of run.platforms) {
      const mine = label(p);
      const shared = mine !== p.name && run.platforms.filter((q) => label(q) === mine).length > 1;
      inRun.set(platformKey(run, p.name), shared ? `${mine} (${p.name})` : mine);
    }
  }
  const result = new Map<string, string>();
  for (const [key, title] of inRun) {
    const twice = [...inRun.entries()].some(([other, t]) => t === title && other !== key);
    const run = runs.find((r) => key.startsWith(`${r.id}/`))!;
    result.set(key, twice ? `${title} [${run.startedAt.slice(0, 10)}, run ${run.id}]` : title);
  }
  return result;
}

/** Where two runs' settings make their cells comparable: same workload and fixture (sizes are not compared). */
function sameTest(a: RunDocument, b: RunDocument): boolean {
  return a.settings.fixture === b.settings.fixture;
}

function changesSince(baseline: RunDocument, runs: readonly RunDocument[], cells: readonly ViewCell[]): CellChange[] {
  const before = cells.filter((c) => c.platformKey.startsWith(`${baseline.id}/`));
  return runs
    .filter((run) => run !== baseline && sameTest(run, baseline))
    .flatMap((run) => cells.filter((c) => c.platformKey.startsWith(`${run.id}/`)).map((now) => ({ run, now })))
    .flatMap(({ run, now }) => {
      const then = before.find((b) => b.platform === now.platform && b.workload === now.workload && b.measure === now.measure && b.strategy === now.strategy);
      const change = then && changeOf(then, now, run.settings.margin);
      return then && change ? [{ baseline: then, now, change }] : [];
    });
}

export function viewOf(runs: readonly RunDocument[], options: ViewOptions = {}): ResultsView {
  const title = titles(runs);
  const platforms = runs.flatMap((run) =>
    run.platforms.map((record) => ({ key: platformKey(run, record.name), run, record, title: title.get(platformKey(run, record.name))! })),
  );
  // A cell whose platform has no record (a document written by hand) still shows, under its own name.
  for (const run of runs) {
    for (const name of new Set(run.cells.map((c) => c.platform))) {
      if (platforms.some((p) => p.key === platformKey(run, name))) continue;
      platforms.push({ key: platformKey(run, name), run, record: { name, identity: null, image: null, error: null, cost: null }, title: name });
    }
  }
  const cells = runs.flatMap((run) => run.cells.map((cell) => ({ ...cell, platformKey: platformKey(run, cell.platform) })));
  const baseline = options.baseline === undefined ? null : (runs.find((r) => r.id === options.baseline) ?? null);
  if (options.baseline !== undefined && !baseline) throw new Error(`the baseline run ${options.baseline} is not among the runs`);
  return {
    runs,
    platforms,
    cells,
    published: publishedPlatforms(options.published ?? []),
    baseline,
    changes: baseline ? changesSince(baseline, runs, cells) : [],
  };
}

/** The platform of a key in the view. */
export function platformOf(view: ResultsView, key: string): ViewPlatform {
  const found = view.platforms.find((p) => p.key === key);
  if (!found) throw new Error(`no platform ${key} in this view`);
  return found;
}
