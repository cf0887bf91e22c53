// A run directory that cannot be written at the end never loses the samples (issue 19, item 4): removed while the
// run runs, or made read-only, run.json goes to the temporary directory, which the message names (exit 73, no
// `.partial`, no stack); a work copy that cannot be removed (a root-owned file a container left in a non-root
// user's bind-mounted copy) is reported after the samples are saved, and is not fatal. The first two run on the
// stand-in platform of --debug-mode (the fault is the host's file system, not the engine's), the third on the real
// engine. A disk that fills up: full-disk.test.ts.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { readRunDocument } from '../../src/results/store.js';
import { BIN, startCli, type CliResult } from '../helpers/cli.js';
import { leftovers, requireEngine } from '../helpers/engine.js';

const isRoot = process.getuid?.() === 0;
const scratch = mkdtempSync(join(tmpdir(), 'mountbench-run-dir-faults-'));
const mounted: string[] = [];
after(() => {
  for (const dir of mounted) execFileSync('umount', [dir]);
  rmSync(scratch, { recursive: true, force: true });
});

const project = join(scratch, 'project');
mkdirSync(project);
// Five samples of two strategies, each answered after 300 ms: time to break the run directory after the first.
const RUN = ['run', '--debug-mode', '--project', project, '--command', 'true', '--warmup', '0', '--no-history', '--runs', '5', '--strategies', 'native,bind', '--progress', 'plain'];

/** The run, with `fault` done to the file system once its first sample is taken; the fallback place is TMPDIR. */
async function runBrokenAfterFirstSample(out: string, fallbackDir: string, fault: () => void): Promise<CliResult & { faulted: boolean }> {
  const { child, done } = startCli([...RUN, '-o', out], { TMPDIR: fallbackDir, MOUNTBENCH_DEBUG_DELAY_MS: '300' });
  let faulted = false;
  child.stderr!.on('data', (chunk: Buffer) => {
    if (faulted || !/ sample 1\/5: /.test(chunk.toString())) return;
    faulted = true;
    fault();
  });
  return { ...(await done), faulted };
}

/** The run document kept in the fallback place (TMPDIR/mountbench-<id>/run.json), checked to hold every sample. */
async function keptInFallback(fallbackDir: string, stderr: string): Promise<string> {
  const kept = readdirSync(fallbackDir).map((name) => join(fallbackDir, name, 'run.json')).find((path) => existsSync(path));
  assert.ok(kept, `no run document in ${fallbackDir}: ${stderr}`);
  assert.match(kept, /\/mountbench-\d{8}-\d{6}-[0-9a-f]{8}\/run\.json$/);
  assert.deepEqual((await readRunDocument(kept)).cells.map((c) => c.samples.length), [5, 5], 'every sample is kept');
  return kept;
}

function partials(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.partial')) : [];
}

