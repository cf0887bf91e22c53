// Every exporter against golden files rendered from a real run document (recorded on this project's CI machine:
// `mountbench run --fixture small --runs 2`, Docker 20.10 on Debian 12; given the `measure`, `notes` and `sizes`
// fields when the document grew them). UPDATE_GOLDEN=1 rewrites the files.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { renderResultsCsv, renderSamplesCsv, toCsv } from '../../src/report/csv.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { niceScale, renderSvg } from '../../src/report/svg.js';
import { renderTerminal } from '../../src/report/terminal.js';
import { RunDocument } from '../../src/results/schema.js';

const doc = RunDocument.parse(JSON.parse(readFileSync(new URL('../recordings/runs/small-docker-linux.json', import.meta.url), 'utf8')));

function golden(name: string, actual: string): void {
  const url = new URL(`../golden/${name}`, import.meta.url);
  if (process.env.UPDATE_GOLDEN) writeFileSync(url, actual);
  assert.equal(actual, readFileSync(url, 'utf8'), `${name} differs from its golden file (UPDATE_GOLDEN=1 to accept)`);
}

describe('exporters (golden files)', () => {
  it('results.md', () => golden('small-docker-linux.results.md', renderMarkdown(doc)));
  it('results.csv', () => golden('small-docker-linux.results.csv', renderResultsCsv(doc)));
  it('samples.csv', () => golden('small-docker-linux.samples.csv', renderSamplesCsv(doc)));
  it('chart.svg', () => golden('small-docker-linux.chart.svg', renderSvg(doc)));
});

describe('report details', () => {
  it('the markdown table has the seed columns and one row per cell, the slowest in bold', () => {
    const md = renderMarkdown(doc);
    assert.match(md, /\| OS \| Platform \| Test Type \| Average Time \(s\) \| Range \(s\) \|/);
    const rows = md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| OS') && !l.startsWith('| ---'));
    assert.equal(rows.length, doc.cells.length);
    assert.equal(rows.filter((r) => r.includes('**')).length, 1);
  });
  it('CSV quotes commas, quotes and newlines', () => {
    assert.equal(toCsv(['a', 'b'], [['x,y', 'say "hi"'], [null, 'two\nlines']]), 'a,b\n"x,y","say ""hi"""\n,"two\nlines"\n');
  });
  it('samples.csv has a row per sample, warm-ups marked', () => {
    const lines = renderSamplesCsv(doc).trim().split('\n');
    assert.equal(lines.length - 1, doc.cells.reduce((n, c) => n + c.samples.length, 0));
    assert.equal(lines.filter((l) => l.includes(',true,')).length >= doc.cells.length, true);
  });
  it('the chart is well-formed, deterministic and labelled', () => {
    const svg = renderSvg(doc);
    assert.equal(svg, renderSvg(doc));
    assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.match(svg, /time \(s\)/);
    for (const title of ['Native', 'No volumes', 'Bind mount + volume', 'Bind mount', 'Volume']) assert.ok(svg.includes(`>${title}</text>`), title);
    assert.equal((svg.match(/<rect [^>]*fill="#[0-9A-F]{6}"><title>/g) ?? []).length, doc.cells.length);
  });
  it('axis scales are round numbers', () => {
    assert.deepEqual(niceScale(0.66), { top: 0.8, step: 0.2 });
    assert.deepEqual(niceScale(97), { top: 100, step: 20 });
    assert.deepEqual(niceScale(11), { top: 12.5, step: 2.5 });
  });
  it('the terminal table names each strategy and the file-sharing mechanism', () => {
    const table = renderTerminal(doc);
    assert.match(table, /bind mounts: none \(ext4\)/);
    assert.match(table, /Bind mount \+ volume/);
  });
});
