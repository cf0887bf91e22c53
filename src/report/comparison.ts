// Comparing runs: what travels between machines is each platform's ratio to its own native, per test, so the
// comparison puts those side by side (the articles' published ratios as rows of their own); and, against a baseline
// run of the same platform, whether each cell got faster or slower. Every format renders these same rows.
import type { ResultsView, ViewPlatform } from '../results/view.js';
import { REFERENCE_STRATEGY, type StrategyName } from '../model/strategies.js';
import { verdictWord } from '../stats/change.js';
import { usesFixture } from '../workloads/catalog.js';
import { coverageText, figure, ratioText, ratioWithVerdict, STRATEGY_ORDER, testTitle } from './format.js';

export interface ComparisonRow {
  title: string;
  /** The machine: OS and CPU of a run's host, or the article's machine. */
  machine: string;
  date: string;
  /** Where the figures come from: "measured" (run id) or the article. */
  source: string;
  published: boolean;
  /** Per strategy: the ratio to native as text ("2.14x (1.96-2.34, 95.3%), slower"), with a mark for a published caveat. */
  ratios: Partial<Record<StrategyName, string>>;
}

export interface ComparisonTable {
  /** "npm-install (cra fixture)", "files stat". */
  test: string;
  strategies: StrategyName[];
  rows: ComparisonRow[];
  /** Caveats of published figures, by the mark their cells carry. */
  notes: string[];
}

/** Whether a view compares (several runs, or published figures) rather than reports one run. */
export function isComparison(view: ResultsView): boolean {
  return view.runs.length > 1 || view.published.length > 0;
}

function machineOf(platform: ViewPlatform): string {
  const h = platform.run.host;
  return `${h.os}, ${h.cpuModel}, ${h.cpus} CPUs`;
}

function fixtureOf(platform: ViewPlatform, workload: string): string {
  return usesFixture(workload) ? platform.run.settings.fixture : '';
}

export function comparisonTables(view: ResultsView): ComparisonTable[] {
  const keyOf = (workload: string, measure: string, fixture: string) => [workload, measure, fixture].join('\u0000');
  const keys = new Map<string, { workload: string; measure: string; fixture: string }>();
  for (const cell of view.cells) {
    const platform = view.platforms.find((p) => p.key === cell.platformKey)!;
    const fixture = fixtureOf(platform, cell.workload);
    keys.set(keyOf(cell.workload, cell.measure, fixture), { workload: cell.workload, measure: cell.measure, fixture });
  }
  for (const p of view.published) keys.set(keyOf(p.workload, 'time', p.fixture), { workload: p.workload, measure: 'time', fixture: p.fixture });

  return [...keys.values()].map(({ workload, measure, fixture }) => {
    const notes: string[] = [];
    const rows: ComparisonRow[] = view.platforms.flatMap((platform) => {
      if (fixtureOf(platform, workload) !== fixture) return [];
      const cells = view.cells.filter((c) => c.platformKey === platform.key && c.workload === workload && c.measure === measure);
      if (cells.length === 0) return [];
      return [{
        title: platform.title,
        machine: machineOf(platform),
        date: platform.run.startedAt.slice(0, 10),
        source: `measured (run ${platform.run.id})`,
        published: false,
        ratios: Object.fromEntries(cells.filter((c) => c.strategy !== REFERENCE_STRATEGY).map((c) => [c.strategy, ratioWithVerdict(c)])),
      }];
    });
    for (const p of view.published.filter((p) => p.workload === workload && p.fixture === fixture && measure === 'time')) {
      const ratios: ComparisonRow['ratios'] = {};
      for (const r of p.ratios) {
        if (r.note && !notes.includes(r.note)) notes.push(r.note);
        ratios[r.strategy] = `${ratioText(r.value)}${r.note ? '†'.repeat(notes.indexOf(r.note) + 1) : ''}`;
      }
      rows.push({ title: p.platform, machine: `${p.os}, ${p.machine}`, date: p.date, source: `published (${p.source})`, published: true, ratios });
    }
    const strategies = STRATEGY_ORDER.filter((s) => s !== REFERENCE_STRATEGY && rows.some((r) => r.ratios[s] !== undefined));
    const test = `${testTitle({ workload, measure })}${fixture ? ` (${fixture} fixture)` : ''}`;
    return { test, strategies, rows, notes: notes.map((note, i) => `${'†'.repeat(i + 1)} ${note}`) };
  });
}

export interface ChangeRow {
  test: string;
  platform: string;
  strategy: StrategyName;
  unit: string;
  before: string;
  now: string;
  /** "0.89x, faster (0.85-0.93, ≥95.2%)", "1.02x, the same within ±10% (…)", "1.08x, undecided (…)". */
  change: string;
  verdict: string;
}

export function changeRows(view: ResultsView): ChangeRow[] {
  return view.changes.map(({ baseline, now, change }) => {
    const platform = view.platforms.find((p) => p.key === now.platformKey)!;
    const interval = change.interval ? ` (${change.interval.low.toFixed(2)}-${change.interval.high.toFixed(2)}, ${coverageText(change.interval.coverage, true)})` : '';
    const verdict = verdictWord(change, now.metric.name);
    return {
      test: testTitle(now),
      platform: platform.title,
      strategy: now.strategy,
      unit: now.metric.unit,
      before: figure(baseline.summary!.median),
      now: figure(now.summary!.median),
      change: `${ratioText(change.ratio)}, ${verdict}${interval}`,
      verdict,
    };
  });
}