describe('a run directory that cannot be written at the end', () => {
  it('removed while the run runs: run.json goes to the fallback place the message names, exit 73, the directory not made again', async () => {
    const out = join(scratch, 'removed');
    const fallbackDir = mkdtempSync(join(scratch, 'tmp-'));
    const { code, stderr, faulted } = await runBrokenAfterFirstSample(out, fallbackDir, () => rmSync(out, { recursive: true, force: true }));
    assert.ok(faulted, `the run directory was never removed: ${stderr}`);
    assert.equal(code, 73, stderr);
    const kept = await keptInFallback(fallbackDir, stderr);
    assert.match(stderr, new RegExp(`could not write ${out}/run\\.json: .*; every sample is kept in ${kept} instead`));
    assert.match(stderr, new RegExp(`^wrote ${kept}`, 'm'));
    assert.doesNotMatch(stderr, /This is a bug|^\s+at /m);
    assert.equal(existsSync(out), false, 'a directory removed during the run is not made again (its disk may be gone)');
    assert.deepEqual(partials(fallbackDir), []);
  });

  it('made read-only while the run runs: the same, and the work copy it cannot remove is named, not fatal', { skip: isRoot ? false : 'mounting a tmpfs needs root' }, async () => {
    const disk = join(scratch, 'read-only');
    mkdirSync(disk);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', disk]);
    mounted.push(disk);
    const out = join(disk, 'run');
    const fallbackDir = mkdtempSync(join(scratch, 'tmp-'));
    const { code, stderr, faulted } = await runBrokenAfterFirstSample(out, fallbackDir, () => execFileSync('mount', ['-o', 'remount,ro', disk]));
    assert.ok(faulted, `the disk was never made read-only: ${stderr}`);
    assert.equal(code, 73, stderr);
    const kept = await keptInFallback(fallbackDir, stderr);
    assert.match(stderr, new RegExp(`could not write ${out}/run\\.json: .*read-only.*; every sample is kept in ${kept} instead`, 'i'));
    assert.match(stderr, new RegExp(`could not remove the work copies in ${out}/\\.work`));
    assert.doesNotMatch(stderr, /This is a bug|^\s+at /m);
    assert.deepEqual([...partials(out), ...partials(fallbackDir)], []);
    assert.equal(existsSync(join(out, 'run.json')), false);
  });
});

const NOBODY = 65534;
const SOCKET = '/var/run/docker.sock';

/** The CLI as nobody with the docker socket's group (the tests run as root), in `home`. */
function runCliAsNobody(args: string[], home: string): Promise<CliResult> {
  const node = [process.execPath, '--import', 'tsx', BIN, ...args];
  const child = spawn('setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, `--groups=${statSync(SOCKET).gid}`, ...node], {
    env: { ...process.env, HOME: home, TMPDIR: home, NO_COLOR: '1', MOUNTBENCH_HISTORY: join(home, 'history.jsonl'), DOCKER_HOST: `unix://${SOCKET}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

describe("a work copy that cannot be removed (a non-root user's run on the real engine)", { skip: isRoot ? false : 'running as another user needs root' }, () => {
  it('a root-owned file a container left in its bind-mounted copy: run.json saved first, the copy named in a warning, exit not 70', async () => {
    const docker = await requireEngine();
    const home = join(scratch, 'home');
    const app = join(scratch, 'app');
    mkdirSync(home);
    mkdirSync(app);
    chmodSync(scratch, 0o755);
    chownSync(home, NOBODY, NOBODY);
    const out = join(home, 'run');
    // The container runs as root: in the bind-mounted copy it leaves a root-owned directory holding a file, which
    // nobody, the copy's owner, cannot remove.
    const { code, stderr } = await runCliAsNobody(
      ['run', '--project', app, '--command', 'mkdir -p owned && touch owned/by-root', '--strategies', 'bind', '--runs', '1', '--warmup', '0', '--image', 'mountbench/node:offline', '--output', out],
      home,
    );
    const doc = await readRunDocument(join(out, 'run.json'));
    assert.deepEqual(doc.cells.map((c) => [c.strategy, c.status, c.samples.length]), [['bind', 'ok', 1]], stderr);
    const work = join(out, '.work');
    const left = existsSync(work) ? readdirSync(work, { recursive: true, encoding: 'utf8' }).find((path) => path.endsWith('owned/by-root')) : undefined;
    assert.ok(left, `the root-owned file is left in the work copy, as the test means: ${stderr}`);
    assert.equal(statSync(join(work, left)).uid, 0);
    assert.match(stderr, new RegExp(`could not remove the work copies in ${out}/\\.work \\(.*permission denied.*\\); remove them yourself, or run mountbench clean`, 'i'));
    assert.notEqual(code, 70, stderr);
    assert.equal(code, 0, stderr);
    assert.doesNotMatch(stderr, /This is a bug|^\s+at /m);
    assert.equal(await leftovers(docker, doc.id), 0);
  });
});
