// index.html: per test, a plot of every machine's ratio per platform and a table of every platform version, file
// sharing and chip under each strategy — the ratio to native with its interval and verdict, how many machines,
// their spread — with the articles' figures as rows of their own. Filters (platform, file sharing, chip, date)
// hide rows in the page itself and are kept in the URL; nothing is fetched.
import { STRATEGY_NAMES } from '../model/strategies.js';
import { coverageText, ratioText, strategyTitle } from '../report/format.js';
import type { OverviewRow, TestOverview } from './aggregate.js';
import { esc, page, slug } from './page.js';
import { ratioPlot } from './plot.js';

export interface OverviewInput {
  tests: TestOverview[];
  published: Map<string, OverviewRow[]>;
  results: number;
  refused: number;
  platformPage: (label: string) => string;
}

export function intervalText(row: Pick<OverviewRow, 'interval'>): string {
  const i = row.interval;
  if (!i) return '—';
  const coverage = i.across === 'run' ? coverageText(i.coverage, true) : `${coverageText(i.coverage)}, machines`;
  return `${i.low.toFixed(2)}–${i.high.toFixed(2)} (${coverage})`;
}

export const spreadText = (row: Pick<OverviewRow, 'spread'>) => (row.spread ? `${row.spread.min.toFixed(2)}–${row.spread.max.toFixed(2)}x` : '—');

const datesText = (row: OverviewRow) => (row.first === row.last ? row.first : `${row.first} to ${row.last}`);

function rowHtml(row: OverviewRow, input: OverviewInput): string {
  const published = row.published !== null;
  const platform = published
    ? `${esc(row.platform)}<span class="tag">published</span>`
    : `<a href="${esc(input.platformPage(row.platform))}">${esc(row.platform)}</a>`;
  const machines = published
    ? esc(row.published!.source)
    : row.machines.length === 1
      ? `<a href="result/${row.machines[0].resultId}.html">1</a>`
      : String(row.machines.length);
  const cells = [
    `<td class="wrap">${platform}</td>`,
    `<td>${esc(row.mechanism)}</td>`,
    `<td class="wrap">${esc(row.chip)}</td>`,
    `<td>${esc(strategyTitle(row.strategy))}</td>`,
    `<td class="num ratio">${ratioText(row.ratio)}</td>`,
    `<td class="num interval">${esc(intervalText(row))}</td>`,
    `<td class="verdict v-${slug(row.verdict)}">${esc(row.verdict)}</td>`,
    `<td class="num machines">${machines}</td>`,
    `<td class="num spread">${spreadText(row)}</td>`,
    `<td>${esc(datesText(row))}</td>`,
  ];
  // What the filters read; the rest of the row is in its text.
  const data = [
    ['kind', row.kind],
    ['sharing', row.mechanism],
    ['chip', row.chip],
    ['last', row.last],
  ];
  const attributes = data.map(([k, v]) => ` data-${k}="${esc(v)}"`).join('');
  return `<tr${attributes}${published ? ' class="published"' : ''}>${cells.join('')}</tr>`;
}

const HEAD = ['Platform', 'File sharing', 'Chip', 'Test Type', 'vs native', 'Interval', 'Verdict', 'Machines', 'Spread', 'Dates'];
const COLUMNS = ['wrap', '', 'wrap', '', 'num', 'num', '', 'num', 'num', ''];

