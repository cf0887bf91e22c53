// Run documents from elsewhere (a CI job comparing the artifacts of pull requests) can be damaged or hostile: each
// renders or is skipped with a warning, never hangs, never overflows the stack, never aborts the others (issue 19,
// item 11). A FIFO named as a run is in user-errors.test.ts.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { renderHtml } from '../../src/report/html.js';
import { niceScale } from '../../src/report/svg.js';
import { readRuns } from '../../src/results/read-runs.js';
import { viewOf } from '../../src/results/view.js';
import { runCli } from '../helpers/cli.js';
import { recording } from '../helpers/seven-samples.js';

const scratch = mkdtempSync(join(tmpdir(), 'mountbench-hostile-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
const small = () => recording('small-docker-linux.json');

describe('a chart axis', () => {
  it('is finite, ascending and short for every maximum from the smallest float to past the largest', () => {
    for (const max of [5e-324, 1e-300, 0.004, 1, 7.3, 1234, 1e15, 1e300, 1.7e308, Number.MAX_VALUE, Infinity]) {
      const { top, ticks } = niceScale(max);
      assert.ok(Number.isFinite(top) && top > 0, `top of ${max}: ${top}`);
      assert.ok(ticks.length >= 2 && ticks.length <= 21, `${ticks.length} ticks for ${max}`);
      assert.ok(ticks.every((t, i) => Number.isFinite(t) && (i === 0 || t > ticks[i - 1])), `ticks of ${max} ascend`);
      assert.equal(ticks[ticks.length - 1], top);
      if (Number.isFinite(max)) assert.ok(top >= max, `top ${top} below ${max}`);
    }
  });
  it('keeps its round steps for ordinary figures', () => {
    assert.deepEqual(niceScale(7.3), { top: 8, step: 2, ticks: [0, 2, 4, 6, 8] });
  });
});

describe('hostile run documents', () => {
  it('a sample near the float limit: report.html is written at once', { timeout: 60_000 }, async () => {
    const doc = small();
    doc.cells[0].samples[0].value = 1.7e308;
    const file = join(scratch, 'huge.json');
    writeFileSync(file, JSON.stringify(doc));
    const out = await runCli(['report', file, '--format', 'html']);
    assert.equal(out.code, 0, out.stderr);
    assert.match(out.stdout, /<\/html>\s*$/);
  });
  it('300,000 samples in one cell: the page renders every dot, no stack overflow', () => {
    const doc = small();
    const cell = doc.cells[0];
    const template = { ...cell.samples[0], cost: undefined, outputTail: undefined };
    cell.samples = Array.from({ length: 300_000 }, (_, index) => ({ ...template, index, warmup: false, value: 1 + (index % 100) / 100 }));
    const html = renderHtml(viewOf([doc]));
    assert.ok(html.split('<circle').length - 1 >= 300_000);
  });
  it('two documents with one run id from two machines: both kept, the second as <id>~2, with a warning', async () => {
    const [a, b] = [small(), small()];
    b.platforms[0].name = 'another-machine';
    b.cells = b.cells.map((c) => ({ ...c, platform: 'another-machine' }));
    const files = [join(scratch, 'a.json'), join(scratch, 'b.json')];
    writeFileSync(files[0], JSON.stringify(a));
    writeFileSync(files[1], JSON.stringify(b));
    const warnings: string[] = [];
    const runs = await readRuns(files, (line) => warnings.push(line));
    assert.deepEqual(runs.map((r) => r.id), [a.id, `${a.id}~2`]);
    assert.match(warnings.join('\n'), new RegExp(`b\\.json: another document has run id ${a.id}.*shown as run ${a.id}~2`));
  });
  it('one damaged document among many: skipped with a warning naming it, the comparison goes on', async () => {
    const files = [join(scratch, 'good.json'), join(scratch, 'damaged.json')];
    writeFileSync(files[0], JSON.stringify(small()));
    writeFileSync(files[1], JSON.stringify(small()).slice(0, 500));
    const out = await runCli(['compare', ...files, '--format', 'md']);
    assert.equal(out.code, 0, out.stderr);
    assert.match(out.stderr, /skipped: .*damaged\.json/);
    assert.match(out.stdout, /^# /);
  });
});
