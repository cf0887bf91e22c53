// The load beside each sample in every output that carries samples: samples.csv's other_load and vm_other_load
// columns, and the shared result's otherLoad and vmOtherLoad per sample. Runs recorded before the load was
// measured (test/recordings/runs/small-docker-linux.json, recorded on this project's CI machine) leave them empty or
// absent, and their shared results keep their ids. The loads are set by the test on that real document.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { RunDocument } from '../../src/model/run-document.js';
import { renderSamplesCsv } from '../../src/report/csv.js';
import { parseRunDocument } from '../../src/results/store.js';
import { viewOf } from '../../src/results/view.js';
import { shareRun } from '../../src/share/from-run.js';
import { SharedResult } from '../../src/share/schema.js';

const old = parseRunDocument(JSON.parse(readFileSync(new URL('../recordings/runs/small-docker-linux.json', import.meta.url), 'utf8')), 'small-docker-linux.json');

/** The recording with every bind sample's loads set: the host's 0.25, the VM's 0.5 (index 1: the VM's unknown). */
function loaded(): RunDocument {
  const doc = structuredClone(old);
  for (const cell of doc.cells.filter((c) => c.strategy === 'bind')) {
    for (const sample of cell.samples) Object.assign(sample, { otherLoad: 0.25, vmOtherLoad: sample.index === 1 ? null : 0.5 });
  }
  return doc;
}

/** samples.csv as rows of named fields. */
function csvRows(doc: RunDocument): Array<Record<string, string>> {
  const [header, ...rows] = renderSamplesCsv(viewOf([doc])).trimEnd().split('\n').map((l) => l.split(','));
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

describe('samples.csv', () => {
  it('ends with other_load and vm_other_load, each sample\'s loads, empty where unknown', () => {
    const rows = csvRows(loaded());
    const bind = rows.filter((r) => r.strategy === 'bind');
    assert.equal(bind.length, 3);
    assert.deepEqual(bind.map((r) => [r.index, r.other_load, r.vm_other_load]), [['0', '0.25', '0.5'], ['1', '0.25', ''], ['2', '0.25', '0.5']]);
    const others = rows.filter((r) => r.strategy !== 'bind');
    assert.ok(others.length > 0);
    for (const r of others) assert.deepEqual([r.other_load, r.vm_other_load], ['', '']);
    assert.match(renderSamplesCsv(viewOf([old])).split('\n')[0], /,settle_seconds,other_load,vm_other_load$/);
  });
});

describe('the shared result', () => {
  it('carries each sample\'s loads where the run measured them', () => {
    const { result } = shareRun(loaded(), { includeProject: false });
    const bind = result.cells.filter((c) => c.strategy === 'bind').flatMap((c) => c.samples);
    assert.equal(bind.length, 3);
    assert.deepEqual(bind.map((s) => [s.otherLoad, s.vmOtherLoad]), [[0.25, 0.5], [0.25, null], [0.25, 0.5]]);
    assert.equal(SharedResult.safeParse(result).success, true, 'a results repository\'s check (site --check) accepts it');
  });
  it('leaves them out for a run that did not measure them, so that its id stays what it was', () => {
    const { result } = shareRun(old, { includeProject: false });
    const samples = result.cells.flatMap((c) => c.samples);
    assert.ok(samples.length > 0);
    for (const s of samples) assert.deepEqual(['otherLoad' in s, 'vmOtherLoad' in s], [false, false]);
  });
  it('refuses a load outside 0..1', () => {
    const { result } = shareRun(loaded(), { includeProject: false });
    const bad = structuredClone(result);
    bad.cells.find((c) => c.strategy === 'bind')!.samples[0].vmOtherLoad = 1.5;
    assert.equal(SharedResult.safeParse(bad).success, false);
  });
});
