// A project with a file its user cannot read fails each sandbox at once, naming the file, instead of leaving the
// engine's untar waiting for the rest of an archive (it waited over five minutes). Run as a user who cannot read
// it: nobody, when the tests run as root (root reads everything), given the docker socket's group.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type Docker from 'dockerode';
import { readRunDocument } from '../../src/results/store.js';
import { BIN, type CliResult } from '../helpers/cli.js';
import { leftovers, requireEngine } from '../helpers/engine.js';

const scratch = mkdtempSync(join(tmpdir(), 'mountbench-unreadable-'));
let docker: Docker;
before(async () => {
  docker = await requireEngine();
});
after(() => rmSync(scratch, { recursive: true, force: true }));

const NOBODY = 65534;
const SOCKET = '/var/run/docker.sock';

/** The CLI as a user other than root (as nobody, with the socket's group, when the tests run as root). */
function runCliAsUser(args: string[], home: string): Promise<CliResult> {
  const node = [process.execPath, '--import', 'tsx', BIN, ...args];
  const [command, ...rest] = process.getuid!() === 0 ? ['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, `--groups=${statSync(SOCKET).gid}`, ...node] : node;
  const child = spawn(command, rest, {
    env: { ...process.env, HOME: home, NO_COLOR: '1', MOUNTBENCH_HISTORY: join(home, 'history.jsonl'), DOCKER_HOST: `unix://${SOCKET}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
  return new Promise((resolve) => child.on('close', (code, signal) => (clearTimeout(timer), resolve({ code, signal, stdout, stderr }))));
}

describe('a project file that cannot be read', () => {
  it('fails every sandbox within seconds, naming the file, and leaves nothing on the engine', async () => {
    const home = join(scratch, 'home');
    const project = join(scratch, 'app');
    mkdirSync(home);
    mkdirSync(join(project, 'src'), { recursive: true });
    writeFileSync(join(project, 'src', 'index.js'), 'console.log(1)\n');
    writeFileSync(join(project, 'src', 'secret.key'), 'not yours\n');
    chmodSync(join(project, 'src', 'secret.key'), 0o000);
    chmodSync(scratch, 0o755);
    if (process.getuid!() === 0) chownSync(home, NOBODY, NOBODY);
    const out = join(home, 'run');
    const started = Date.now();
    const { code, signal, stderr } = await runCliAsUser(
      ['run', '--project', project, '--command', 'true', '--strategies', 'native,container,bind,volume', '--runs', '1', '--warmup', '0', '--output', out, '--progress', 'plain'],
      home,
    );
    const seconds = (Date.now() - started) / 1000;
    assert.equal(signal, null, `the run was still waiting after ${seconds} s:\n${stderr}`);
    assert.ok(seconds < 90, `took ${seconds} s`);
    const doc = await readRunDocument(join(out, 'run.json'));
    assert.deepEqual(doc.cells.map((c) => c.status), ['failed', 'failed', 'failed', 'failed'], stderr);
    for (const cell of doc.cells) assert.match(cell.reason ?? '', /src\/secret\.key: cannot be read \(EACCES\)/, cell.strategy);
    assert.notEqual(code, 0);
    assert.equal(await leftovers(docker, doc.id), 0);
  });
});
