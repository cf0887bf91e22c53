// The Markdown a person pastes into an issue or a discussion: who measured what (the fingerprint, never a name),
// then per test a row per platform and strategy with its median, its ratio to native and what the interval allows.
import { coverageText, figure, mibText, ratioText, strategyTitle, testTitle } from '../report/format.js';
import { safeText } from '../util/safe-text.js';
import type { SharedCell, SharedResult } from './schema.js';

const cellText = (text: string) => text.replace(/\|/g, '\\|');

export function ratioWithInterval(cell: Pick<SharedCell, 'ratioToNative' | 'strategy'>): string {
  const r = cell.ratioToNative;
  if (!r) return '—';
  if (cell.strategy === 'native') return ratioText(r.value);
  const i = r.interval;
  return `${ratioText(r.value)} (${i ? `${i.low.toFixed(2)}–${i.high.toFixed(2)}, ${coverageText(i.coverage, true)}` : 'no interval'})`;
}

/** The run's own verdict where it has one (in its words, else "the same within ±10%"), else the interval's. */
export function verdictText(cell: Pick<SharedCell, 'verdict' | 'runVerdict'>): string {
  const own = cell.runVerdict;
  if (!own) return cell.verdict ?? '—';
  if (own.text) return own.text;
  const margin = own.margin === null ? '' : ` within ±${Math.round(own.margin * 100)}%`;
  return own.verdict === 'same' ? `the same${margin}` : own.verdict;
}

export function machineLine(result: SharedResult): string {
  const m = result.machine;
  return `${m.os} ${m.osVersion} (${m.arch}), ${m.cpuModel}, ${m.cpus} CPUs, ${mibText(m.memoryBytes)}`;
}

export function methodLine(result: SharedResult): string {
  const m = result.method;
  const auto = m.auto && (m.auto.looks ? `looks at ${m.auto.looks.join(', ')}` : `±${((m.auto.precision ?? 0) * 100).toFixed(0)}%, ${m.auto.minRuns}–${m.auto.maxRuns}`);
  const runs = m.runs === 'auto' ? `samples until ${m.auto?.looks ? 'every verdict' : 'precise'} (${auto ?? 'auto'})` : `${m.runs} samples per cell`;
  return `${runs} after ${m.warmup} warm-up${m.warmup === 1 ? '' : 's'}, ${m.order}, ${m.online ? 'online' : 'offline from a primed cache'}`;
}

export function markdownSummary(result: SharedResult): string {
  const title = (key: string) => result.platforms.find((p) => p.key === key);
  const tests = [...new Set(result.cells.map((c) => testTitle(c)))];
  const lines = [
    `### mountbench result \`${result.id}\``,
    '',
    `${machineLine(result)}; mountbench ${result.tool.version}; ${result.run.startedAt.slice(0, 10)}; ${methodLine(result)}.`,
    '',
    '| Test | Platform | File sharing | Test Type | Median | vs native | Verdict |',
    '|---|---|---|---|---:|---:|---|',
  ];
  for (const test of tests) {
    for (const cell of result.cells.filter((c) => testTitle(c) === test)) {
      const p = title(cell.platform);
      const median = cell.summary ? `${figure(cell.summary.median)} ${cell.metric.unit}` : cell.status;
      const row = [test, p?.label ?? cell.platform, p?.fileSharing.mechanism ?? 'unknown', strategyTitle(cell.strategy), median, ratioWithInterval(cell), verdictText(cell)];
      lines.push(`| ${row.map(cellText).join(' | ')} |`);
    }
  }
  lines.push('', `Anonymised with \`mountbench share\` (id: the first 16 hex characters of the sha256 of its canonical JSON).`);
  return safeText(`${lines.join('\n')}\n`);
}
