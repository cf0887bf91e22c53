// The workload scripts as plain node runs them in a sandbox (no tsx): they must load as CommonJS under a package
// that says "type": "module" (this one), and print the figures mountbench reads.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { readPrintedValues } from '../../src/bench/harness.js';
import { SCRIPTS_DIR } from '../../src/workloads/workload.js';
import { writeTree } from '../../src/workloads/generated.js';

// Inside the repository, so the nearest package.json is this project's ("type": "module").
const scratch = mkdtempSync(join(SCRIPTS_DIR, '..', '.scratch-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function run(script: string, ...args: Array<string | number>): Record<string, unknown> {
  const result = spawnSync(process.execPath, [join(SCRIPTS_DIR, script), ...args.map(String)], { cwd: scratch, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return readPrintedValues(result.stdout);
}

describe('workload scripts under plain node', () => {
  it('files.cjs times create, stat, read and delete', () => {
    const values = run('files.cjs', 'tree', 45, 100);
    for (const phase of ['create', 'stat', 'read', 'delete']) assert.ok((values[phase] as number) > 0, phase);
  });
  it('traverse.cjs counts every entry of the tree the host writes', () => {
    writeTree(join(scratch, 'walk'), 45, 10);
    // 45 files in 3 packages: 3 package dirs + 3 lib dirs + 45 files.
    assert.equal(run('traverse.cjs', 'walk').entries, 51);
  });
  it('bigfile.cjs writes and reads back the size asked, as MB/s', () => {
    const write = run('bigfile.cjs', 'write', 'big.bin', 2);
    const read = run('bigfile.cjs', 'read', 'big.bin', 2);
    for (const v of [write, read]) assert.ok((v.mbPerSecond as number) > 0 && (v.seconds as number) > 0);
  });
  it('watch.cjs, writing itself, sees every file it writes', () => {
    const values = run('watch.cjs', 'watched', 3, 20, 1000, 'internal');
    assert.equal((values.latencyMs as unknown[]).length, 3);
    assert.ok((values.latencyMs as unknown[]).every((l) => typeof l === 'number'));
  });
});
