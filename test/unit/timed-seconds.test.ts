// The run's timed total counts each step of each sample once, however many measures read it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { timedSeconds } from '../../src/bench/timed-seconds.js';
import { parseRunDocument } from '../../src/results/store.js';
import { filesWorkload } from '../../src/workloads/files.js';

const doc = parseRunDocument(JSON.parse(readFileSync(new URL('../recordings/runs/workloads-host-and-lab.json', import.meta.url), 'utf8')), 'recording');

describe('timedSeconds', () => {
  it('counts the files step once, not once per measure', () => {
    const files = filesWorkload({ workDir: '/nowhere', files: 200, fileBytes: 1024, bigfileMb: 4, events: 5 });
    const cells = doc.cells.filter((c) => c.workload === 'files');
    const once = cells.filter((c) => c.measure === 'create').flatMap((c) => c.samples).reduce((sum, s) => sum + s.wallSeconds!, 0);
    assert.ok(once > 0);
    assert.equal(timedSeconds(cells, [files]), once);
  });
});
