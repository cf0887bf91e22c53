// Every exporter against golden files rendered from a real run document (recorded on this project's CI machine:
// `mountbench run --fixture small --runs 2`, Docker 20.10 on Debian 12; given the `measure`, `notes` and `sizes`
// fields when the document grew them). UPDATE_GOLDEN=1 rewrites the files.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { stripVTControlCharacters } from 'node:util';
import { renderResultsCsv, renderSamplesCsv, toCsv } from '../../src/report/csv.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { niceScale, renderSvg } from '../../src/report/svg.js';
import { renderTerminal } from '../../src/report/terminal.js';
import { parseRunDocument } from '../../src/results/store.js';
import { viewOf } from '../../src/results/view.js';
import { summariseCells } from '../../src/stats/summarise-cells.js';

// Both recordings are version 1 documents: read as a user's old run.json is, their summaries derived anew.
const recording = (name: string) => parseRunDocument(JSON.parse(readFileSync(new URL(`../recordings/runs/${name}`, import.meta.url), 'utf8')), name);
const run = recording('small-docker-linux.json');
// Several workloads on two platforms, recorded on this project's CI machine: the host engine and the sshfs lab,
// `mountbench run --platform default,mountbench-lab --workload files,traverse,bigfile,watch --files 200
// --bigfile-size 4 --events 5 --runs 2 --warmup 0 --strategies native,hybrid,bind`; its timing.sampledSeconds
// recomputed when it was found to count a step once per measure).
const workloadsRun = recording('workloads-host-and-lab.json');

const doc = viewOf([run]);
const workloadsDoc = viewOf([workloadsRun]);

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
  it('results.md of several workloads', () => golden('workloads-host-and-lab.results.md', renderMarkdown(workloadsDoc)));
  it('chart.svg of several workloads', () => golden('workloads-host-and-lab.chart.svg', renderSvg(workloadsDoc)));
});

describe('reports of several workloads', () => {
  it('give each test its own table in its unit, after an overview line per test and platform', () => {
    const md = renderMarkdown(workloadsDoc);
    const tests = ['files create', 'files stat', 'files read', 'files delete', 'traverse cold', 'traverse warm', 'bigfile write',
      'bigfile read', 'bigfile write time', 'bigfile read time', 'watch p50', 'watch p95', 'watch missed'];
    assert.deepEqual(md.match(/^## (?!Overview|Platforms|Notes|Run)(.*?):/gm)!.map((h) => h.slice(3, -1)), tests);
    assert.match(md, /## bigfile read: throughput \(MB\/s\), higher is better\n\n\| OS \| Platform \| Test Type \| Average \(MB\/s\) \|/);
    assert.match(md, /## watch p95: latency \(ms\), lower is better\n\n\| OS \| Platform \| Test Type \| Average \(ms\) \|/);
    const overview = md.slice(md.indexOf('## Overview'), md.indexOf('## files create'));
    assert.equal(overview.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Test') && !l.startsWith('| ---')).length, tests.length * 2);
  });
  it('say why a latency is missing where no event reached the watcher', () => {
    const md = renderMarkdown(workloadsDoc);
    assert.match(md, /mountbench-lab\) \/ watch p50 \/ Bind mount: no event reached the watcher/);
    // picocolors colours under CI; the words are what matter here.
    assert.match(stripVTControlCharacters(renderTerminal(workloadsDoc)), /watch missed · missed \(%\), lower is better/);
  });
  it('bold the lowest throughput, not the highest', () => {
    const line = renderMarkdown(workloadsDoc)
      .split('\n')
      .find((l) => l.startsWith('| bigfile write | MB/s') && l.includes('mountbench-lab'))!;
    const cells = line.split(' | ').slice(3);
    const bold = cells.findIndex((c) => c.includes('**'));
    const values = cells.map((c) => parseFloat(c.replace(/\*/g, '')));
    assert.equal(values[bold], Math.min(...values));
  });
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
    assert.deepEqual((({ top, step }) => ({ top, step }))(niceScale(0.66)), { top: 0.8, step: 0.2 });
    assert.deepEqual((({ top, step }) => ({ top, step }))(niceScale(97)), { top: 100, step: 20 });
    assert.deepEqual((({ top, step }) => ({ top, step }))(niceScale(11)), { top: 12.5, step: 2.5 });
  });
  it('the terminal table names each strategy and the file-sharing mechanism', () => {
    const table = renderTerminal(doc);
    assert.match(table, /bind mounts: none \(ext4\)/);
    assert.match(table, /Bind mount \+ volume/);
  });
});

describe('failed and partial cells are marked in every format', () => {
  // The recorded run, with its bind cell cut short after one sample: a failed cell that still has a summary.
  const partialRun = recording('small-docker-linux.json');
  const bind = partialRun.cells.find((c) => c.strategy === 'bind')!;
  Object.assign(bind, { status: 'failed', reason: 'sample 3 exited with 1: npm ERR! broke', samples: bind.samples.slice(0, 2) });
  const view = viewOf([{ ...partialRun, cells: summariseCells(partialRun.cells) }]);
  it('results.md counts them at the top and marks the row', () => {
    const md = renderMarkdown(view);
    assert.match(md.split('## npm-install')[0], /\*\*1 cell failed\*\*: marked in the tables; the reasons are under Notes\./);
    assert.match(md, /\| Bind mount \(failed\) \| [^\n]* \| 1 \|\n/);
    assert.match(md, /## Notes\n\n- Docker on Linux \(engine 20\.10\.24\+dfsg1\) \/ npm-install \/ Bind mount: failed — sample 3 exited with 1: npm ERR! broke/);
  });
  it('the terminal table marks the strategy and counts the failures', () => {
    const table = stripVTControlCharacters(renderTerminal(view));
    assert.match(table, /Bind mount \(failed\)\s*│\s*1\s*│/);
    assert.match(table, /1 cell failed:/);
  });
  it('results.csv says its status; the chart hatches the bar, labels it, and gives the real n', () => {
    assert.match(renderResultsCsv(view), /,bind,Bind mount,npm-install,time,s,failed,1,/);
    const svg = renderSvg(view);
    assert.match(svg, /fill="url\(#partial\)"/);
    assert.match(svg, /fill="#B3261E" text-anchor="middle">n=1</);
    assert.match(svg, />cut short \(failed or interrupted\)</);
    assert.match(svg, /Bars: median of each cell's samples \(n = 1 to 2\); whiskers: min–max\./);
  });
  it('the overview of several tests marks it too', () => {
    const lab = recording('workloads-host-and-lab.json');
    const cell = lab.cells.find((c) => c.workload === 'files' && c.measure === 'stat' && c.strategy === 'bind' && c.platform === 'mountbench-lab')!;
    Object.assign(cell, { status: 'interrupted', reason: 'run interrupted (Ctrl-C)' });
    const md = renderMarkdown(viewOf([lab]));
    assert.match(md, /\| files stat \| s ↓ \| Docker on Linux 20\.10\.24\+dfsg1 \(mountbench-lab\) \|[^\n]*\(interrupted, n=2\) \|/);
  });
});
