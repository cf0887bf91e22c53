// compare.html#id1,id2: results side by side by URL, as OpenBenchmarking does. The page holds no results: for each
// id it adds the site's own data/r/<id>.js (a script, since pages opened from disk may not fetch), which hands its
// compact figures to the page; then a table per test, a row per result and platform, a column per strategy.
import { strategyTitle } from '../report/format.js';
import { STRATEGY_NAMES } from '../model/strategies.js';
import type { SharedResult } from '../share/schema.js';
import { machineLine, ratioWithInterval } from '../share/summary.js';
import { page } from './page.js';
import { testOf } from './tests.js';

/** What compare.html needs of a result: [platform label, test, strategy, the ratio as the result page shows it]. */
export interface CompactResult {
  id: string;
  date: string;
  machine: string;
  cells: Array<[string, string, string, string]>;
}

export function compactResult(result: SharedResult): CompactResult {
  const label = (key: string) => result.platforms.find((p) => p.key === key)?.label ?? key;
  return {
    id: result.id,
    date: result.run.startedAt.slice(0, 10),
    machine: machineLine(result),
    cells: result.cells.filter((c) => c.ratioToNative).map((c) => [label(c.platform), testOf(result, c).title, c.strategy, ratioWithInterval(c)]),
  };
}

/** data/r/<id>.js: "<" escaped so no text in a result can end the script. */
export const compactScript = (result: SharedResult) => `mbResult(${JSON.stringify(compactResult(result)).replace(/</g, '\\u003c')});\n`;

const SCRIPT = `
const titles = ${JSON.stringify(Object.fromEntries(STRATEGY_NAMES.map((s) => [s, strategyTitle(s)])))};
const out = document.getElementById('out');
const loaded = [];
window.mbResult = (r) => loaded.push(r);
const el = (tag, text, cls) => { const e = document.createElement(tag); if (text !== undefined) e.textContent = text; if (cls) e.className = cls; return e; };
function render(ids, missing) {
  out.replaceChildren();
  if (missing.length) out.append(el('p', 'Not in this site: ' + missing.join(', '), 'alert'));
  const results = ids.map((id) => loaded.find((r) => r.id === id)).filter(Boolean);
  const tests = [...new Set(results.flatMap((r) => r.cells.map((c) => c[1])))];
  for (const test of tests) {
    const strategies = Object.keys(titles).filter((s) => results.some((r) => r.cells.some((c) => c[1] === test && c[2] === s)));
    out.append(el('h2', test));
    const box = el('div', undefined, 'scroll'), table = el('table'), head = el('tr');
    for (const h of ['Result', 'Machine', 'Platform', ...strategies.map((s) => titles[s])]) head.append(el('th', h));
    table.append(el('thead'), el('tbody'));
    table.tHead.append(head);
    for (const r of results) {
      for (const platform of [...new Set(r.cells.filter((c) => c[1] === test).map((c) => c[0]))]) {
        const tr = el('tr');
        tr.dataset.result = r.id;
        const link = el('a', r.id);
        link.href = 'result/' + r.id + '.html';
        const first = el('td');
        first.append(link);
        tr.append(first, el('td', r.machine + ', ' + r.date, 'wrap'), el('td', platform, 'wrap'));
        for (const s of strategies) tr.append(el('td', r.cells.find((c) => c[0] === platform && c[1] === test && c[2] === s)?.[3] ?? '—', 'num'));
        table.tBodies[0].append(tr);
      }
    }
    box.append(table);
    out.append(box);
  }
}
function load() {
  const ids = [...new Set(location.hash.slice(1).split(',').map((s) => s.trim().toLowerCase()).filter((s) => /^[0-9a-f]{16}$/.test(s)))];
  document.getElementById('ids').value = ids.join(',');
  const missing = [];
  let waiting = ids.length;
  const done = () => --waiting === 0 && render(ids, missing);
  if (!ids.length) out.replaceChildren(el('p', 'Add result ids to the address, separated by commas: compare.html#id1,id2', 'muted'));
  for (const id of ids) {
    if (loaded.some((r) => r.id === id)) { done(); continue; }
    const s = document.createElement('script');
    s.src = 'data/r/' + id + '.js';
    s.onload = done;
    s.onerror = () => { missing.push(id); done(); };
    document.head.append(s);
  }
}
document.getElementById('pick').addEventListener('submit', (e) => { e.preventDefault(); location.hash = document.getElementById('ids').value.replace(/\\s+/g, ''); });
window.addEventListener('hashchange', load);
load();
`;

export function comparePage(): string {
  const body = [
    '<h1>Compare results</h1>',
    '<form id="pick" class="filters"><label>Result ids, separated by commas<input id="ids" name="ids" size="40"></label><button>Compare</button></form>',
    '<div id="out"></div>',
  ].join('\n');
  return page({ title: 'mountbench: compare results', root: '', body, script: SCRIPT });
}
