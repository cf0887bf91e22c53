// Shared wording and number formats of every report, so the table, CSV, Markdown and chart say the same thing.
import type { Cell, Metric, RunDocument, Summary } from '../model/run-document.js';
import { platformKey, platformOf, type ResultsView, type ViewCell, type ViewPlatform } from '../results/view.js';
import { REFERENCE_STRATEGY, STRATEGY_CATALOG, STRATEGY_NAMES, type StrategyName } from '../model/strategies.js';
import { usesFixture } from '../workloads/catalog.js';
import { hasVerdicts, verdictOf, verdictShort } from './ratio-verdict.js';
import { plainText, type Text } from './text.js';

/** The workloads of the runs in view, each once, in run order. */
export function workloadsIn(view: ResultsView): string[] {
  return [...new Set(view.runs.flatMap((r) => r.settings.workloads))];
}

/** "mountbench: npm-install (cra fixture)": what was run, with the fixtures where a workload starts from one. */
export function reportTitle(view: ResultsView): string {
  const workloads = workloadsIn(view);
  const fixtures = [...new Set(view.runs.map((r) => r.settings.fixture))];
  return `mountbench: ${workloads.join(', ')}${workloads.some(usesFixture) ? ` (${fixtures.join(', ')} fixture)` : ''}`;
}

/** The names the seed article uses ("Test Type"). */
export function strategyTitle(strategy: StrategyName): string {
  return STRATEGY_CATALOG[strategy].title;
}

/** Report order: the catalog's. */
export const STRATEGY_ORDER: readonly StrategyName[] = STRATEGY_NAMES;

/** A figure with two decimals, or three significant digits below 1 (file-system phases take milliseconds). */
export function figure(value: number): string {
  return value === 0 || Math.abs(value) >= 1 ? value.toFixed(2) : Number(value.toPrecision(3)).toString();
}

export function ratioText(value: number): string {
  return `${value.toFixed(2)}x`;
}

