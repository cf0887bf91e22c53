// The tables printed at the end of a run (and by `mountbench report --format table`): one per test.
import Table from 'cli-table3';
import pc from 'picocolors';
import type { Cell } from '../model/run-document.js';
import type { ResultsView } from '../results/view.js';
import { withSafeText } from '../util/safe-text.js';
import { changeRows, comparisonTables, isComparison } from './comparison.js';
import { costTables } from './cost.js';
import { busySampleLines } from './load.js';
import { hasVerdicts, verdictOf, verdictShort } from './ratio-verdict.js';
import {
  badness,
  fileSharingText,
  figure,
  lacksSamplesForInterval,
  metricText,
  percent,
  problems,
  ratioText,
  statusCount,
  statusMark,
  strategyTitle,
  testGroups,
  testTitle,
  worstCell,
  type TestGroup,
} from './format.js';

function ratioColour(worse: number): (text: string) => string {
  if (worse >= 1.5) return pc.red;
  if (worse >= 1.15) return pc.yellow;
  return pc.green;
}

function cellColumns(cell: Cell, worst: boolean, verdicts: boolean): string[] {
  const mark = statusMark(cell);
  const title = `${strategyTitle(cell.strategy)}${mark ? ` (${mark})` : ''}`;
  const name = mark ? pc.red(title) : worst ? pc.bold(title) : title;
  const s = cell.summary;
  if (!s) return [name, '0', pc.dim('—'), '', '', '', '', pc.dim(cell.status === 'ok' ? 'no figure' : cell.status), ...(verdicts ? [''] : [])];
  const ratio = cell.ratioToNative;
  const interval = s.interval ? `${figure(s.interval.low)}–${figure(s.interval.high)}` : pc.dim('—');
  const ratioInterval = ratio?.interval ? pc.dim(` (${ratio.interval.low.toFixed(2)}–${ratio.interval.high.toFixed(2)})`) : '';
  return [
    name,
    String(s.n),
    pc.bold(figure(s.median)),
    interval,
    figure(s.mean),
    `${figure(s.min)}–${figure(s.max)}`,
    s.cv === null ? pc.dim('—') : percent(s.cv),
    ratio ? `${ratioColour(badness(cell) ?? 1)(ratioText(ratio.value))}${ratioInterval}` : pc.dim('—'),
    ...(verdicts ? [verdictColour(cell)(verdictShort(cell) ?? '')] : []),
  ];
}

function verdictColour(cell: Cell): (text: string) => string {
  const word = verdictOf(cell)?.word;
  return word === 'slower' ? ratioColour(badness(cell) ?? 1) : word === 'undecided' ? pc.dim : pc.green;
}

function renderGroup(group: TestGroup): string {
  const verdicts = hasVerdicts(group.platforms.flatMap((p) => p.cells));
  const head = ['Strategy', 'n', `Median (${group.metric.unit})`, 'Median CI', 'Mean', 'Range', 'CV', 'vs native', ...(verdicts ? ['Verdict'] : [])];
  const table = new Table({
    head: head.map((h) => pc.bold(h)),
    colAligns: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
    style: { head: [], border: [] },
  });
  for (const { platform, cells } of group.platforms) {
    const title = `${platform.title} — bind mounts: ${fileSharingText(platform)}`;
    table.push([{ colSpan: head.length, content: pc.cyan(pc.bold(title)) }]);
    const worst = worstCell(cells);
    for (const cell of cells) table.push(cellColumns(cell, cell === worst, verdicts));
  }
  return `${pc.bold(testTitle(group))} ${pc.dim(`· ${metricText(group.metric)}`)}\n${table.toString()}`;
}

/** Ratios to native across runs (and the articles), then the change since a baseline: when the view compares. */
function renderComparison(view: ResultsView): string[] {
  const out = comparisonTables(view).map((t) => {
    const table = new Table({ head: ['Platform', 'Machine · date', ...t.strategies.map(strategyTitle)].map((h) => pc.bold(h)), style: { head: [], border: [] } });
    for (const r of t.rows) {
      const title = r.published ? pc.italic(`${r.title}\n${pc.dim(r.source)}`) : r.title;
      table.push([title, pc.dim(`${r.machine}\n${r.date}`), ...t.strategies.map((s) => r.ratios[s] ?? pc.dim('—'))]);
    }
    return `${pc.bold(`${t.test}: ratio to native`)}\n${table.toString()}${t.notes.map((n) => `\n${pc.dim(n)}`).join('')}`;
  });
  const changes = changeRows(view);
  if (view.baseline && changes.length > 0) {
    const table = new Table({ head: ['Test', 'Platform', 'Strategy', 'Then', 'Now', 'Change'].map((h) => pc.bold(h)), style: { head: [], border: [] } });
    for (const c of changes) {
      const colour = c.verdict === 'faster' || c.verdict === 'better' ? pc.green : c.verdict === 'slower' || c.verdict === 'worse' ? pc.red : pc.dim;
      table.push([c.test, c.platform, strategyTitle(c.strategy), `${c.before} ${c.unit}`, `${c.now} ${c.unit}`, colour(c.change)]);
    }
    out.push(`${pc.bold(`change since the baseline (run ${view.baseline.id})`)}\n${table.toString()}`);
  }
  return out;
}

/** What each strategy burned besides its time (medians per sample), per workload and platform. */
function renderCost(view: ResultsView): string[] {
  return costTables(view).map((t) => {
    const table = new Table({
      head: ['Strategy', 'Command CPU', 'Container CPU', 'Sharing CPU', 'Host CPU', 'vs native', 'Peak memory'].map((h) => pc.bold(h)),
      colAligns: ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
      style: { head: [], border: [] },
    });
    for (const r of t.rows) table.push([r.strategy, r.commandCpu, r.containerCpu, r.sharingCpu, r.hostCpu, r.hostCpuVsNative, r.peakMemory]);
    return `${pc.bold(`${t.workload} cost on ${t.platform.title}`)} ${pc.dim('· CPU seconds per sample, medians')}\n${table.toString()}`;
  });
}

/** Every name and note comes from the view made safe first: only our own colours reach the terminal. */
export function renderTerminal(untrusted: ResultsView): string {
  const view = withSafeText(untrusted);
  const lines = [...(isComparison(view) ? renderComparison(view) : []), ...testGroups(view).map((group) => renderGroup(group)), ...renderCost(view)];
  const count = statusCount(view.cells);
  if (count) lines.push(pc.yellow(`  ${count}:`));
  for (const problem of problems(view)) lines.push(pc.yellow(`  ${problem}`));
  for (const line of busySampleLines(view)) lines.push(pc.yellow(`  ${line}`));
  if (view.cells.some(lacksSamplesForInterval)) {
    lines.push(pc.dim(`  — no interval: it needs 6 samples per cell, ${hasVerdicts(view.cells) ? '6 paired rounds' : '7 each'} for a ratio to native (see results.md)`));
  }
  return lines.join('\n') + '\n';
}
