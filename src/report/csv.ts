// results.csv (one row per cell) and samples.csv (one row per sample). RFC 4180 quoting, hand-written; every CSV
// mountbench writes goes through toCsv, and its column types are the values' own: numbers, or text.
import type { Cell } from '../model/run-document.js';
import { REFERENCE_STRATEGY } from '../model/strategies.js';
import type { ResultsView } from '../results/view.js';
import { strategyTitle, testGroups } from './format.js';

type Value = string | number | boolean | null | undefined;

/** A text cell a spreadsheet would read as a formula ("=HYPERLINK(…)", "@SUM(…)", "+1", "-1+2") gets a leading
 * "'" (OWASP's advice on CSV injection). Numbers are cells of a numeric column and stay as they are, "-0.5" too. */
const FORMULA_START = /^[=+\-@\t\r]/;

function field(value: Value): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(Number(value.toPrecision(12))) : typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: Value[][]): string {
  return [header, ...rows].map((r) => r.map(field).join(',')).join('\n') + '\n';
}

/** ratio_method, verdict, its margin, its samples and, undecided, "about 64" or "more than 1000" samples. */
function verdictFields(cell: Cell): Value[] {
  const ratio = cell.strategy === REFERENCE_STRATEGY ? null : cell.ratioToNative;
  const v = ratio?.verdict;
  const method = ratio ? (ratio.method ?? (ratio.interval ? 'median-corners' : null)) : null;
  const forecast = v?.forecast ? `${v.forecast.kind === 'samples' ? 'about' : 'more than'} ${v.forecast.samples}` : null;
  return [method, v?.word, v?.margin, v?.samples, forecast];
}

export function renderResultsCsv(view: ResultsView): string {
  const header = [
    'os', 'platform', 'platform_name', 'platform_kind', 'file_sharing', 'strategy', 'test_type', 'workload', 'measure', 'unit',
    'status', 'n', 'mean', 'median', 'stddev', 'cv', 'min', 'max', 'median_ci_low', 'median_ci_high', 'median_ci_coverage',
    'ratio_to_native', 'ratio_ci_low', 'ratio_ci_high', 'ratio_ci_coverage_at_least', 'interval_note', 'reason', 'source',
    // Added with verdicts, at the end so that readers of older files find every column where it was.
    'ratio_method', 'verdict', 'verdict_margin', 'verdict_samples', 'verdict_forecast',
  ];
  const rows = testGroups(view).flatMap((group) => group.platforms.flatMap(({ platform, cells }) =>
    cells.map((c) => {
      const identity = platform.record.identity;
      const s = c.summary;
      return [
        platform.run.host.os, platform.title, c.platform, identity?.kind, identity?.fileSharing?.mechanism,
        c.strategy, strategyTitle(c.strategy), c.workload, c.measure, c.metric.unit, c.status, s?.n ?? 0, s?.mean, s?.median,
        s?.stddev, s?.cv, s?.min, s?.max, s?.interval?.low, s?.interval?.high, s?.interval?.coverage, c.ratioToNative?.value,
        c.ratioToNative?.interval?.low, c.ratioToNative?.interval?.high, c.ratioToNative?.interval?.coverage,
        s?.intervalNote ?? c.ratioToNative?.intervalNote, c.reason, `run ${platform.run.id}`,
        ...verdictFields(c),
      ];
    })),
  );
  // The articles' figures, when in view: their ratios of means, marked by their source, never as measurements.
  const published = view.published.flatMap((p) =>
    p.ratios.map((r) => [
      p.os, p.platform, '', '', '', r.strategy, strategyTitle(r.strategy), p.workload, 'time', 's', 'published', '', '', '', '', '', '', '', '',
      '', '', r.value, '', '', '', '', r.note, `published ${p.source} (${p.date}, ${p.machine})`, '', '', '', '', '',
    ]),
  );
  return toCsv(header, [...rows, ...published]);
}

export function renderSamplesCsv(view: ResultsView): string {
  const header = [
    'platform', 'strategy', 'workload', 'measure', 'index', 'warmup', 'started_at', 'value', 'unit', 'wall_seconds', 'exit_code',
    'cpu_user_seconds', 'cpu_system_seconds', 'outlier', 'container_cpu_seconds', 'peak_memory_bytes', 'read_bytes', 'write_bytes',
    'sharing_cpu_seconds', 'host_cpu_seconds', 'energy_joules', 'settle_seconds',
    // Shares (0..1) of the host's cores and of the VM's CPUs that other work kept busy: empty where not measured.
    'other_load', 'vm_other_load',
  ];
  const rows = view.cells.flatMap((c) =>
    c.samples.map((s) => [
      c.platform, c.strategy, c.workload, c.measure, s.index, s.warmup, s.startedAt, s.value, c.metric.unit, s.wallSeconds,
      s.exitCode, s.cpuUserSeconds, s.cpuSystemSeconds, c.summary?.outliers.includes(s.index) ?? false, s.cost?.containerCpuSeconds,
      s.cost?.peakMemoryBytes, s.cost?.readBytes, s.cost?.writeBytes, s.cost?.sharingCpuSeconds, s.cost?.hostCpuSeconds, s.cost?.energyJoules,
      s.settleSeconds, s.otherLoad, s.vmOtherLoad,
    ]),
  );
  return toCsv(header, rows);
}