export function percent(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1)}%`;
}

export function fileSharingText(platform: ViewPlatform): string {
  const sharing = platform.record.identity?.fileSharing;
  if (!sharing) return 'unknown';
  return sharing.fstype ? `${sharing.mechanism} (${sharing.fstype})` : sharing.mechanism;
}

/** One test in view: a workload's measure, with its cells grouped per platform in view order. */
export interface TestGroup {
  workload: string;
  measure: string;
  metric: Metric;
  platforms: Array<{ platform: ViewPlatform; cells: ViewCell[] }>;
}

/** "npm-install", "traverse cold": the name of a test in reports. */
export function testTitle(group: { workload: string; measure: string }): string {
  return group.measure === 'time' ? group.workload : `${group.workload} ${group.measure}`;
}

/** "time (s), lower is better". */
export function metricText(metric: Metric): string {
  return `${metric.name} (${metric.unit}), ${metric.lowerIsBetter ? 'lower' : 'higher'} is better`;
}

/** The tests in view, in run order; in each, cells per platform, strategies in the seed's order. */
export function testGroups(view: ResultsView): TestGroup[] {
  const keys = [...new Set(view.cells.map((c) => `${c.workload}\u0000${c.measure}`))];
  return keys.map((key) => {
    const cells = view.cells.filter((c) => `${c.workload}\u0000${c.measure}` === key);
    const platforms = view.platforms.filter((p) => cells.some((c) => c.platformKey === p.key));
    return {
      workload: cells[0].workload,
      measure: cells[0].measure,
      metric: cells[0].metric,
      platforms: platforms.map((platform) => ({
        platform,
        cells: cells
          .filter((c) => c.platformKey === platform.key)
          .sort((a, b) => STRATEGY_ORDER.indexOf(a.strategy) - STRATEGY_ORDER.indexOf(b.strategy)),
      })),
    };
  });
}

/** The worst cell of a platform by median, the statistic the tables lead with (the slowest, when lower is better):
 * bold in the seed's table. Where the ratios have verdicts, only when its own says it is slower than native. */
export function worstCell<C extends Cell>(cells: C[]): C | undefined {
  const worst = worstByMedian(cells);
  if (!worst || !hasVerdicts(cells)) return worst;
  return verdictOf(worst)?.word === 'slower' ? worst : undefined;
}

function worstByMedian<C extends Cell>(cells: C[]): C | undefined {
  const measured = cells.filter((c) => c.summary);
  if (measured.length < 2) return undefined;
  const worse = (a: Cell, b: Cell) => (a.metric.lowerIsBetter ? a.summary!.median > b.summary!.median : a.summary!.median < b.summary!.median);
  const worst = measured.reduce((w, c) => (worse(c, w) ? c : w));
  // All equal (e.g. no event missed anywhere): nothing stands out.
  return measured.every((c) => c.summary!.median === worst.summary!.median) ? undefined : worst;
}

/** "96.9%"; "≥96.8%" for a lower bound, rounded down so it never claims more. */
export function coverageText(coverage: number, atLeast = false): string {
  return atLeast ? `≥${(Math.floor(coverage * 1000) / 10).toFixed(1)}%` : `${(coverage * 100).toFixed(1)}%`;
}

/** "40.63-46.60 (96.9%)": the median's interval and its exact coverage; "—" when there is none. */
export function medianInterval(summary: Summary): Text {
  const i = summary.interval;
  return i ? [{ range: [figure(i.low), figure(i.high)] }, ` (${coverageText(i.coverage)})`] : '—';
}

export const medianIntervalText = (summary: Summary, dash = '-') => plainText(medianInterval(summary), dash);

/** "2.14x (1.96-2.34, ≥96.8%)": the ratio to native with its interval; "1.00x" for native itself; "—" for none. */
export function ratioCell(cell: Cell): Text {
  const ratio = cell.ratioToNative;
  if (!ratio) return '—';
  if (cell.strategy === REFERENCE_STRATEGY) return ratioText(ratio.value);
  const i = ratio.interval;
  // Exact for a rank interval at a fixed count; a lower bound for the corner product (older runs) and after looks.
  const atLeast = !ratio.method || ratio.sequential !== undefined;
  return i ? [`${ratioText(ratio.value)} (`, { range: [i.low.toFixed(2), i.high.toFixed(2)] }, `, ${coverageText(i.coverage, atLeast)})`] : `${ratioText(ratio.value)} (—)`;
}

export const ratioCellText = (cell: Cell, dash = '-') => plainText(ratioCell(cell), dash);

/** The ratio as the tables print it and, where the run decided one, its verdict: "2.14x (1.96-2.34, 95.3%), slower". */
export function ratioWithVerdict(cell: Cell): string {
  const verdict = verdictShort(cell);
  return verdict ? `${ratioCellText(cell)}, ${verdict}` : ratioCellText(cell);
}

/** Whether a cell lacks an interval (its own or its ratio's) only for having too few samples: explained once. */
export function lacksSamplesForInterval(cell: Cell): boolean {
  const tooFew = /^(needs at least|too few samples)/;
  return tooFew.test(cell.summary?.intervalNote ?? '') || tooFew.test(cell.ratioToNative?.intervalNote ?? '');
}

/** A cell's figures are partial when it stopped early (failed, interrupted) with some samples measured. */
export function isPartial(cell: Cell): boolean {
  return cell.status !== 'ok' && cell.summary !== null;
}

/** "failed", "interrupted": what a cell's mark says, or null for a cell measured to its end. */
export function statusMark(cell: Cell): string | null {
  return cell.status === 'ok' ? null : cell.status;
}

/** "1 cell failed, 2 skipped": the count a reader sees before any table; null when every cell was measured. */
export function statusCount(cells: readonly Cell[]): string | null {
  const count = (status: Cell['status']) => cells.filter((c) => c.status === status).length;
  const parts = [
    [count('failed'), 'failed'],
    [count('interrupted'), 'interrupted'],
    [count('skipped'), 'skipped'],
  ].filter(([n]) => (n as number) > 0) as Array<[number, string]>;
  if (parts.length === 0) return null;
  return parts.map(([n, what], i) => (i === 0 ? `${n} cell${n > 1 ? 's' : ''} ${what}` : `${n} ${what}`)).join(', ');
}

/** How much worse than native a ratio is, whichever way the metric points (1 = the same, 2 = twice as bad). */
export function badness(cell: Cell): number | null {
  const ratio = cell.ratioToNative?.value;
  if (ratio === undefined || ratio <= 0) return null;
  return cell.metric.lowerIsBetter ? ratio : 1 / ratio;
}

export function mibText(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GiB` : `${Math.round(bytes / 1024 ** 2)} MiB`;
}

