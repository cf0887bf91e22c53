// Stopping a run on the real engine: a closed terminal (SIGHUP) stops it as Ctrl-C does, and the native sample's
// whole process group ends with it (the group is detached from mountbench's own; SIGHUP used to kill mountbench
// and leave the sample running as an orphan).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startCli } from '../helpers/cli.js';
import { requireEngine } from '../helpers/engine.js';

const scratch = mkdtempSync(join(tmpdir(), 'mountbench-signals-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
before(async () => void (await requireEngine()));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('a run whose terminal closes', () => {
  it('exits 129 and ends the native sample\'s process group with it', async () => {
    const project = join(scratch, 'project');
    mkdirSync(project);
    const pidFile = join(scratch, 'sleeper.pid');
    const command = `sleep 120 & echo $! > ${pidFile}; wait`;
    const { child, done } = startCli(['run', '--project', project, '--command', command, '--strategies', 'native', '--warmup', '0', '--runs', '1', '--no-history', '-o', join(scratch, 'out')]);
    await until(() => existsSync(pidFile) && readFileSync(pidFile, 'utf8').trim() !== '', 120_000);
    const sleeper = Number(readFileSync(pidFile, 'utf8'));
    assert.ok(alive(sleeper), 'the sample runs');
    child.kill('SIGHUP');
    const { code } = await done;
    assert.equal(code, 129);
    await until(() => !alive(sleeper), 5000);
  });
});
