// The sections of results.md beyond the seed's tables: comparisons across runs, the change since a baseline, the
// cost of each strategy, how sampling stopped and the method in plain words.
import type { ResultsView } from '../results/view.js';
import { MEDIAN_METHOD, RATIO_METHOD } from '../stats/order-statistics.js';
import { changeRows, comparisonTables, isComparison } from './comparison.js';
import { costTables } from './cost.js';
import { stoppingLines, strategyTitle } from './format.js';
import { syncRows, syncSandboxLines } from './sync.js';

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function row(cells: string[]): string {
  return `| ${cells.map(escapeCell).join(' | ')} |`;
}

/** Which rule ended the sampling of each platform's workload, under --runs auto. */
export function samplingSection(view: ResultsView): string[] {
  const lines = stoppingLines(view);
  return lines.length === 0 ? [] : ['## Sampling', '', ...lines.map((line) => `- ${line}`), ''];
}

export function methodSection(): string[] {
  return ['## Method', '', `- ${MEDIAN_METHOD}`, `- ${RATIO_METHOD}`, ''];
}

/** Ratios to native side by side across runs and the articles; only when the view compares. */
export function comparisonSection(view: ResultsView): string[] {
  if (!isComparison(view)) return [];
  const lines = [
    '## Ratios to native across runs',
    '',
    'What travels between machines: each platform under each strategy over its own native on the same machine. ' +
      'Measured ratios are of medians, with their interval; published ones are the articles\' ratios of means, not measured here.',
    '',
  ];
  for (const table of comparisonTables(view)) {
    const names = table.strategies.map((s) => strategyTitle(s));
    lines.push(`### ${table.test}`, '', row(['Platform', 'Machine', 'Date', 'Source', ...names]), row(['---', '---', '---', '---', ...names.map(() => '---:')]));
    for (const r of table.rows) {
      const cells = [r.title, r.machine, r.date, r.source, ...table.strategies.map((s) => r.ratios[s] ?? '—')];
      lines.push(row(r.published ? cells.map((c, i) => (i === 0 ? `*${c}*` : c)) : cells));
    }
    lines.push('', ...table.notes.map((note) => `${note}`), ...(table.notes.length ? [''] : []));
  }
  return lines;
}

/** What each strategy burned besides its time, per workload and platform: when the run measured it. */
export function costSection(view: ResultsView): string[] {
  const tables = costTables(view);
  if (tables.length === 0) return [];
  const lines = [
    '## Cost',
    '',
    'Medians per sample of the timed step: CPU seconds of the command\'s own processes (counted by the timer), of the ' +
      'container (its cgroup), of the processes serving the bind mounts, and of the whole host; peak memory, I/O and ' +
      'energy. — where the platform does not allow a figure; the notes say why.',
    '',
  ];
  for (const t of tables) {
    lines.push(
      `### ${t.workload} on ${t.platform.title}`,
      '',
      row(['Test Type', 'Command CPU (s)', 'Container CPU (s)', 'Sharing layer CPU (s)', 'Host CPU (s)', 'Host CPU vs native', 'Peak memory', 'Read', 'Written', 'Energy (J)']),
      row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']),
      ...t.rows.map((r) => row([r.strategy, r.commandCpu, r.containerCpu, r.sharingCpu, r.hostCpu, r.hostCpuVsNative, r.peakMemory, r.read, r.written, r.energy])),
      '',
      ...t.notes.map((n) => `- ${n}`),
      '',
    );
  }
  return lines;
}

/** Per cell, the change since the baseline run of the same platform. */
export function changeSection(view: ResultsView): string[] {
  if (!view.baseline) return [];
  const rows = changeRows(view);
  const lines = [
    `## Change since the baseline (run ${view.baseline.id}, ${view.baseline.startedAt.slice(0, 10)})`,
    '',
    'Median now over median then, with its interval: faster or slower when the interval excludes 1, otherwise no detectable change.',
    '',
  ];
  if (rows.length === 0) return [...lines, 'No cell of the other runs matches one of the baseline (same platform, workload, fixture, measure and strategy).', ''];
  lines.push(row(['Test', 'Platform', 'Test Type', 'Unit', 'Baseline median', 'Median now', 'Change']), row(['---', '---', '---', '---', '---:', '---:', '---']));
  for (const r of rows) lines.push(row([r.test, r.platform, strategyTitle(r.strategy), r.unit, r.before, r.now, r.change]));
  return [...lines, ''];
}

/** What the sync strategy saved against the volume and the bind mount, and what it cost: settles, set-up, checks. */
export function syncSection(view: ResultsView): string[] {
  const rows = syncRows(view);
  if (rows.length === 0) return [];
  return [
    '## Sync',
    '',
    'Each sync cell next to native, the volume and the bind mount of its platform (ratios of medians, with their ' +
      'interval where the samples allow one), and the untimed wait after its step until the host copy and the volume ' +
      'agreed again (settle: the engine\'s next cycles, then both trees compared by type, size, permissions and content hash).',
    '',
    row(['Test', 'Platform', 'Median', 'vs native', 'vs volume', 'vs bind mount', 'Settle median (s)', 'Settle max (s)']),
    row(['---', '---', '---:', '---:', '---:', '---:', '---:', '---:']),
    ...rows.map((r) => row([r.test, r.platform, r.median, r.vsNative, r.vsVolume, r.vsBind, r.settleMedian, r.settleMax])),
    '',
    ...syncSandboxLines(view).map((line) => `- ${line}`),
    '',
  ];
}
