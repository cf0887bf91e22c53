// The tables and lists of report.html: numbers right-aligned, each table in a box that scrolls on a narrow screen.
import { escapeHtml as esc } from './html-charts.js';

/** How a column's cells are set: numbers right-aligned, free text wrapping, the rest on one line. */
export type Column = 'num' | 'wrap' | '';

const at = (columns: Column[], i: number) => (columns[i] ? ` class="${columns[i]}"` : '');

/** A table in a box of its own that scrolls sideways on a narrow screen. */
export function table(head: string[], columns: Column[], rows: string[]): string {
  const ths = head.map((h, i) => `<th${at(columns, i)}>${esc(h)}</th>`).join('');
  return `<div class="scroll"><table>\n<thead><tr>${ths}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table></div>`;
}

export function tr(cells: string[], columns: Column[], attributes = ''): string {
  return `<tr${attributes}>${cells.map((c, i) => `<td${at(columns, i)}>${c}</td>`).join('')}</tr>`;
}

export const list = (items: string[]) => `<ul>\n${items.map((item) => `<li>${item}</li>`).join('\n')}\n</ul>`;
