// The sync strategy's section of the reports, contributed to them (report/ knows nothing of strategies): per cell
// its median next to native, the volume and the bind mount (what it saves), and how long each step's settle took
// (what it costs); per sandbox its engine, initial sync, engine CPU and correctness check. Read from the run
// documents only; placed right after the per-test tables.
import type { Cell, RunDocument } from '../../model/run-document.js';
import type { ResultsView, ViewCell, ViewPlatform } from '../../results/view.js';
import { STRATEGY_ROLES } from '../../model/strategies.js';
import { coverageText, figure, ratioText, ratioWithVerdict, testTitle } from '../../report/format.js';
import { columns, list, row, table, type ContributedSection } from '../../report/section.js';
import type { Text } from '../../report/text.js';
import { median } from '../../stats/descriptive.js';
import { ratioIntervalOf } from '../../stats/summarise-cells.js';
import { largest } from '../../util/extremes.js';

export interface SyncRow {
  test: string;
  platform: string;
  median: string;
  vsNative: string;
  vsVolume: string;
  vsBind: string;
  settleMedian: string;
  settleMax: string;
}

const isSync = (c: Cell) => c.strategy === STRATEGY_ROLES.synced;

/** cell / other as the ratio to native is found (rounds paired where they pair), with its interval where the samples
 * allow one; — without a like-for-like cell. */
function ratioTo(cell: ViewCell, other: ViewCell | undefined, order: RunDocument['settings']['order']): string {
  if (!cell.summary || !other?.summary || other.summary.median === 0 || other.method !== cell.method) return '—';
  const found = ratioIntervalOf(cell, other, order);
  const value = ratioText(found.estimate ?? cell.summary.median / other.summary.median);
  // Written as the ratio to native is, so that the three columns read alike.
  return found.low === null ? value : `${value} (${found.low.toFixed(2)}-${found.high.toFixed(2)}, ${coverageText(found.coverage, true)})`;
}

/** The settle seconds of the measured samples. */
function settles(cell: Cell): number[] {
  return cell.samples.flatMap((s) => (!s.warmup && s.settleSeconds !== undefined ? [s.settleSeconds] : []));
}

export function syncRows(view: ResultsView): SyncRow[] {
  return view.cells.filter(isSync).map((cell) => {
    const order = view.platforms.find((p) => p.key === cell.platformKey)?.run.settings.order ?? 'interleaved';
    const sibling = (strategy: string) => view.cells.find((c) => c.platformKey === cell.platformKey && c.workload === cell.workload && c.measure === cell.measure && c.strategy === strategy);
    const waited = settles(cell);
    return {
      test: testTitle(cell),
      platform: view.platforms.find((p) => p.key === cell.platformKey)?.title ?? cell.platform,
      median: cell.summary ? `${figure(cell.summary.median)} ${cell.metric.unit}` : '—',
      vsNative: cell.ratioToNative ? ratioWithVerdict(cell) : '—',
      vsVolume: ratioTo(cell, sibling(STRATEGY_ROLES.allInVolume), order),
      vsBind: ratioTo(cell, sibling(STRATEGY_ROLES.sharedMount), order),
      settleMedian: waited.length > 0 ? figure(median(waited)) : '—',
      settleMax: waited.length > 0 ? figure(largest(waited)) : '—',
    };
  });
}

/** One line per sync sandbox (platform and workload): its engine, set-up, CPU and correctness. */
export function syncSandboxLines(view: ResultsView): Text[] {
  const seen = new Set<string>();
  const lines: Text[] = [];
  for (const cell of view.cells.filter(isSync)) {
    const key = `${cell.platformKey}\u0000${cell.workload}`;
    if (seen.has(key) || !cell.sync) continue;
    seen.add(key);
    const { sync } = cell;
    const platform: ViewPlatform | undefined = view.platforms.find((p) => p.key === cell.platformKey);
    const checks = sync.correctness?.checks ?? [];
    const failed = checks.filter((c) => !c.passed);
    const correctness: Text = !sync.correctness
      ? 'no correctness check'
      : failed.length === 0
        ? `correctness: all ${checks.length} checks passed`
        : ['correctness: ', { strong: `${failed.length} of ${checks.length} checks failed` }, `: ${failed.map((c) => `${c.name} (${c.detail})`).join('; ')}`];
    lines.push([
      { strong: cell.workload },
      ` on ${platform?.title ?? cell.platform}: ${sync.title}, ${sync.how}` +
        (sync.ignored.length > 0 ? `; leaving out ${sync.ignored.join(', ')}` : '') +
        `; initial sync ${sync.initialSyncSeconds === null ? '—' : `${figure(sync.initialSyncSeconds)} s`}` +
        `; engine CPU on the host ${sync.engineCpuSeconds === null ? 'not measured' : `${figure(sync.engineCpuSeconds)} s`}; `,
      ...(typeof correctness === 'string' ? [correctness] : correctness),
      (sync.incidents ?? []).length > 0 ? `; restarted ${sync.incidents!.length}x (${incidentsText(sync.incidents!)})` : '',
    ]);
  }
  return lines;
}

/** The same reason once, with how often it came. */
function incidentsText(incidents: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const why of incidents) counts.set(why, (counts.get(why) ?? 0) + 1);
  return [...counts].map(([why, n]) => (n > 1 ? `${n}x ${why}` : why)).join('; ');
}

const COLUMNS = columns(['Test', 'text'], ['Platform', 'text'], ...['Median', 'vs native', 'vs volume', 'vs bind mount', 'Settle median (s)', 'Settle max (s)']
  .map((head): [string, 'numeric'] => [head, 'numeric']));

/** What the sync strategy saved against the volume and the bind mount, and what it cost: settles, set-up, checks. */
export const syncReportSection: ContributedSection = {
  id: 'sync',
  after: 'tests',
  build: (view) => {
    const rows = syncRows(view);
    if (rows.length === 0) return [];
    return [
      {
        id: 'sync',
        title: 'Sync',
        intro:
          'Each sync cell next to native, the volume and the bind mount of its platform (ratios found as the ratio to ' +
          'native is, rounds paired where they pair, with their interval where the samples allow one), and the untimed wait after its step until the host copy and the volume ' +
          'agreed again (settle: the engine\'s next cycles, then both trees compared by type, size, permissions and content hash).',
        blocks: [
          table(COLUMNS, rows.map((r) => row([r.test, r.platform, r.median, r.vsNative, r.vsVolume, r.vsBind, r.settleMedian, r.settleMax]))),
          list(syncSandboxLines(view)),
        ],
      },
    ];
  },
};
