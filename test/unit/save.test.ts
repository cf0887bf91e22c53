// Writing a run directory never loses the samples: non-finite figures become null with a note, and a document that
// still fails its schema is kept raw beside a clear error, with the reports written all the same.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { writeRunDirectory } from '../../src/report/write-run-directory.js';
import { RAW_RUN_FILE, withFiniteNumbers } from '../../src/results/save.js';
import type { RunDocument } from '../../src/model/run-document.js';
import { parseRunDocument } from '../../src/results/store.js';

const scratch = mkdtempSync(join(tmpdir(), 'mountbench-save-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
const recording = (): RunDocument =>
  parseRunDocument(JSON.parse(readFileSync(new URL('../recordings/runs/small-docker-linux.json', import.meta.url), 'utf8')), 'recording');

describe('saving a run directory', () => {
  it('replaces NaN and Infinity with null and says where', () => {
    const { value, replaced } = withFiniteNumbers({ a: [1, NaN], b: { c: Infinity, d: 'x' } });
    assert.deepEqual(value, { a: [1, null], b: { c: null, d: 'x' } });
    assert.deepEqual(replaced, ['a[1] was NaN', 'b.c was Infinity']);
  });
  it('writes run.json and every report; a non-finite figure in an optional place is null with a note', async () => {
    const doc = recording();
    doc.cells[1].summary!.cv = NaN;
    const dir = mkdtempSync(join(scratch, 'ok-'));
    const saved = await writeRunDirectory(dir, doc);
    assert.deepEqual(saved.problems, []);
    for (const file of ['run.json', 'results.md', 'results.csv', 'samples.csv', 'chart.svg']) assert.ok(existsSync(join(dir, file)), file);
    const written = parseRunDocument(JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')), 'run.json');
    assert.equal(written.cells[1].summary!.cv, null);
    assert.deepEqual(written.notes, ['cells[1].summary.cv was NaN, not a finite number; written as null']);
  });
  it('keeps the raw document beside a clear error when the schema check still fails, and writes the reports', async () => {
    const doc = recording();
    doc.cells[0].summary!.median = Infinity;
    const dir = mkdtempSync(join(scratch, 'raw-'));
    const saved = await writeRunDirectory(dir, doc);
    assert.deepEqual(saved.problems.length, 1, saved.problems.join('\n'));
    assert.match(saved.problems[0], /failed its own schema check \(cells\.0\.summary\.median: .*\); every sample is kept in .*run\.raw\.json/);
    assert.ok(!existsSync(join(dir, 'run.json')));
    const raw = JSON.parse(readFileSync(join(dir, RAW_RUN_FILE), 'utf8')) as RunDocument;
    assert.equal(raw.cells[0].samples.length, doc.cells[0].samples.length, 'every sample is kept');
    assert.ok(existsSync(join(dir, 'results.md')));
  });
});
