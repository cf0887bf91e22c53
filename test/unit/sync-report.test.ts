// The sync strategy in the reports, from a real run document, minified: `mountbench run --platform mountbench-lab
// --workload npm-install,traverse,git --fixture medium --strategies native,volume,bind,sync --runs 7 --warmup 1`,
// unison 2.52.1 through sshfs on this project's machine, before the relay kept unison's stderr blocking (so its
// unison restarted with Sys_blocked_io: the report's restart lines are tested on them).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { renderHtml } from '../../src/report/html.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { plainText } from '../../src/report/text.js';
import { parseRunDocument } from '../../src/results/store.js';
import { viewOf } from '../../src/results/view.js';
import { STRATEGY_SECTIONS } from '../../src/strategies/report-sections.js';
import { syncRows, syncSandboxLines } from '../../src/strategies/sync/report-section.js';

const recording = (name: string) => parseRunDocument(JSON.parse(readFileSync(new URL(`../recordings/runs/${name}`, import.meta.url), 'utf8')), name);
const view = viewOf([recording('sync-medium-lab.json')]);
const RATIO = /^\d+\.\d\dx \(\d+\.\d\d-\d+\.\d\d, ≥\d+\.\d%\)$/;

describe('the sync strategy in the reports', () => {
  it('a row per sync cell: its median, its ratios to native, the volume and the bind mount alike, its settles', () => {
    const rows = syncRows(view);
    assert.deepEqual(rows.map((r) => r.test), ['npm-install', 'traverse cold', 'traverse warm', 'git status', 'git checkout']);
    const checkout = rows.find((r) => r.test === 'git checkout')!;
    assert.equal(checkout.median, '0.279 s');
    for (const ratio of [checkout.vsNative, checkout.vsVolume, checkout.vsBind]) assert.match(ratio, RATIO);
    assert.match(checkout.vsBind, /^0\.06x/, 'what the sync saves over the sshfs share');
    assert.equal(checkout.settleMedian, '1.90');
    assert.equal(checkout.settleMax, '3.28');
  });
  it('a line per sandbox: engine, how it finds changes, initial sync, CPU, correctness, restarts counted by reason', () => {
    const [npm, traverse, git] = syncSandboxLines(view).map((line) => plainText(line));
    assert.match(npm, /^npm-install on Docker on Linux .*: unison 2\.52\.1, changes found by polling every 1 s/);
    assert.match(npm, /initial sync 0\.211 s; engine CPU on the host 33\.62 s; correctness: all 9 checks passed/);
    assert.match(npm, /restarted 5x \(4x unison stopped \(exit 3\): Uncaught exception Sys_blocked_io; unison stopped \(exit 3\): Failed \[node_modules\/zod/);
    assert.doesNotMatch(traverse, /restarted/);
    assert.match(git, /restarted 1x \(unison stopped \(exit 3\): Uncaught exception Sys_blocked_io\)$/);
  });
  it('results.md and report.html both carry the Sync section the strategy contributes; runs without sync cells have none', () => {
    const sections = STRATEGY_SECTIONS;
    const markdown = renderMarkdown(view, { sections });
    assert.match(markdown, /\n## Sync\n/);
    assert.match(markdown, /\| git checkout \| Docker on Linux [^|]+ \| 0\.279 s \| 0\.99x/);
    assert.match(markdown, /- \*\*npm-install\*\* on Docker on Linux/);
    assert.ok(markdown.indexOf('## Sync') > markdown.indexOf('## git checkout') && markdown.indexOf('## Sync') < markdown.indexOf('## Cost'), 'after the tests, before the cost');
    const html = renderHtml(view, { sections });
    assert.match(html, /<section id="sync">/);
    assert.match(html, /<a href="#sync">Sync<\/a>/);
    assert.match(html, /<strong>npm-install<\/strong> on Docker on Linux/);
    const without = viewOf([recording('small-docker-linux.json')]);
    assert.doesNotMatch(renderMarkdown(without, { sections }), /## Sync/);
    assert.doesNotMatch(renderHtml(without, { sections }), /id="sync"/);
  });
});
