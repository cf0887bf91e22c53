// report.html: one self-contained page (inline style, no script to run, nothing fetched) readable without the
// Markdown: the verdict per platform in plain words, the comparison across runs where there is one, per test the
// seed's table (the numbers of results.md) and a dot plot of every sample, the sync strategy's savings and settles,
// the cost, the platforms, notes, method and command lines, and the run documents themselves as JSON for re-use. Deterministic: the same view gives the same bytes.
import type { RunDocument } from '../model/run-document.js';
import type { ResultsView, ViewCell, ViewPlatform } from '../results/view.js';
import { MEDIAN_METHOD, RATIO_METHOD } from '../stats/order-statistics.js';
import { STRATEGY_CATALOG } from '../model/strategies.js';
import { changeRows, comparisonTables, isComparison } from './comparison.js';
import { costTables } from './cost.js';
import {
  durationText,
  fileSharingText,
  figure,
  lacksSamplesForInterval,
  medianIntervalText,
  metricText,
  mibText,
  overheadRatio,
  percent,
  ratioCellText,
  ratioText,
  reportNotes,
  samplesSentence,
  statusCount,
  statusMark,
  stoppingLines,
  strategyTitle,
  testGroups,
  testTitle,
  worstCell,
  type TestGroup,
} from './format.js';
import { dotPlot, escapeHtml as esc } from './html-charts.js';
import { costSection, syncSection } from './html-cost.js';
import { CSS } from './html-style.js';
import { list, table, tr, type Column } from './html-table.js';
import { syncRows } from './sync.js';
import { verdicts } from './verdict.js';

/** The id of a test's section: "test-files-stat". */
const testId = (group: TestGroup) => `test-${testTitle(group).replace(/[^A-Za-z0-9]+/g, '-')}`;

function pageTitle(view: ResultsView): string {
  const workloads = [...new Set(view.runs.flatMap((r) => r.settings.workloads))];
  const fixtures = [...new Set(view.runs.map((r) => r.settings.fixture))];
  const fixtureUsed = workloads.some((w) => w === 'npm-install' || w === 'build' || w === 'project');
  return `mountbench: ${workloads.join(', ')}${fixtureUsed ? ` (${fixtures.join(', ')} fixture)` : ''}`;
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
    `<header>\n<h1>${esc(pageTitle(view))}</h1>`,
    `<p class="lede">${esc(`${who} ${same ? samplesSentence(first) : 'The runs took different numbers of samples (see Runs).'}`)}</p>`,
    count ? `<p class="alert">${esc(`${count}: marked in the tables and charts; the reasons are under Notes.`)}</p>` : '',
    '</header>',
  ]
    .filter(Boolean)
    .join('\n');
}

function nav(view: ResultsView, groups: TestGroup[]): string {
  const links: Array<[string, string]> = [
    ['verdict', 'Verdict'],
    ...(isComparison(view) ? [['comparison', 'Across runs'] as [string, string]] : []),
    ...(view.baseline ? [['change', 'Change'] as [string, string]] : []),
    ...groups.map((g) => [testId(g), testTitle(g)] as [string, string]),
    ...(syncRows(view).length ? [['sync', 'Sync'] as [string, string]] : []),
    ...(costTables(view).length ? [['cost', 'Cost'] as [string, string]] : []),
    ['platforms', 'Platforms'],
    ['notes', 'Notes'],
    ['method', 'Method'],
    ['run', view.runs.length > 1 ? 'Runs' : 'Run'],
  ];
  return `<nav>${links.map(([id, text]) => `<a href="#${esc(id)}">${esc(text)}</a>`).join(' ')}</nav>`;
}

function verdictSection(view: ResultsView): string {
  const paragraphs = verdicts(view).map((v) => `<h3>${esc(v.platform.title)}</h3>\n<p>${esc(v.text)}</p>`);
  return `<section id="verdict" class="verdict">\n<h2>Verdict</h2>\n${paragraphs.join('\n')}\n</section>`;
}

/** Ratios to native side by side across runs, and the articles' figures as rows of their own, marked published. */
function comparisonSection(view: ResultsView): string {
  if (!isComparison(view)) return '';
  const tables = comparisonTables(view).map((t) => {
    const columns: Column[] = ['wrap', 'wrap', '', 'wrap', ...t.strategies.map((): Column => 'num')];
    const rows = t.rows.map((r) => {
      const title = r.published ? `${esc(r.title)}<span class="tag">published</span>` : esc(r.title);
      const cells = [title, esc(r.machine), esc(r.date), esc(r.source), ...t.strategies.map((s) => esc(r.ratios[s] ?? '—'))];
      return tr(cells, columns, r.published ? ' class="published"' : '');
    });
    const notes = t.notes.length ? `<p class="muted">${t.notes.map(esc).join('<br>')}</p>` : '';
    return `<h3>${esc(t.test)}</h3>\n${table(['Platform', 'Machine', 'Date', 'Source', ...t.strategies.map(strategyTitle)], columns, rows)}\n${notes}`;
  });
  return [
    '<section id="comparison">\n<h2>Ratios to native across runs</h2>',
    `<p>${esc('What travels between machines: each platform under each strategy over its own native on the same machine. Measured ratios are of medians, with their interval; published ones (shaded, marked) are the articles\' ratios of means, not measured here.')}</p>`,
    ...tables,
    '</section>',
  ].join('\n');
}

