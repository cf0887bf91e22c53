// Every report format, rendered from a view of one or many run documents alone (reports never talk to Docker). The
// formats made of sections (Markdown, HTML) take the sections contributed from outside report/ (the strategies').
import type { ResultsView } from '../results/view.js';
import { renderResultsCsv, renderSamplesCsv } from './csv.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import type { RenderOptions } from './section.js';
import { renderSvg } from './svg.js';
import { renderTerminal } from './terminal.js';

export interface Exporter {
  format: string;
  /** File name inside a run directory; null: shown, not written. */
  fileName: string | null;
  render(view: ResultsView, options?: RenderOptions): string;
}

export const EXPORTERS: readonly Exporter[] = [
  // One run is its document; several are a list of them.
  { format: 'json', fileName: 'run.json', render: (view) => `${JSON.stringify(view.runs.length === 1 ? view.runs[0] : view.runs, null, 2)}\n` },
  { format: 'csv', fileName: 'results.csv', render: renderResultsCsv },
  { format: 'samples-csv', fileName: 'samples.csv', render: renderSamplesCsv },
  { format: 'md', fileName: 'results.md', render: renderMarkdown },
  { format: 'svg', fileName: 'chart.svg', render: renderSvg },
  { format: 'html', fileName: 'report.html', render: renderHtml },
  { format: 'table', fileName: null, render: renderTerminal },
];

export const FORMATS = EXPORTERS.map((e) => e.format);

export function exporterFor(format: string): Exporter | undefined {
  return EXPORTERS.find((e) => e.format === format);
}