function testSection({ test, rows }: TestOverview, input: OverviewInput): string {
  const published = input.published.get(test.key) ?? [];
  const byPlatform = new Map<string, { label: string; strategy: OverviewRow['strategy']; ratios: number[] }>();
  for (const row of rows) {
    const key = `${row.kind}\u0000${row.mechanism}\u0000${row.strategy}`;
    const plotRow = byPlatform.get(key) ?? { label: `${row.kind}, ${row.mechanism}`, strategy: row.strategy, ratios: [] };
    for (const m of row.machines) plotRow.ratios.push(m.ratio);
    byPlatform.set(key, plotRow);
  }
  // A platform's strategies side by side, its name once: the colour tells them apart.
  const order = (strategy: OverviewRow['strategy']) => STRATEGY_NAMES.indexOf(strategy);
  const plotRows = [...byPlatform.values()].sort((a, b) => a.label.localeCompare(b.label) || order(a.strategy) - order(b.strategy));
  const ths = HEAD.map((h, i) => `<th${COLUMNS[i] ? ` class="${COLUMNS[i]}"` : ''}>${h}</th>`).join('');
  return [
    `<section id="${esc(slug(test.key))}">\n<h2>${esc(test.title)}</h2>`,
    ratioPlot(plotRows, `Every machine's ratio to its own native, per platform kind and file sharing, a colour per strategy (${rows.reduce((n, r) => n + r.machines.length, 0)} figures).`),
    `<div class="scroll"><table>\n<thead><tr>${ths}</tr></thead>\n<tbody>\n${[...rows, ...published].map((r) => rowHtml(r, input)).join('\n')}\n</tbody>\n</table></div>`,
    '</section>',
  ].join('\n');
}

function options(name: string, label: string, values: string[]): string {
  const choices = [...new Set(values)].sort().map((v) => `<option value="${esc(v)}">${esc(v)}</option>`);
  return `<label>${label}<select name="${name}"><option value="">all</option>${choices.join('')}</select></label>`;
}

// Rows hide when they do not match; the choice is kept in the URL (#kind=orbstack&since=2026-01).
const FILTER_SCRIPT = `
const form = document.querySelector('form.filters');
const apply = () => {
  const v = Object.fromEntries(new FormData(form));
  for (const tr of document.querySelectorAll('tr[data-kind]')) {
    const d = tr.dataset;
    const shown = (!v.kind || d.kind === v.kind) && (!v.sharing || d.sharing === v.sharing) && (!v.chip || d.chip === v.chip) && (!v.since || d.last >= v.since);
    tr.classList.toggle('hidden', !shown);
  }
  const chosen = new URLSearchParams(Object.entries(v).filter(([, x]) => x));
  history.replaceState(null, '', chosen.size ? '#' + chosen : location.pathname);
};
for (const [k, x] of new URLSearchParams(location.hash.slice(1))) if (form.elements[k]) form.elements[k].value = x;
form.addEventListener('change', apply);
apply();
`;

export function overviewPage(input: OverviewInput): string {
  const rows = [...input.tests.flatMap((t) => t.rows), ...[...input.published.values()].flat()];
  const months = rows.flatMap((r) => [r.first, r.last]);
  const filters = `<form class="filters">${options('kind', 'Platform', rows.map((r) => r.kind))}${options('sharing', 'File sharing', rows.map((r) => r.mechanism))}${options('chip', 'Chip', rows.map((r) => r.chip))}${options('since', 'Measured since', months)}</form>`;
  const nav = `<nav>${input.tests.map((t) => `<a href="#${esc(slug(t.test.key))}">${esc(t.test.title)}</a>`).join(' ')}</nav>`;
  const lede = `${input.results.toLocaleString('en')} results${input.refused ? ` (${input.refused} refused: see the build's output)` : ''}. Each platform is compared with native on its own machine: the ratio travels between machines, absolute times do not.`;
  const body = [
    `<h1>Container file sharing, machine by machine</h1>\n<p class="lede">${esc(lede)}</p>`,
    filters,
    nav,
    ...input.tests.map((t) => testSection(t, input)),
    '<section id="method">\n<h2>How to read it</h2>',
    '<ul>',
    '<li>One machine: its ratio of medians with its interval (at least the coverage shown) and what that interval allows.</li>',
    '<li>Several machines: the median of their ratios, the distribution-free interval of that median across machines (from 6 machines on), and the spread between the fastest and the slowest. Each result counts as a machine: results carry no names, so two runs of one machine count twice.</li>',
    '<li>Published rows are the articles\' ratios of means (data/published-results.csv), not measured by mountbench.</li>',
    '<li>Downloads: <a href="data/overview.csv" download>overview.csv</a>, <a href="data/overview.json" download>overview.json</a>, <a href="data/results.csv" download>results.csv</a> (a row per result and cell), <a href="data/index.json" download>index.json</a> (every result).</li>',
    '</ul>\n</section>',
  ].join('\n');
  return page({ title: 'mountbench results', root: '', body, script: FILTER_SCRIPT });
}
