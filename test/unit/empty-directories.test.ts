// The default reset, run by sh as in a sandbox: it empties and removes the dependency directories, fails when a file
// cannot be removed (a reset that leaves files behind must not pass), and stays quiet only when the directory itself
// cannot go (under hybrid it is a volume's mount point). Root removes anything, so the shell runs as nobody there.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { emptyDirectories } from '../../src/workloads/workload.js';

const NOBODY = 65534;
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) {
    spawnSync('chmod', ['-R', 'u+rwx', dir]);
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A project directory holding `deps` (with a file and a dot file) and `other`, all writable by anyone. */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mountbench-empty-'));
  dirs.push(dir);
  for (const name of ['deps/pkg', 'other/pkg']) mkdirSync(join(dir, name), { recursive: true });
  for (const file of ['deps/pkg/index.js', 'deps/.bin', 'other/pkg/index.js']) writeFileSync(join(dir, file), 'x\n');
  for (const name of ['.', 'deps', 'deps/pkg', 'other', 'other/pkg']) chmodSync(join(dir, name), 0o777);
  return dir;
}

/** `sh -c` in the project, as nobody when the tests run as root. */
function run(cwd: string, command: string): number | null {
  const asNobody = process.getuid?.() === 0 ? { uid: NOBODY, gid: NOBODY } : {};
  return spawnSync('sh', ['-c', command], { cwd, encoding: 'utf8', ...asNobody }).status;
}

describe('emptyDirectories', () => {
  it('empties and removes each directory; one that is missing is fine', () => {
    const dir = project();
    assert.equal(run(dir, emptyDirectories(['deps', 'missing', 'other'])), 0);
    assert.ok(!existsSync(join(dir, 'deps')) && !existsSync(join(dir, 'other')));
  });

  it('fails when a file cannot be removed, and does not go on to the next directory', () => {
    const dir = project();
    chmodSync(join(dir, 'deps/pkg'), 0o555);
    assert.notEqual(run(dir, emptyDirectories(['deps', 'other'])), 0);
    assert.ok(existsSync(join(dir, 'deps/pkg/index.js')));
    assert.ok(existsSync(join(dir, 'other/pkg')), 'a failure is not covered by the next directory succeeding');
  });

  it('is quiet when only the emptied directory itself cannot be removed (a mount point under hybrid)', () => {
    const dir = project();
    // The project is not writable: rmdir fails, as it does on a mount point.
    chmodSync(dir, 0o555);
    assert.equal(run(dir, emptyDirectories(['deps'])), 0);
    assert.deepEqual(readdirSync(join(dir, 'deps')), []);
  });
});
