// results.md: the title and what the figures are, then every section of the view in Markdown: pipe tables
// (numbers right-aligned), lists, paragraphs; figures are left to chart.svg and report.html.
import type { RunDocument } from '../model/run-document.js';
import type { ResultsView } from '../results/view.js';
import { usesFixture } from '../workloads/catalog.js';
import { sizesText } from '../workloads/sizes-text.js';
import { lacksSamplesForInterval, reportTitle, samplesSentence, statusCount, workloadsIn } from './format.js';
import { hasVerdicts } from './ratio-verdict.js';
import { shownIn, type Block, type RenderOptions, type Section, type TableCell } from './section.js';
import { sectionsOf } from './sections/index.js';
import type { Text } from './text.js';
import { safeText } from '../util/safe-text.js';

function inline(text: Text): string {
  if (typeof text === 'string') return text;
  return text.map((part) => (typeof part === 'string' ? part : 'strong' in part ? `**${part.strong}**` : 'code' in part ? `\`${part.code}\`` : part.range.join('-'))).join('');
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

const tableRow = (cells: string[]) => `| ${cells.map(escapeCell).join(' | ')} |`;

const cellText = (cell: TableCell) => inline(typeof cell === 'object' && 'swatch' in cell ? cell.text : cell);

function block(b: Block): string[] {
  switch (b.kind) {
    case 'table': {
      const lines = [tableRow(b.columns.map((c) => c.head)), tableRow(b.columns.map((c) => (c.kind === 'numeric' ? '---:' : '---')))];
      for (const group of b.groups) {
        for (const r of group.rows) {
          const cells = [...group.head.map(inline), ...r.cells.map(cellText)];
          // The worst strategy in bold, every cell; the articles' figures in italics, by their title.
          const marked = r.marks?.includes('worst') ? cells.map((c) => `**${c}**`) : r.marks?.includes('published') ? cells.map((c, i) => (i === 0 ? `*${c}*` : c)) : cells;
          lines.push(tableRow(marked));
        }
      }
      return lines;
    }
    case 'list':
      return b.items.map((item) => `- ${inline(item)}`);
    case 'paragraph':
      return b.lines.map(inline);
    case 'heading':
      return [`### ${inline(b.text)}`];
    case 'code':
      return ['```', b.text, '```'];
    case 'figure':
      return [];
  }
}

/** A section with nothing in it is left out. */
function section(s: Section): string[] {
  const blocks = [...(s.intro === undefined ? [] : [[inline(s.intro)]]), ...s.blocks.filter((b) => shownIn('markdown', b)).map(block)].filter((lines) => lines.length > 0);
  return blocks.length === 0 ? [] : [`## ${s.title}`, '', ...blocks.flatMap((lines) => [...lines, ''])];
}

/** The title and what the figures are: one run's settings, or what the runs in view share. */
function heading(view: ResultsView): string[] {
  const first = view.runs[0];
  const fixtureUsed = workloadsIn(view).some(usesFixture);
  const same = <T>(pick: (r: RunDocument) => T) => view.runs.every((r) => JSON.stringify(pick(r)) === JSON.stringify(pick(first)));
  const samples = same((r) => [r.settings.runs, r.settings.auto, r.settings.warmup]) ? samplesSentence(first) : `${view.runs.length} runs with different sample counts (see Runs).`;
  const sizes = same((r) => r.settings.sizes) ? first.settings.sizes : {};
  const tooFew = view.cells.some(lacksSamplesForInterval);
  const count = statusCount(view.cells);
  return [
    `# ${reportTitle(view)}`,
    '',
    `${samples} ` +
      `Median with a distribution-free confidence interval (its exact coverage in brackets, at least 95%); "vs native" is ` +
      `the ratio to native with its interval, the probability it holds with in brackets (see Method). ` +
      (tooFew ? 'An interval needs 6 samples per cell, 7 each for a ratio: — marks where there were fewer. ' : '') +
      (hasVerdicts(view.cells)
        ? 'The worst strategy of each platform is in bold where its verdict says it is slower than native.'
        : 'The worst strategy of each platform (by median) is in bold.') +
      (Object.keys(sizes).length > 0 && !fixtureUsed ? ` Sizes: ${sizesText(sizes)}.` : ''),
    '',
    ...(count ? [`**${count}**: marked in the tables; the reasons are under Notes.`, ''] : []),
  ];
}

export function renderMarkdown(view: ResultsView, options: RenderOptions = {}): string {
  const sections = sectionsOf(view, options.sections).filter((s) => shownIn('markdown', s));
  // Markdown has no control characters of its own: any in the page came from a name or a note.
  return safeText([...heading(view), ...sections.flatMap(section)].join('\n'));
}