/** Per cell, the change since the baseline run of the same platform. */
function changeSection(view: ResultsView): string {
  if (!view.baseline) return '';
  const rows = changeRows(view);
  const columns: Column[] = ['', 'wrap', '', '', 'num', 'num', ''];
  const body = rows.length
    ? table(['Test', 'Platform', 'Test Type', 'Unit', 'Baseline median', 'Median now', 'Change'], columns, rows.map((r) => tr([r.test, r.platform, strategyTitle(r.strategy), r.unit, r.before, r.now, r.change].map(esc), columns)))
    : `<p>${esc('No cell of the other runs matches one of the baseline (same platform, workload, fixture, measure and strategy).')}</p>`;
  return [
    `<section id="change">\n<h2>${esc(`Change since the baseline (run ${view.baseline.id}, ${view.baseline.startedAt.slice(0, 10)})`)}</h2>`,
    `<p>${esc('Median now over median then, with its interval: faster or slower when the interval excludes 1, otherwise no detectable change.')}</p>`,
    body,
    '</section>',
  ].join('\n');
}

/** The seed's table, a row per cell: the numbers of results.md, the worst strategy of each platform in bold. A
 * platform's OS and title head its rows once (the seed repeats them on every row). */
function cellRow(platform: ViewPlatform, cell: ViewCell, worst: boolean, span: number): string {
  const s = cell.summary;
  const mark = statusMark(cell);
  const values = s
    ? [figure(s.mean), `${figure(s.min)}–${figure(s.max)}`, figure(s.median), medianIntervalText(s, '–'), percent(s.cv), ratioCellText(cell, '–'), String(s.n)]
    : ['—', '—', '—', '—', '—', '—', '0'];
  const lead = span ? [platform.run.host.os, platform.title].map((t) => `<th scope="rowgroup" rowspan="${span}">${esc(t)}</th>`).join('') : '';
  const swatch = `<i class="sw" style="background:${STRATEGY_CATALOG[cell.strategy].colour}"></i>`;
  const strategy = `<td>${swatch}${esc(strategyTitle(cell.strategy))}${mark ? ` (${esc(mark)})` : ''}</td>`;
  const classes = [worst ? 'worst' : '', mark ? 'cut' : ''].filter(Boolean).join(' ');
  const attributes = ` data-run="${esc(platform.run.id)}" data-cell="${esc(cell.id)}"${classes ? ` class="${classes}"` : ''}`;
  return `<tr${attributes}>${lead}${strategy}${values.map((v) => `<td class="num">${esc(v)}</td>`).join('')}</tr>`;
}

function testSection(group: TestGroup): string {
  const u = group.metric.unit;
  const average = group.metric.name === 'time' ? `Average Time (${u})` : `Average (${u})`;
  const head = ['OS', 'Platform', 'Test Type', average, `Range (${u})`, `Median (${u})`, `Median CI (${u})`, 'CV', 'vs native', 'n'];
  const rows = group.platforms.flatMap(({ platform, cells }) => {
    const worst = worstCell(cells);
    return cells.map((cell, i) => cellRow(platform, cell, cell === worst, i === 0 ? cells.length : 0));
  });
  return [
    `<section id="${esc(testId(group))}">\n<h2>${esc(`${testTitle(group)}: ${metricText(group.metric)}`)}</h2>`,
    `<figure>\n${dotPlot(group)}\n<figcaption>${esc('Dots: every measured sample (warm-ups left out); tick: the median; bar: its interval, where there are enough samples for one.')}</figcaption>\n</figure>`,
    table(head, ['', '', '', 'num', 'num', 'num', 'num', 'num', 'num', 'num'], rows),
    '</section>',
  ].join('\n');
}

