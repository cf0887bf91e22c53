// Comparing runs: ratios to native side by side across runs and with the articles' published figures, changes since
// a baseline, the run files a path stands for, and the local history (damaged lines skipped, never fatal).
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { findRunFiles } from '../../src/commands/compare.js';
import { changeRows, comparisonTables } from '../../src/report/comparison.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { appendHistory, historyEntry, readHistory } from '../../src/results/history.js';
import { parsePublished, readPublished } from '../../src/results/published.js';
import type { RunDocument } from '../../src/model/run-document.js';
import { parseRunDocument } from '../../src/results/store.js';
import { viewOf } from '../../src/results/view.js';
import { summariseCells } from '../../src/stats/summarise-cells.js';
import { runCli } from '../helpers/cli.js';
import { assertEvery } from '../helpers/assert-every.js';

const scratch = mkdtempSync(join(tmpdir(), 'mountbench-compare-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
const RECORDINGS = new URL('../recordings/runs/', import.meta.url);
const recording = (name: string) => parseRunDocument(JSON.parse(readFileSync(new URL(name, RECORDINGS), 'utf8')), name);

/** The recorded small run with each cell's measured samples replaced: seven values around `median` (a second run of
 * the same platform, for the change check; a real run of 7 would do the same with noisier numbers). */
function withSamples(doc: RunDocument, id: string, medians: Record<string, number>): RunDocument {
  const cells = doc.cells.map((c) => ({
    ...c,
    samples: [0.97, 0.98, 0.99, 1, 1.01, 1.02, 1.03].map((f, index) => ({ ...c.samples[0], index, warmup: false, value: medians[c.strategy] * f })),
  }));
  return { ...doc, id, startedAt: `${doc.startedAt.slice(0, 10)}T${id.slice(-2)}:00:00.000Z`, cells: summariseCells(cells) };
}

describe('the published figures', () => {
  it('reads every row of the shipped file, each with its source', () => {
    const rows = readPublished();
    assert.equal(rows.length, 32);
    assertEvery(rows, (r) => r.source.startsWith('mainardi-') && r.workload === 'npm-install' && r.fixture === 'cra', 'every published row of the seed is its npm-install on create-react-app');
    const lima = rows.find((r) => r.platform === 'Lima 1.0.3 (vz)' && r.strategy === 'container')!;
    assert.match(lima.note ?? '', /edited on 2025-02-28/, 'the note on the 2025 "No volumes" values stays');
  });
  it('parses quoted fields, and refuses a row that is not a result', () => {
    const rows = parsePublished('source,date,machine,os,platform,file_sharing,strategy,workload,mean_s,min_s,max_s,note\ns,2025-01-01,"M4, 48GB",macOS,P,virtiofs,bind,npm-install-cra,9,,,"say ""hi"""\n');
    assert.deepEqual([rows[0].machine, rows[0].note, rows[0].min], ['M4, 48GB', 'say "hi"', null]);
    assert.throws(() => parsePublished('source,strategy,mean_s\ns,teleport,1\n', 'x.csv'), /x\.csv:2: not a published result/);
  });
});

describe('compare', () => {
  const small = recording('small-docker-linux.json');
  it('puts each platform\'s ratios to native next to the articles\', published rows marked, by test and fixture', () => {
    const view = viewOf([small, recording('workloads-host-and-lab.json')], { published: readPublished() });
    const tables = comparisonTables(view);
    const install = tables.find((t) => t.test === 'npm-install (small fixture)')!;
    assert.equal(install.rows.length, 1, 'the small fixture is not compared with the articles\' create-react-app');
    const cra = tables.find((t) => t.test === 'npm-install (cra fixture)')!;
    assertEvery(cra.rows, (r) => r.published, 'every row of the published-only table is marked published');
    const lima = cra.rows.find((r) => r.title === 'Lima 1.0.3 (vz)' && r.source === 'published (mainardi-2025)')!;
    assert.equal(lima.ratios.bind, `${(8.99 / 3.38).toFixed(2)}x`);
    assert.match(lima.ratios.container!, /x†$/);
    assert.match(cra.notes[0], /^† as published; the data behind the article was edited/);
    const stat = tables.find((t) => t.test === 'files stat')!;
    assert.deepEqual(stat.rows.map((r) => r.title), ['Docker on Linux 20.10.24+dfsg1 (default)', 'Docker on Linux 20.10.24+dfsg1 (mountbench-lab)']);
    const md = renderMarkdown(view);
    assert.match(md, /## Ratios to native across runs/);
    assert.match(md, /\| \*Lima 1\.0\.3 \(vz\)\* \| macOS 15\.1\.1, Apple M4 Pro 12c 48GB \| 2025-01-04 \| published \(mainardi-2025\) \|/);
  });
  it('tells two runs of the same platform apart, and says per cell what changed since the baseline', () => {
    const before = withSamples(small, 'run-10', { native: 10, container: 10, hybrid: 10, bind: 20, volume: 10 });
    const after = withSamples(small, 'run-11', { native: 10, container: 10.9, hybrid: 13, bind: 15, volume: 10.05 });
    const view = viewOf([before, after], { baseline: 'run-10' });
    assert.equal(new Set(view.platforms.map((p) => p.title)).size, 2, 'same label, two runs: two titles');
    const rows = Object.fromEntries(changeRows(view).map((r) => [r.strategy, r]));
    assert.match(rows.bind.change, /^0\.75x, faster \(/);
    assert.match(rows.hybrid.change, /^1\.30x, slower \(/);
    // Unpaired (two runs' rounds are not each other's) and judged against the run's margin, ±10% by default.
    assert.match(rows.volume.change, /^1\.0\dx, the same within ±10% \(/);
    assert.match(rows.container.change, /^1\.09x, undecided \(1\.0\d-1\.1\d, /, 'straddles 1.1: neither the same nor slower yet');
    assert.match(renderMarkdown(view), /## Change since the baseline \(run run-10, /);
  });
  it('with too few samples, says so rather than guessing', () => {
    const view = viewOf([small, { ...small, id: 'again' }], { baseline: small.id });
    assertEvery(changeRows(view), (r) => r.verdict === 'too few samples', 'every change with a one-sample baseline says too few samples');
  });
  it('finds runs in a file, a run directory, or a folder of many (a CI artifact folder)', () => {
    const folder = join(scratch, 'artifacts');
    for (const name of ['mac/run-a', 'linux/run-b']) {
      mkdirSync(join(folder, name, '.work'), { recursive: true });
      cpSync(new URL('small-docker-linux.json', RECORDINGS), join(folder, name, 'run.json'));
    }
    assert.deepEqual(findRunFiles(folder).map((f) => f.slice(folder.length)), ['/linux/run-b/run.json', '/mac/run-a/run.json']);
    assert.deepEqual(findRunFiles(join(folder, 'mac/run-a')), [join(folder, 'mac/run-a/run.json')]);
    assert.throws(() => findRunFiles(join(folder, 'nowhere')), /cannot read .*nowhere: ENOENT/);
  });
  it('of one run prints exactly what report prints, in every format', async () => {
    const file = new URL('small-docker-linux.json', RECORDINGS).pathname;
    for (const format of ['md', 'csv', 'svg', 'table']) {
      const [report, compare] = await Promise.all([runCli(['report', file, '--format', format]), runCli(['compare', file, '--format', format])]);
      assert.equal(compare.code, 0, compare.stderr);
      assert.equal(compare.stdout, report.stdout, format);
    }
  });
});

describe('the history', () => {
  it('appends one line per run, reads them back, and skips a damaged line with a report', async () => {
    const file = join(scratch, 'history', 'history.jsonl');
    const doc = recording('small-docker-linux.json');
    await appendHistory(file, historyEntry(doc, '/runs/a/run.json'));
    appendFileSync(file, '{"id": "cut short by a cra');
    appendFileSync(file, '\n');
    await appendHistory(file, historyEntry({ ...doc, id: 'second' }, '/runs/b/run.json'));
    const history = await readHistory(file);
    assert.deepEqual(history.entries.map((e) => e.id), [doc.id, 'second']);
    assert.deepEqual(history.damaged, [`${file}:2: not JSON (a write cut short?); skipped`]);
    assert.equal(history.entries[0].ratios.find((r) => r.strategy === 'bind')?.ratio, doc.cells.find((c) => c.strategy === 'bind')?.ratioToNative?.value);
  });
  it('compare --last picks from it; a run whose files are gone is reported and skipped', async () => {
    const file = join(scratch, 'cli-history.jsonl');
    const dir = join(scratch, 'kept');
    mkdirSync(dir);
    cpSync(new URL('small-docker-linux.json', RECORDINGS), join(dir, 'run.json'));
    const doc = recording('small-docker-linux.json');
    writeFileSync(file, `${JSON.stringify(historyEntry({ ...doc, id: 'gone' }, join(scratch, 'gone', 'run.json')))}\nnot json\n`);
    await appendHistory(file, historyEntry(doc, join(dir, 'run.json')));
    const { code, stdout, stderr } = await runCli(['compare', '--last', '2', '--format', 'md'], { MOUNTBENCH_HISTORY: file });
    assert.equal(code, 0, stderr);
    assert.match(stderr, /cli-history\.jsonl:2: not JSON/);
    assert.match(stderr, /run gone is gone/);
    assert.match(stdout, /^# mountbench: npm-install \(small fixture\)/);
    const listed = await runCli(['history'], { MOUNTBENCH_HISTORY: file });
    assert.equal(listed.code, 0);
    assert.match(listed.stdout, new RegExp(doc.id));
  });
  it('compare with nothing to compare is a usage error that says what to name', async () => {
    const { code, stderr } = await runCli(['compare'], { MOUNTBENCH_HISTORY: join(scratch, 'empty.jsonl') });
    assert.equal(code, 64);
    assert.match(stderr, /name at least one run/);
  });
});
