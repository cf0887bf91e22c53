// platform/<slug>.html: one platform version (its label, e.g. "Docker Desktop 4.37.1") across every machine that
// measured it: per test, a dot per machine under each strategy, and a row per result with its ratios. The newest
// results are listed first; past MAX_ROWS the rest are in data/results.csv, so no page grows without bound.
import { strategyTitle } from '../report/format.js';
import { REFERENCE_STRATEGY, STRATEGY_NAMES } from '../model/strategies.js';
import type { SharedCell, SharedResult } from '../share/schema.js';
import { ratioWithInterval } from '../share/summary.js';
import { esc, page } from './page.js';
import { ratioPlot } from './plot.js';
import { testOf } from './tests.js';

export const MAX_ROWS = 500;

export function platformPage(label: string, results: readonly SharedResult[]): string {
  const newest = [...results].sort((a, b) => b.run.startedAt.localeCompare(a.run.startedAt));
  const mine = (r: SharedResult) => r.cells.filter((c) => r.platforms.find((p) => p.key === c.platform)?.label === label);
  const tests = new Map<string, string>();
  for (const r of newest) for (const c of mine(r)) tests.set(testOf(r, c).key, testOf(r, c).title);
  const kinds = [...new Set(newest.flatMap((r) => r.platforms.filter((p) => p.label === label).map((p) => `${p.kind}, ${p.fileSharing.mechanism}`)))];
  const sections = [...tests.entries()].map(([key, title]) => {
    const cells = newest.flatMap((r) => mine(r).filter((c) => testOf(r, c).key === key).map((c) => ({ r, c })));
    const strategies = STRATEGY_NAMES.filter((s) => s !== REFERENCE_STRATEGY && cells.some(({ c }) => c.strategy === s && c.ratioToNative));
    const plot = ratioPlot(
      strategies.map((s) => ({ label: strategyTitle(s), strategy: s, ratios: cells.filter(({ c }) => c.strategy === s && c.ratioToNative).map(({ c }) => c.ratioToNative!.value) })),
      `Every machine's ratio to its own native under each strategy (${new Set(cells.map(({ r }) => r.id)).size} results).`,
    );
    const byResult = new Map<SharedResult, Map<string, SharedCell>>();
    for (const { r, c } of cells) byResult.set(r, (byResult.get(r) ?? new Map<string, SharedCell>()).set(c.strategy, c));
    const ids = [...byResult.keys()].map((r) => r.id);
    const rows = [...byResult.entries()].slice(0, MAX_ROWS).map(([r, byStrategy]) => {
      const values = strategies.map((s) => {
        const found = byStrategy.get(s);
        return `<td class="num">${esc(found ? ratioWithInterval(found) : '—')}</td>`;
      });
      return `<tr data-result="${r.id}"><td><a href="../result/${r.id}.html">${r.id}</a></td><td>${r.run.startedAt.slice(0, 10)}</td><td class="wrap">${esc(r.machine.cpuModel)}</td><td class="wrap">${esc(`${r.machine.os} ${r.machine.osVersion}`)}</td>${values.join('')}</tr>`;
    });
    const more = ids.length > MAX_ROWS ? `<p class="muted">${esc(`The ${MAX_ROWS} newest of ${ids.length} results; all of them are in data/results.csv.`)}</p>` : '';
    const head = ['Result', 'Date', 'Chip', 'OS', ...strategies.map(strategyTitle)];
    return [`<h2>${esc(title)}</h2>`, plot, `<div class="scroll"><table>\n<thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table></div>`, more].join('\n');
  });
  const compare = newest.slice(0, 10).map((r) => r.id).join(',');
  const body = [
    `<h1>${esc(label)}</h1>`,
    `<p class="lede">${esc(`${results.length} result${results.length === 1 ? '' : 's'}; ${kinds.join('; ')}.`)} <a href="../compare.html#${compare}">Compare the newest ${Math.min(10, results.length)}</a></p>`,
    ...sections,
  ].join('\n');
  return page({ title: `mountbench: ${label}`, root: '../', body });
}