function platformLine(platform: ViewPlatform): string {
  const { record: p, title } = platform;
  const id = p.identity;
  if (!id) return `<strong>${esc(p.name)}</strong>: ${esc(p.error ?? 'not identified')}`;
  const image = `${p.image?.ref ?? 'none'}${p.image?.note ? ` (${p.image.note})` : ''}`;
  const facts =
    `${id.kind}, engine ${id.engine.version}, ${id.engine.os}, kernel ${id.engine.kernel}, ${id.engine.cpus} CPUs, ${mibText(id.engine.memoryBytes)}; ` +
    `bind mounts: ${fileSharingText(platform)}; image ${image}${p.error ? `; error: ${p.error}` : ''}`;
  return `<strong>${esc(title)}</strong> (<code>${esc(p.name)}</code>, ${esc(id.endpoint)}): ${esc(facts)}`;
}

function platformsSection(view: ResultsView): string {
  const hosts = view.runs.map((run) => {
    const h = run.host;
    const which = view.runs.length > 1 ? ` (run ${run.id})` : '';
    return `<strong>Host${esc(which)}</strong>: ${esc(`${h.os} ${h.osVersion} (${h.arch}), ${h.cpuModel}, ${h.cpus} CPUs, ${mibText(h.memoryBytes)}, node ${h.node}, npm ${h.npm ?? 'not installed'}`)}`;
  });
  return `<section id="platforms">\n<h2>Platforms</h2>\n${list([...view.platforms.map(platformLine), ...hosts])}\n</section>`;
}

function notesSection(view: ResultsView): string {
  const notes = reportNotes(view);
  return `<section id="notes">\n<h2>Notes</h2>\n${notes.length ? list(notes.map(esc)) : '<p>Nothing to note: every cell was measured to its end.</p>'}\n</section>`;
}

function methodSection(view: ResultsView): string {
  const stopping = stoppingLines(view);
  const tooFew = view.cells.some(lacksSamplesForInterval);
  const lines = [
    'Median with a distribution-free confidence interval (its exact coverage in brackets, at least 95%); "vs native" is the ratio of medians with an interval that holds with at least the probability shown.',
    ...(tooFew ? ['An interval needs 6 samples per cell, 7 each for a ratio: — marks where there were fewer.'] : []),
    MEDIAN_METHOD,
    RATIO_METHOD,
  ];
  return [
    '<section id="method">\n<h2>Method</h2>',
    list(lines.map(esc)),
    ...(stopping.length ? ['<h3>Sampling</h3>', list(stopping.map(esc))] : []),
    '</section>',
  ].join('\n');
}

/** An argument as a shell reads it back: quoted when it holds anything but plain characters. */
const shellWord = (arg: string) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);

function runLines(doc: RunDocument): string {
  const overhead = overheadRatio(doc);
  const facts = [
    `${doc.startedAt} — ${doc.finishedAt ?? 'unfinished'}, mountbench ${doc.tool.version}, ${doc.status}`,
    `${samplesSentence(doc)} Samples ran ${doc.settings.order}, ${doc.settings.online ? 'online (with the registry)' : 'offline from a primed cache'}.`,
    `Wall time ${durationText(doc.timing.wallSeconds)}; timed samples ${durationText(doc.timing.sampledSeconds)}; cache priming ${durationText(doc.timing.primingSeconds)}${overhead ? `; overhead ${ratioText(overhead)}` : ''}.`,
  ];
  return `<h3>${esc(`Run ${doc.id}`)}</h3>\n<pre><code>${esc(doc.command.map(shellWord).join(' '))}</code></pre>\n${list(facts.map(esc))}`;
}

function runSection(view: ResultsView): string {
  const data = view.runs.length > 1 ? 'a list of the run documents' : 'the run document (run.json)';
  return [
    `<section id="run">\n<h2>${view.runs.length > 1 ? 'Runs' : 'Run'}</h2>`,
    ...view.runs.map(runLines),
    `<p class="muted">${esc(`This page holds ${data} as JSON, for re-use: the script element #mountbench-data.`)}</p>`,
    '</section>',
  ].join('\n');
}

/** The documents as JSON inside a script element: every "<" escaped, so no "</script>" or "<!--" in them can end it. */
function embedded(view: ResultsView): string {
  const json = JSON.stringify(view.runs.length === 1 ? view.runs[0] : view.runs).replace(/</g, '\\u003c');
  return `<script type="application/json" id="mountbench-data">${json}</script>`;
}

export function renderHtml(view: ResultsView): string {
  const groups = testGroups(view);
  return [
    '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(pageTitle(view))}</title>`,
    `<style>${CSS}</style>`,
    '</head>\n<body>\n<main>',
    header(view),
    nav(view, groups),
    verdictSection(view),
    comparisonSection(view),
    changeSection(view),
    ...groups.map(testSection),
    syncSection(view),
    costSection(view),
    platformsSection(view),
    notesSection(view),
    methodSection(view),
    runSection(view),
    '</main>',
    embedded(view),
    '</body>\n</html>\n',
  ]
    .filter(Boolean)
    .join('\n');
}
