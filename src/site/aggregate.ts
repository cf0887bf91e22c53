// The overview's rows: per test, one row per platform version, file sharing, chip and strategy, aggregating every
// machine's ratio to its own native. One machine: its ratio, its interval and its verdict. Several: the median of
// their ratios, the distribution-free interval of that median across machines (from 6 machines on), the spread
// between them, and a verdict only as far as that interval allows (or all machines agree). Never a sample: the
// overview stays small however many results there are.
import { publishedPlatforms, type PublishedRow } from '../results/published.js';
import { median } from '../stats/descriptive.js';
import { largest, smallest } from '../util/extremes.js';
import { medianInterval } from '../stats/order-statistics.js';
import { REFERENCE_STRATEGY, type StrategyName } from '../model/strategies.js';
import type { SharedResult, Verdict } from '../share/schema.js';
import { comparableAcrossMachines, testOf, type TestKey } from './tests.js';

export interface MachineRatio {
  resultId: string;
  /** yyyy-mm-dd of the run. */
  date: string;
  ratio: number;
  low: number | null;
  high: number | null;
  /** Of its interval: a lower bound for a ratio. */
  coverage: number | null;
  verdict: Verdict | null;
}

export type RowVerdict = Verdict | 'mixed' | 'no interval' | 'published';

export interface OverviewRow {
  test: TestKey;
  kind: string;
  platform: string;
  mechanism: string;
  chip: string;
  strategy: StrategyName;
  lowerIsBetter: boolean;
  machines: MachineRatio[];
  ratio: number;
  /** Of the one machine's ratio, or of the median across machines. */
  interval: { low: number; high: number; coverage: number; across: 'run' | 'machines' } | null;
  verdict: RowVerdict;
  spread: { min: number; max: number } | null;
  /** yyyy-mm of the oldest and newest result. */
  first: string;
  last: string;
  published: { source: string; machine: string } | null;
}

export interface TestOverview {
  test: TestKey;
  rows: OverviewRow[];
}

const groupKey = (...parts: string[]) => parts.join('\u0000');

function verdictAcross(row: Pick<OverviewRow, 'machines' | 'lowerIsBetter'>, interval: OverviewRow['interval']): RowVerdict {
  if (row.machines.length === 1) return row.machines[0].verdict ?? 'no interval';
  if (interval) {
    if (interval.low <= 1 && interval.high >= 1) return 'no detectable difference';
    return interval.low > 1 === row.lowerIsBetter ? 'slower' : 'faster';
  }
  const verdicts = new Set(row.machines.map((m) => m.verdict));
  const [only] = verdicts;
  return verdicts.size === 1 && only ? only : verdicts.has(null) ? 'no interval' : 'mixed';
}

function finish(row: Omit<OverviewRow, 'ratio' | 'interval' | 'verdict' | 'spread' | 'first' | 'last'>): OverviewRow {
  const ratios = row.machines.map((m) => m.ratio);
  const dates = row.machines.map((m) => m.date.slice(0, 7)).sort();
  let interval: OverviewRow['interval'] = null;
  if (row.machines.length === 1) {
    const [m] = row.machines;
    interval = m.low !== null && m.high !== null && m.coverage !== null ? { low: m.low, high: m.high, coverage: m.coverage, across: 'run' } : null;
  } else {
    const across = medianInterval(ratios);
    interval = across.low === null ? null : { low: across.low, high: across.high, coverage: across.coverage, across: 'machines' };
  }
  return {
    ...row,
    ratio: row.machines.length === 1 ? ratios[0] : median(ratios),
    interval,
    verdict: verdictAcross(row, interval),
    spread: row.machines.length > 1 ? { min: smallest(ratios), max: largest(ratios) } : null,
    first: dates[0],
    last: dates[dates.length - 1],
  };
}

/** Every result's cells against native, grouped into rows per test, in order of the test, platform, chip. */
export function overview(results: readonly SharedResult[]): TestOverview[] {
  const tests = new Map<string, TestKey>();
  const rows = new Map<string, Omit<OverviewRow, 'ratio' | 'interval' | 'verdict' | 'spread' | 'first' | 'last'>>();
  for (const result of results) {
    for (const cell of result.cells) {
      const ratio = cell.ratioToNative;
      if (!ratio || cell.strategy === REFERENCE_STRATEGY || !Number.isFinite(ratio.value)) continue;
      const test = testOf(result, cell);
      if (!comparableAcrossMachines(test)) continue;
      tests.set(test.key, test);
      const p = result.platforms.find((q) => q.key === cell.platform);
      const kind = p?.kind ?? 'unknown';
      const platform = p?.label ?? cell.platform;
      const mechanism = p?.fileSharing.mechanism ?? 'unknown';
      const chip = result.machine.cpuModel;
      const key = groupKey(test.key, platform, kind, mechanism, chip, cell.strategy);
      const row = rows.get(key) ?? { test, kind, platform, mechanism, chip, strategy: cell.strategy, lowerIsBetter: cell.metric.lowerIsBetter, machines: [], published: null };
      row.machines.push({
        resultId: result.id,
        date: result.run.startedAt.slice(0, 10),
        ratio: ratio.value,
        low: ratio.interval?.low ?? null,
        high: ratio.interval?.high ?? null,
        coverage: ratio.interval?.coverage ?? null,
        verdict: cell.verdict,
      });
      rows.set(key, row);
    }
  }
  const byTest = new Map<string, OverviewRow[]>();
  for (const row of rows.values()) byTest.set(row.test.key, [...(byTest.get(row.test.key) ?? []), finish(row)]);
  const order = (a: OverviewRow, b: OverviewRow) =>
    a.kind.localeCompare(b.kind) || a.platform.localeCompare(b.platform) || a.chip.localeCompare(b.chip) || a.strategy.localeCompare(b.strategy);
  return [...tests.values()]
    .sort((a, b) => a.key.localeCompare(b.key))
    .map((test) => ({ test, rows: (byTest.get(test.key) ?? []).sort(order) }));
}

/** The articles' figures as rows of their own, in the test they measured (npm-install of the cra fixture), which
 * has a section of its own when no machine here measured it. */
export function publishedRows(published: readonly PublishedRow[], tests: readonly TestOverview[]): Map<string, OverviewRow[]> {
  const result = new Map<string, OverviewRow[]>();
  for (const p of publishedPlatforms(published)) {
    const sharing = published.find((r) => r.source === p.source && r.machine === p.machine && r.platform === p.platform)?.fileSharing ?? 'unknown';
    // The same key as a measured result's (tests.ts), so the articles' rows join the machines' of their test.
    const test: TestKey = tests.find((t) => t.test.workload === p.workload && t.test.measure === 'time' && t.test.fixture === p.fixture)?.test ?? {
      key: `${p.workload}/time/${p.fixture}`,
      title: `${p.workload} (${p.fixture} fixture)`,
      workload: p.workload,
      measure: 'time',
      fixture: p.fixture,
    };
    const rows = p.ratios.map(
      (r): OverviewRow => ({
        test,
        kind: 'published',
        platform: p.platform,
        mechanism: sharing,
        chip: p.machine,
        strategy: r.strategy,
        lowerIsBetter: true,
        machines: [],
        ratio: r.value,
        interval: null,
        verdict: 'published',
        spread: null,
        first: p.date.slice(0, 7),
        last: p.date.slice(0, 7),
        published: { source: p.source, machine: p.machine },
      }),
    );
    result.set(test.key, [...(result.get(test.key) ?? []), ...rows]);
  }
  return result;
}
