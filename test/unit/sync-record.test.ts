// What a sync sandbox adds to its cells (src/strategies/sync/record.ts): its engine's record, and notes for a failed
// correctness check and for each restart.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CellSync } from '../../src/model/run-document.js';
import { recordOf } from '../../src/strategies/sync/record.js';

const checks = [
  { name: 'files created on either side reach the other', passed: true, detail: null },
  { name: 'deleted files stay deleted', passed: false, detail: 'on the host, from the container: c-delete.txt is there' },
];
const sync: CellSync = { engine: 'unison', title: 'unison 2.52.1', how: 'polling', ignored: [], initialSyncSeconds: 1, engineCpuSeconds: 2, correctness: { passed: false, checks } };

describe('a sync sandbox\'s record', () => {
  it('carries what the engine did to each cell, and a failed correctness check to the notes', () => {
    const record = recordOf(sync);
    assert.equal(record.fields.sync, sync);
    assert.deepEqual(record.notes, ['unison 2.52.1: 1 of 2 correctness checks failed: deleted files stay deleted (on the host, from the container: c-delete.txt is there)']);
  });
  it('says each restart of the engine in a note of its own', () => {
    const record = recordOf({ ...sync, correctness: { passed: true, checks: checks.slice(0, 1) }, incidents: ['unison stopped (exit 3): Sys_blocked_io'] });
    assert.deepEqual(record.notes, ['unison 2.52.1 was started again after it stopped (exit 3): Sys_blocked_io']);
  });
});
