// report.html: one self-contained page (inline style, no script to run, nothing fetched) readable without the
// Markdown: every section of the view with a navigation bar drawn from them, a dot plot of every sample per test,
// and the run documents themselves as JSON for re-use. Deterministic: the same view gives the same bytes.
import type { ResultsView } from '../results/view.js';
import { reportTitle, samplesSentence, statusCount } from './format.js';
import { dotPlot, escapeHtml as esc } from './html-charts.js';
import { CSS } from './html-style.js';
import { shownIn, type Block, type ColumnKind, type RenderOptions, type Row, type Section, type TableCell } from './section.js';
import { sectionsOf } from './sections/index.js';
import type { Text } from './text.js';

function inline(text: Text): string {
  if (typeof text === 'string') return esc(text);
  return text.map((part) => (typeof part === 'string' ? esc(part) : 'strong' in part ? `<strong>${esc(part.strong)}</strong>` : 'code' in part ? `<code>${esc(part.code)}</code>` : part.range.map(esc).join('–'))).join('');
}

const CLASS: Record<ColumnKind, string> = { text: '', wrapped: ' class="wrap"', numeric: ' class="num"' };

function cell(c: TableCell, kind: ColumnKind, tag = ''): string {
  const content = typeof c === 'object' && 'swatch' in c ? `<i class="sw" style="background:${esc(c.swatch)}"></i>${inline(c.text)}` : inline(c);
  return `<td${CLASS[kind]}>${content}${tag}</td>`;
}

/** A row: what it is said by its classes (worst, cut, published), the published ones tagged by their title. */
function tr(r: Row, kinds: ColumnKind[], lead: string): string {
  const data = Object.entries(r.data ?? {}).map(([key, value]) => ` data-${key}="${esc(value)}"`).join('');
  const marks = r.marks ?? [];
  const classes = marks.length ? ` class="${marks.join(' ')}"` : '';
  const tag = marks.includes('published') ? '<span class="tag">published</span>' : '';
  return `<tr${data}${classes}>${lead}${r.cells.map((c, i) => cell(c, kinds[i], i === 0 ? tag : '')).join('')}</tr>`;
}

/** A table in a box of its own that scrolls sideways on a narrow screen; a group's head cells span its rows. */
function table(b: Extract<Block, { kind: 'table' }>): string {
  const ths = b.columns.map((c) => `<th${CLASS[c.kind]}>${esc(c.head)}</th>`).join('');
  const rows = b.groups.flatMap((g) =>
    g.rows.map((r, i) => {
      const lead = i === 0 ? g.head.map((h) => `<th scope="rowgroup" rowspan="${g.rows.length}">${inline(h)}</th>`).join('') : '';
      return tr(r, b.columns.slice(g.head.length).map((c) => c.kind), lead);
    }),
  );
  return `<div class="scroll"><table>\n<thead><tr>${ths}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table></div>`;
}

function block(b: Block): string {
  switch (b.kind) {
    case 'table':
      return table(b);
    case 'list':
      return `<ul>\n${b.items.map((item) => `<li>${inline(item)}</li>`).join('\n')}\n</ul>`;
    case 'paragraph':
      return `<p${b.muted ? ' class="muted"' : ''}>${b.lines.map(inline).join('<br>')}</p>`;
    case 'heading':
      return `<h3>${inline(b.text)}</h3>`;
    case 'code':
      return `<pre><code>${esc(b.text)}</code></pre>`;
    case 'figure':
      return `<figure>\n${dotPlot(b.dotPlot)}\n<figcaption>${esc(b.caption)}</figcaption>\n</figure>`;
  }
}

function section(s: Section): string {
  const blocks = s.blocks.filter((b) => shownIn('html', b));
  const body = [...(s.intro === undefined ? [] : [`<p>${inline(s.intro)}</p>`]), ...blocks.map(block)];
  if (body.length === 0 && s.empty) body.push(`<p>${esc(s.empty)}</p>`);
  return `<section id="${esc(s.id)}"${s.className ? ` class="${esc(s.className)}"` : ''}>\n<h2>${esc(s.title)}</h2>\n${body.join('\n')}\n</section>`;
}

function header(view: ResultsView): string {
  const [first] = view.runs;
  const dates = view.runs.map((r) => r.startedAt.slice(0, 10)).sort();
  const who =
    view.runs.length === 1
      ? `Run ${first.id} on ${first.startedAt.slice(0, 10)}: ${first.host.os}, ${first.host.cpuModel}, ${first.host.cpus} CPUs; mountbench ${first.tool.version}.`
      : `${view.runs.length} runs, ${dates[0]} to ${dates[dates.length - 1]}${view.published.length ? ', and the articles\' published figures' : ''}.`;
  const same = view.runs.every((r) => samplesSentence(r) === samplesSentence(first));
  const count = statusCount(view.cells);
  return [
    `<header>\n<h1>${esc(reportTitle(view))}</h1>`,
    `<p class="lede">${esc(`${who} ${same ? samplesSentence(first) : 'The runs took different numbers of samples (see Runs).'}`)}</p>`,
    count ? `<p class="alert">${esc(`${count}: marked in the tables and charts; the reasons are under Notes.`)}</p>` : '',
    '</header>',
  ]
    .filter(Boolean)
    .join('\n');
}

const nav = (sections: Section[]) => `<nav>${sections.map((s) => `<a href="#${esc(s.id)}">${esc(s.nav ?? s.title)}</a>`).join(' ')}</nav>`;

/** The documents as JSON inside a script element: every "<" escaped, so no "</script>" or "<!--" in them can end it. */
function embedded(view: ResultsView): string {
  const json = JSON.stringify(view.runs.length === 1 ? view.runs[0] : view.runs).replace(/</g, '\\u003c');
  return `<script type="application/json" id="mountbench-data">${json}</script>`;
}

export function renderHtml(view: ResultsView, options: RenderOptions = {}): string {
  const sections = sectionsOf(view, options.sections).filter((s) => shownIn('html', s));
  return [
    '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(reportTitle(view))}</title>`,
    `<style>${CSS}</style>`,
    '</head>\n<body>\n<main>',
    header(view),
    nav(sections),
    ...sections.map(section),
    '</main>',
    embedded(view),
    '</body>\n</html>\n',
  ]
    .filter(Boolean)
    .join('\n');
}
