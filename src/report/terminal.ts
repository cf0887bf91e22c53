// The tables printed at the end of a run (and by `mountbench report --format table`): one per test.
import Table from 'cli-table3';
import pc from 'picocolors';
import type { Cell } from '../results/schema.js';
import type { ResultsView } from '../results/view.js';
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

function cellColumns(cell: Cell, worst: boolean): string[] {
  const mark = statusMark(cell);
  const title = `${strategyTitle(cell.strategy)}${mark ? ` (${mark})` : ''}`;
  const name = mark ? pc.red(title) : worst ? pc.bold(title) : title;
  const s = cell.summary;
  if (!s) return [name, '0', pc.dim('—'), '', '', '', '', pc.dim(cell.status === 'ok' ? 'no figure' : cell.status)];
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
  ];
}

function renderGroup(group: TestGroup): string {
  const table = new Table({
    head: ['Strategy', 'n', `Median (${group.metric.unit})`, 'Median CI', 'Mean', 'Range', 'CV', 'vs native'].map((h) => pc.bold(h)),
    colAligns: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    style: { head: [], border: [] },
  });
  for (const { platform, cells } of group.platforms) {
    const title = `${platform.title} — bind mounts: ${fileSharingText(platform)}`;
    table.push([{ colSpan: 8, content: pc.cyan(pc.bold(title)) }]);
    const worst = worstCell(cells);
    for (const cell of cells) table.push(cellColumns(cell, cell === worst));
  }
  return `${pc.bold(testTitle(group))} ${pc.dim(`· ${metricText(group.metric)}`)}\n${table.toString()}`;
}

export function renderTerminal(view: ResultsView): string {
  const lines = testGroups(view).map((group) => renderGroup(group));
  const count = statusCount(view.cells);
  if (count) lines.push(pc.yellow(`  ${count}:`));
  for (const problem of problems(view)) lines.push(pc.yellow(`  ${problem}`));
  if (view.cells.some(lacksSamplesForInterval)) {
    lines.push(pc.dim('  — no interval: it needs 6 samples per cell, 7 each for a ratio to native (see results.md)'));
  }
  return lines.join('\n') + '\n';
}
