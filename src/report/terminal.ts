// The table printed at the end of a run (and by `mountbench report --format table`).
import Table from 'cli-table3';
import pc from 'picocolors';
import type { Cell, RunDocument } from '../results/schema.js';
import { cellsByPlatform, fileSharingText, fixed, percent, platformTitle, ratioText, slowestCell, STRATEGY_TITLES } from './format.js';

function ratioColour(value: number): (text: string) => string {
  if (value >= 1.5) return pc.red;
  if (value >= 1.15) return pc.yellow;
  return pc.green;
}

function cellColumns(cell: Cell, slowest: boolean): string[] {
  const name = slowest ? pc.bold(STRATEGY_TITLES[cell.strategy]) : STRATEGY_TITLES[cell.strategy];
  const s = cell.summary;
  if (!s) return [name, '0', pc.dim('—'), '', '', '', '', pc.dim(cell.status)];
  const ratio = cell.ratioToNative;
  const half = (s.medianCi95.high - s.medianCi95.low) / 2;
  return [
    name,
    String(s.n),
    pc.bold(fixed(s.median)),
    `±${fixed(half)}`,
    fixed(s.mean),
    `${fixed(s.min)}–${fixed(s.max)}`,
    percent(s.cv),
    ratio ? ratioColour(ratio.value)(ratioText(ratio.value)) : cell.strategy === 'native' ? '1.00x' : pc.dim('—'),
  ];
}

export function renderTerminal(doc: RunDocument): string {
  const unit = doc.cells[0]?.metric.unit ?? 's';
  const table = new Table({
    head: ['Strategy', 'n', `Median (${unit})`, '95% CI', 'Mean', 'Range', 'CV', 'vs native'].map((h) => pc.bold(h)),
    colAligns: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    style: { head: [], border: [] },
  });
  for (const { platform, cells } of cellsByPlatform(doc)) {
    const title = `${platformTitle(doc, platform)} — bind mounts: ${fileSharingText(doc, platform)}`;
    table.push([{ colSpan: 8, content: pc.cyan(pc.bold(title)) }]);
    const slowest = slowestCell(cells);
    for (const cell of cells) table.push(cellColumns(cell, cell === slowest));
  }
  const problems = doc.cells.filter((c) => c.status !== 'ok');
  const lines = [table.toString()];
  for (const c of problems) {
    lines.push(pc.yellow(`  ${platformTitle(doc, c.platform)} / ${STRATEGY_TITLES[c.strategy]}: ${c.status}${c.reason ? ` — ${c.reason}` : ''}`));
  }
  return lines.join('\n') + '\n';
}
