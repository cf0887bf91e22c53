// The tables printed at the end of a run (and by `mountbench report --format table`): one per test.
import Table from 'cli-table3';
import pc from 'picocolors';
import type { Cell } from '../results/schema.js';
import type { ResultsView } from '../results/view.js';
import { REFERENCE_STRATEGY } from '../strategies/catalog.js';
import {
  badness,
  fileSharingText,
  figure,
  metricText,
  percent,
  problems,
  ratioText,
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
  const name = worst ? pc.bold(strategyTitle(cell.strategy)) : strategyTitle(cell.strategy);
  const s = cell.summary;
  if (!s) return [name, '0', pc.dim('—'), '', '', '', '', pc.dim(cell.status === 'ok' ? 'no figure' : cell.status)];
  const ratio = cell.ratioToNative;
  const half = (s.medianCi95.high - s.medianCi95.low) / 2;
  return [
    name,
    String(s.n),
    pc.bold(figure(s.median)),
    `±${figure(half)}`,
    figure(s.mean),
    `${figure(s.min)}–${figure(s.max)}`,
    percent(s.cv),
    ratio ? ratioColour(badness(cell) ?? 1)(ratioText(ratio.value)) : cell.strategy === REFERENCE_STRATEGY ? '1.00x' : pc.dim('—'),
  ];
}

function renderGroup(group: TestGroup): string {
  const table = new Table({
    head: ['Strategy', 'n', `Median (${group.metric.unit})`, '95% CI', 'Mean', 'Range', 'CV', 'vs native'].map((h) => pc.bold(h)),
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
  for (const problem of problems(view)) lines.push(pc.yellow(`  ${problem}`));
  return lines.join('\n') + '\n';
}