export function durationText(seconds: number): string {
  if (seconds < 59.95) return `${seconds.toFixed(1)} s`;
  const whole = Math.round(seconds);
  const m = Math.floor(whole / 60);
  return m < 60 ? `${m} min ${whole % 60} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** Whole-run wall time against what was measured: the overhead of setting up, resetting and cleaning. */
export function overheadRatio(doc: RunDocument): number | null {
  const useful = doc.timing.sampledSeconds + doc.timing.primingSeconds;
  return useful > 0 ? doc.timing.wallSeconds / useful : null;
}

/** Cells that were not measured, once per sandbox (its measures fail together): "platform / workload / strategy: why". */
export function problems(view: ResultsView): string[] {
  const lines = view.cells
    .filter((c) => c.status !== 'ok')
    .map((c) => `${platformOf(view, c.platformKey).title} / ${c.workload} / ${strategyTitle(c.strategy)}: ${c.status}${c.reason ? ` — ${c.reason}` : ''}`);
  return [...new Set(lines)];
}

/** What the reader should know about a test's figures, once per platform and note. */
export function cellNotes(view: ResultsView): string[] {
  const lines = view.cells.flatMap((c) => c.notes.map((note) => `${platformOf(view, c.platformKey).title} / ${testTitle(c)} / ${strategyTitle(c.strategy)}: ${note}`));
  return [...new Set(lines)];
}

/** How many samples each cell took: a fixed count, or the --runs auto rule. */
export function samplesSentence(run: RunDocument): string {
  const { runs, auto, warmup } = run.settings;
  const after = `after ${warmup} warm-up`;
  if (runs !== 'auto' || !auto) return `${runs} measured samples per cell ${after}.`;
  const within = auto.precision === null ? '' : ` within ±${+(auto.precision * 100).toFixed(2)}%`;
  if (auto.looks) return `Samples per cell until every ratio to native had its verdict${within}, judged at ${auto.looks.join(', ')} samples (see Sampling), ${after}.`;
  return `Samples per cell until every ratio to native was known to ±${+((auto.precision ?? 0) * 100).toFixed(2)}% (${auto.minRuns} to ${auto.maxRuns}; see Sampling), ${after}.`;
}

const STOP_RULE_TEXT: Record<RunDocument['stopping'][number]['rule'], string> = {
  runs: 'the planned count',
  verdict: 'stopped: every ratio had its verdict',
  precision: 'stopped: precise enough',
  'max-runs': 'stopped at the last look (--max-runs), not every ratio settled',
  'max-time': 'stopped at --max-time, not yet precise enough',
  interrupted: 'interrupted',
  'no-samples': 'stopped: no cell had a figure left to measure',
};

/** Under --runs auto, which rule ended the sampling of each platform's workload: one line each. */
export function stoppingLines(view: ResultsView): string[] {
  return view.runs
    .filter((r) => r.settings.runs === 'auto')
    .flatMap((run) =>
      run.stopping.map((stop) => {
        const title = view.platforms.find((p) => p.key === platformKey(run, stop.platform))?.title ?? stop.platform;
        const widest = stop.worstHalfWidth === null ? '' : `; widest half-width ±${(stop.worstHalfWidth * 100).toFixed(1)}%`;
        return `${title} / ${stop.workload}: ${STOP_RULE_TEXT[stop.rule]} after ${stop.samples} samples per cell${widest}`;
      }),
    );
}

/** Everything to know before trusting the figures, one line each: runs not finished, cells not measured, the cells'
 * notes, intervals missing for a reason other than too few samples, outliers, and the runs' own notes. */
export function reportNotes(view: ResultsView): string[] {
  const where = (c: ViewCell) => `${platformOf(view, c.platformKey).title} / ${testTitle(c)} / ${strategyTitle(c.strategy)}`;
  const unfinished = view.runs
    .filter((r) => r.status !== 'complete')
    .map((r) => `The ${view.runs.length > 1 ? `run ${r.id}` : 'run'} is ${r.status}${r.statusReason ? `: ${r.statusReason}` : ''}.`);
  const intervals = view.cells.flatMap((c) => {
    const why = lacksSamplesForInterval(c) ? null : (c.summary?.intervalNote ?? c.ratioToNative?.intervalNote);
    return why ? [`${where(c)}: no interval: ${why}`] : [];
  });
  const outliers = view.cells
    .filter((c) => (c.summary?.outliers.length ?? 0) > 0)
    .map((c) => `${where(c)}: outlier samples (MAD rule, kept): ${c.summary!.outliers.map((i) => `#${i + 1}`).join(', ')}`);
  return [...unfinished, ...problems(view), ...cellNotes(view), ...intervals, ...outliers, ...view.runs.flatMap((r) => r.notes)];
}
