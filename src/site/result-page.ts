// result/<id>.html: one shared result in full — the machine's fingerprint, its platforms, the method, and per test
// every cell's median, interval, ratio to native and verdict — with its JSON to download and a link to compare it.
import { figure, medianIntervalText, mibText, strategyTitle } from '../report/format.js';
import type { SharedResult } from '../share/schema.js';
import { machineLine, methodLine, ratioWithInterval, verdictText } from '../share/summary.js';
import { esc, page } from './page.js';
import { testOf } from './tests.js';
import { sizesText } from '../workloads/sizes-text.js';

const facts = (pairs: Array<[string, string]>) => `<dl class="facts">${pairs.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`;

function platformFacts(result: SharedResult): string {
  return result.platforms
    .map((p) => {
      const resources = `${p.cpus ?? 'unknown'} CPUs, ${p.memoryBytes === null ? 'unknown memory' : mibText(p.memoryBytes)}`;
      return `<h3>${esc(p.label)}</h3>\n${facts([
        ['Kind', p.kind],
        ['Engine', `${p.product} ${p.engineVersion} (API ${p.apiVersion ?? 'unknown'}), ${p.os}, kernel ${p.kernel}, ${p.arch}`],
        ['VM, hypervisor', `${p.vm}, ${p.hypervisor}`],
        ['Given to it', resources],
        ['File sharing', p.fileSharing.fstype ? `${p.fileSharing.mechanism} (${p.fileSharing.fstype})` : p.fileSharing.mechanism],
        ['Endpoint', p.endpoint],
        ['Image', p.image ?? 'none'],
        ...(p.error ? ([['Error', p.error]] as Array<[string, string]>) : []),
      ])}`;
    })
    .join('\n');
}

function cellTables(result: SharedResult): string {
  const tests = new Map<string, string>();
  for (const cell of result.cells) tests.set(testOf(result, cell).key, testOf(result, cell).title);
  return [...tests.entries()]
    .map(([key, title]) => {
      const rows = result.cells
        .filter((c) => testOf(result, c).key === key)
        .map((c) => {
          const platform = result.platforms.find((p) => p.key === c.platform)?.label ?? c.platform;
          const s = c.summary;
          const values = [platform, strategyTitle(c.strategy), s ? figure(s.median) : '—', s ? medianIntervalText({ ...s, cost: null }, '–') : '—', ratioWithInterval(c), verdictText(c), String(s?.n ?? 0), c.status];
          return `<tr data-platform="${esc(c.platform)}" data-strategy="${c.strategy}">${values.map((v, i) => `<td${i >= 2 && i <= 4 ? ' class="num"' : ''}>${esc(v)}</td>`).join('')}</tr>`;
        });
      const unit = result.cells.find((c) => testOf(result, c).key === key)?.metric.unit ?? '';
      const head = ['Platform', 'Test Type', `Median (${unit})`, `Median CI (${unit})`, 'vs native', 'Verdict', 'n', 'Status'];
      return `<h3>${esc(title)}</h3>\n<div class="scroll"><table>\n<thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table></div>`;
    })
    .join('\n');
}

export function resultPage(result: SharedResult): string {
  const notes = [...result.notes, ...result.cells.flatMap((c) => c.notes.map((n) => `${c.workload} ${c.measure} / ${strategyTitle(c.strategy)}: ${n}`))];
  const body = [
    `<h1>Result <code>${result.id}</code></h1>`,
    `<p class="lede">${esc(`${machineLine(result)}; ${result.run.startedAt.slice(0, 10)}; mountbench ${result.tool.version}; ${methodLine(result)}.`)}</p>`,
    `<p><a href="../data/r/${result.id}.json" download>JSON</a> · <a href="../compare.html#${result.id}">compare with others</a></p>`,
    '<h2>Figures</h2>',
    cellTables(result),
    '<h2>Platforms</h2>',
    platformFacts(result),
    '<h2>Workloads and method</h2>',
    facts([
      ...result.workloads.map((w): [string, string] => [w.name, `fixture ${w.fixture ?? 'none'}; ${sizesText(w.parameters) || 'no sizes'}; fixture hash ${w.fixtureHash}, lockfile hash ${w.lockfileHash}; caches ${w.caches}`]),
      ['Strategies', result.method.strategies.join(', ')],
      ['Image', result.method.image],
      ['Command', result.run.command.join(' ')],
      ['Status', `${result.run.status}${result.run.statusReason ? `: ${result.run.statusReason}` : ''}`],
    ]),
    ...(notes.length ? ['<h2>Notes</h2>', `<ul>${notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>`] : []),
  ].join('\n');
  return page({ title: `mountbench result ${result.id}`, root: '../', body });
}
