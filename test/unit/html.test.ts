// report.html: golden files of the two recordings (UPDATE_GOLDEN=1 rewrites them), and what the page must hold
// whatever its look: the same numbers as results.md, a dot per measured sample, published rows marked, failures
// counted at the top, all text escaped, nothing fetched, and the documents back out of it intact.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { comparisonTables } from '../../src/report/comparison.js';
import { renderHtml } from '../../src/report/html.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { readPublished } from '../../src/results/published.js';
import type { RunDocument } from '../../src/model/run-document.js';
import { parseRunDocument } from '../../src/results/store.js';
import { viewOf } from '../../src/results/view.js';
import { measuredValues, summariseCells } from '../../src/stats/summarise-cells.js';

const recording = (name: string) => parseRunDocument(JSON.parse(readFileSync(new URL(`../recordings/runs/${name}`, import.meta.url), 'utf8')), name);
const small = recording('small-docker-linux.json');
const workloads = recording('workloads-host-and-lab.json');

function golden(name: string, actual: string): void {
  const url = new URL(`../golden/${name}`, import.meta.url);
  if (process.env.UPDATE_GOLDEN) writeFileSync(url, actual);
  assert.equal(actual, readFileSync(url, 'utf8'), `${name} differs from its golden file (UPDATE_GOLDEN=1 to accept)`);
}

/** The JSON of the page's data block, parsed. */
function embedded(html: string): unknown {
  const match = /<script type="application\/json" id="mountbench-data">(.*?)<\/script>/s.exec(html);
  assert.ok(match, 'the page embeds its data');
  return JSON.parse(match[1]);
}

/** The page without its data block, which is the document itself (checked below by reading it back): the golden
 * file pins the page, not the document's fields. */
const page = (html: string) => html.replace(/(<script type="application\/json" id="mountbench-data">).*?(<\/script>)/s, '$1…$2');

describe('report.html (golden files)', () => {
  it('of one npm-install run', () => golden('small-docker-linux.report.html', page(renderHtml(viewOf([small])))));
  it('of several workloads on two platforms', () => golden('workloads-host-and-lab.report.html', page(renderHtml(viewOf([workloads])))));
});

describe('report.html', () => {
  const html = renderHtml(viewOf([workloads]));
  it('is deterministic and self-contained: no script to run, nothing fetched, links only within the page', () => {
    assert.equal(html, renderHtml(viewOf([workloads])));
    assert.doesNotMatch(html, /<link|<img|<iframe|@import|url\(| src=/);
    assert.deepEqual([...new Set(html.match(/href="[^#][^"]*"/g) ?? [])], []);
    assert.equal(html.match(/<script/g)?.length, 1, 'one script element, of data');
  });
  it('has its sections in order, a verdict per platform, and light, dark, print and phone styles', () => {
    const ids = [...html.matchAll(/<section id="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual([ids[0], ...ids.slice(-4)], ['verdict', 'platforms', 'notes', 'method', 'run']);
    assert.equal(ids.filter((id) => id.startsWith('test-')).length, 13, 'every test of results.md');
    assert.equal(html.match(/<section id="verdict"[\s\S]*?<\/section>/)![0].match(/<h3>/g)?.length, 2);
    for (const media of ['prefers-color-scheme: dark', '@media print', 'max-width: 40rem']) assert.ok(html.includes(media), media);
  });
  it('has a table row per cell with the numbers of results.md, and a dot per measured sample, warm-ups left out', () => {
    const rows = html.match(/<tr data-run="[^"]+" data-cell="[^"]+"[^>]*>.*<\/tr>/g) ?? [];
    assert.equal(rows.length, workloads.cells.length);
    const md = renderMarkdown(viewOf([workloads])).replace(/\*\*/g, '');
    for (const row of rows) {
      const numbers = [...row.matchAll(/<td class="num">([^<]*)<\/td>/g)].map((m) => m[1].replace(/–/g, '-').replace(/&gt;/g, '>'));
      // In results.md the same figures stand in a row of their own, between pipes.
      assert.ok(md.includes(`| ${numbers.join(' | ')} |`), numbers.join(' | '));
    }
    const charts = [...html.matchAll(/<g data-run="[^"]+" data-cell="([^"]+)">(.*?)<\/g>/gs)];
    assert.equal(charts.length, workloads.cells.length);
    for (const [, id, marks] of charts) {
      assert.equal(marks.match(/<circle/g)?.length ?? 0, measuredValues(workloads.cells.find((c) => c.id === id)!).length, id);
    }
  });
  it('embeds the document, escaped so that nothing in it can end the script', () => {
    const doc: RunDocument = { ...small, notes: ['</script><script>alert(1)</script> <!-- & "quotes"'] };
    const html = renderHtml(viewOf([doc]));
    assert.deepEqual(embedded(html), JSON.parse(JSON.stringify(doc)));
    assert.equal(html.match(/<\/script>/g)?.length, 1);
    assert.ok(html.includes('<li>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &lt;!-- &amp; &quot;quotes&quot;</li>'), 'the note is shown as text');
    assert.deepEqual(embedded(renderHtml(viewOf([small, workloads]))), JSON.parse(JSON.stringify([small, workloads])));
  });
  it('counts failed cells at the top and marks them in the table and the chart', () => {
    const cut = recording('small-docker-linux.json');
    const bind = cut.cells.find((c) => c.strategy === 'bind')!;
    Object.assign(bind, { status: 'failed', reason: 'sample 3 exited with 1', samples: bind.samples.slice(0, 2) });
    const html = renderHtml(viewOf([{ ...cut, cells: summariseCells(cut.cells) }]));
    assert.match(html.slice(0, html.indexOf('<nav>')), /<p class="alert">1 cell failed: marked in the tables and charts; the reasons are under Notes\.<\/p>/);
    assert.match(html, /<tr data-run="[^"]+" data-cell="default\/npm-install\/bind" class="[^"]*cut">.*Bind mount \(failed\)<\/td>/);
    assert.match(html, /class="cut small">failed, n=1<\/text>/);
    assert.match(html, /<li>Docker on Linux \(engine 20\.10\.24\+dfsg1\) \/ npm-install \/ Bind mount: failed — sample 3 exited with 1<\/li>/);
  });
  it('in a comparison: ratios across runs with the published rows marked, and the change since the baseline', () => {
    const again: RunDocument = { ...small, id: 'again', startedAt: '2026-11-24T10:00:00.000Z' };
    const view = viewOf([small, again, workloads], { published: readPublished(), baseline: small.id });
    const html = renderHtml(view);
    const section = (id: string) => html.match(new RegExp(`<section id="${id}">[\\s\\S]*?</section>`))?.[0] ?? '';
    const published = comparisonTables(view).flatMap((t) => t.rows.filter((r) => r.published));
    assert.equal(section('comparison').match(/<tr class="published">/g)?.length, published.length);
    assert.match(section('comparison'), /<td class="wrap">Lima 1\.0\.3 \(vz\)<span class="tag">published<\/span><\/td>/);
    assert.equal(section('change').match(/<tr><td>/g)?.length, small.cells.length);
    assert.match(html, /<h2>Runs<\/h2>[\s\S]*<h3>Run again<\/h3>/);
  });
});
