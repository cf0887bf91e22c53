// The site's downloads: the overview's rows (CSV and JSON, aggregated as the page shows them), a row per result
// and cell (CSV), and the index of every result with its fingerprint (JSON), for anyone's own analysis.
import { toCsv } from '../report/csv.js';
import type { SharedResult } from '../share/schema.js';
import type { OverviewRow } from './aggregate.js';
import { testOf } from './tests.js';

const OVERVIEW_FIELDS = ['test', 'title', 'kind', 'platform', 'fileSharing', 'chip', 'strategy', 'ratio', 'low', 'high', 'coverage', 'intervalAcross', 'verdict', 'machines', 'spreadMin', 'spreadMax', 'first', 'last', 'source'] as const;

function overviewRecord(row: OverviewRow): Record<(typeof OVERVIEW_FIELDS)[number], string | number | null> {
  return {
    test: row.test.key,
    title: row.test.title,
    kind: row.kind,
    platform: row.platform,
    fileSharing: row.mechanism,
    chip: row.chip,
    strategy: row.strategy,
    ratio: row.ratio,
    low: row.interval?.low ?? null,
    high: row.interval?.high ?? null,
    coverage: row.interval?.coverage ?? null,
    intervalAcross: row.interval?.across ?? null,
    verdict: row.verdict,
    machines: row.published ? null : row.machines.length,
    spreadMin: row.spread?.min ?? null,
    spreadMax: row.spread?.max ?? null,
    first: row.first,
    last: row.last,
    source: row.published?.source ?? 'measured',
  };
}

export function overviewJson(rows: readonly OverviewRow[]): string {
  return `${JSON.stringify(rows.map(overviewRecord))}\n`;
}

export function overviewCsv(rows: readonly OverviewRow[]): string {
  return toCsv([...OVERVIEW_FIELDS], rows.map(overviewRecord).map((r) => OVERVIEW_FIELDS.map((f) => r[f])));
}

export function resultsCsv(results: readonly SharedResult[]): string {
  const header = ['id', 'date', 'kind', 'platform', 'file_sharing', 'chip', 'os', 'test', 'strategy', 'median', 'unit', 'ratio', 'low', 'high', 'verdict'];
  const rows = results.flatMap((r) =>
    r.cells.map((c) => {
      const p = r.platforms.find((q) => q.key === c.platform);
      const i = c.ratioToNative?.interval;
      return [r.id, r.run.startedAt.slice(0, 10), p?.kind ?? '', p?.label ?? c.platform, p?.fileSharing.mechanism ?? '', r.machine.cpuModel, `${r.machine.os} ${r.machine.osVersion}`, testOf(r, c).title, c.strategy, c.summary?.median ?? null, c.metric.unit, c.ratioToNative?.value ?? null, i?.low ?? null, i?.high ?? null, c.verdict];
    }),
  );
  return toCsv(header, rows);
}

export function indexJson(results: readonly SharedResult[]): string {
  const entries = results.map((r) => ({
    id: r.id,
    date: r.run.startedAt,
    mountbench: r.tool.version,
    machine: r.machine,
    platforms: r.platforms.map((p) => ({ kind: p.kind, label: p.label, fileSharing: p.fileSharing.mechanism, engineVersion: p.engineVersion })),
  }));
  return `${JSON.stringify(entries)}\n`;
}
