// The sync strategy on the real host engine with Debian's unison: every workload at small sizes next to the volume,
// with its settles, propagation both ways and correctness check recorded; ignores; an engine that is not there; and
// Ctrl-C in the middle of a sync, after which no unison, relay, container or volume is left.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type Docker from 'dockerode';
import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { OFFLINE_IMAGE } from '../../src/docker/images.js';
import { readRunDocument } from '../../src/results/store.js';
import { ExecRelay } from '../../src/strategies/sync/relay.js';
import { newRunId, RUN_LABEL } from '../../src/util/labels.js';
import { shellQuote } from '../../src/util/shell.js';
import { runCli, startCli } from '../helpers/cli.js';
import { leftovers, requireEngine } from '../helpers/engine.js';
import { cellOf, EXPECTED_MEASURES, SMALL_SIZES } from '../helpers/workloads.js';

const { O_NONBLOCK } = constants;
const scratch = mkdtempSync(join(tmpdir(), 'mountbench-sync-'));
let docker: Docker;
before(async () => {
  docker = await requireEngine();
});
after(() => rmSync(scratch, { recursive: true, force: true }));

/** Live processes whose command line names the run's directory (unison's roots are under it). */
function processesOf(runDir: string): string[] {
  return readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .flatMap((pid) => {
      try {
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
        return cmdline.includes(runDir) && !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z') ? [`${pid}: ${cmdline}`] : [];
      } catch {
        return [];
      }
    });
}

/** The relays' private directories (src/strategies/sync/relay.ts) left in the temporary directory. */
const relayDirs = () => readdirSync(tmpdir()).filter((d) => d.startsWith('mountbench-sync-') && existsSync(join(tmpdir(), d, 'relay.sock')));

describe('the sync strategy on the host engine (unison)', () => {
  it('runs every workload next to the volume, settling after each step, and passes its correctness check', async () => {
    const out = join(scratch, 'all');
    const relaysBefore = relayDirs();
    const { code, stderr } = await runCli(['run', '--workload', 'all', ...SMALL_SIZES, '--strategies', 'volume,sync', '--runs', '1', '--warmup', '0', '--output', out, '--progress', 'plain']);
    assert.equal(code, 0, stderr);
    const doc = await readRunDocument(join(out, 'run.json'));
    assert.deepEqual(doc.settings.sync, { engine: 'auto', ignore: [], settleTimeoutSeconds: 600 });
    for (const [workload, measures] of Object.entries(EXPECTED_MEASURES)) {
      for (const measure of Object.keys(measures)) {
        const cell = cellOf(doc, workload, measure, 'sync');
        assert.equal(cell.status, 'ok', `${cell.id}: ${cell.reason}`);
        assert.ok(cell.samples.every((s) => typeof s.settleSeconds === 'number' && s.settleSeconds >= 0), `${cell.id}: settled`);
        assert.equal(cell.sync?.engine, 'unison', cell.id);
        assert.match(cell.sync!.title, /^unison \d+\.\d+/);
        assert.ok(cell.sync!.initialSyncSeconds! > 0, `${cell.id}: initial sync timed`);
        assert.equal(cell.sync!.correctness?.passed, true, JSON.stringify(cell.sync!.correctness?.checks.filter((c) => !c.passed)));
        assert.equal(cell.sync!.correctness!.checks.length, 9);
      }
    }
    // Propagation both ways: host writes reach the watcher in the volume by the engine's polling, and the other way.
    for (const measure of ['missed', 'to-host missed']) assert.equal(cellOf(doc, 'watch', measure, 'sync').summary!.median, 0, measure);
    for (const measure of ['p50', 'to-host p50']) assert.ok(cellOf(doc, 'watch', measure, 'sync').summary!.median > 0, measure);
    assert.equal(cellOf(doc, 'watch', 'p50', 'sync').method, 'written on the host');
    assert.equal(cellOf(doc, 'watch', 'to-host p50', 'volume').summary, null, 'the volume has no host side');
    const md = readFileSync(join(out, 'results.md'), 'utf8');
    assert.match(md, /## Sync/);
    assert.match(md, /\| git checkout \| Docker on Linux [^|]+ \| [\d.]+ s \| — \| [\d.]+x \| — \| [\d.]+ \| [\d.]+ \|/);
    assert.match(md, /\*\*npm-install\*\* on .*: unison [\d.]+, changes found by polling every 1 s .*; initial sync [\d.]+ s; engine CPU on the host [\d.]+ s; correctness: all 9 checks passed/);
    assert.equal(await leftovers(docker, doc.id), 0);
    assert.deepEqual(processesOf(out), [], 'no unison or relay process outlives the run');
    assert.deepEqual(relayDirs(), relaysBefore, 'no relay socket left behind');
  });

  it('--sync-ignore leaves a directory out of the sync (node_modules stays in the volume)', async () => {
    const out = join(scratch, 'ignore');
    const { code, stderr } = await runCli(['run', '--fixture', 'small', '--strategies', 'sync', '--sync-ignore', 'node_modules', '--runs', '1', '--warmup', '0', '--output', out, '--progress', 'plain']);
    assert.equal(code, 0, stderr);
    const doc = await readRunDocument(join(out, 'run.json'));
    const cell = cellOf(doc, 'npm-install', 'time', 'sync');
    assert.equal(cell.status, 'ok', cell.reason ?? '');
    assert.deepEqual(cell.sync?.ignored, ['node_modules']);
    assert.equal(cell.sync?.correctness?.passed, true);
    assert.match(readFileSync(join(out, 'results.md'), 'utf8'), /leaving out node_modules/);
    assert.equal(await leftovers(docker, doc.id), 0);
  });

  it('an engine that is not installed skips the sync cells, saying what to do', async () => {
    const out = join(scratch, 'no-engine');
    const { code, stderr } = await runCli(['run', '--workload', 'traverse', ...SMALL_SIZES, '--strategies', 'sync', '--sync-engine', 'mutagen', '--runs', '1', '--warmup', '0', '--output', out, '--progress', 'plain']);
    assert.equal(code, 2, stderr);
    const doc = await readRunDocument(join(out, 'run.json'));
    for (const cell of doc.cells) {
      assert.equal(cell.status, 'skipped');
      assert.equal(cell.reason, '--sync-engine mutagen: the mutagen command is not on PATH');
    }
    assert.equal(await leftovers(docker, doc.id), 0);
  });

  it('Ctrl-C during a sync run stops unison and its relay, and removes the container and the volume', async () => {
    const out = join(scratch, 'interrupted');
    const { child, done } = startCli(['run', '--workload', 'files', ...SMALL_SIZES, '--strategies', 'sync', '--runs', '50', '--warmup', '0', '--output', out, '--progress', 'plain']);
    let seen = '';
    await new Promise<void>((resolve) => {
      child.stderr!.on('data', (c: Buffer) => {
        seen += c.toString();
        if (/sample 2\/50/.test(seen)) resolve();
      });
    });
    assert.ok(processesOf(out).some((p) => /unison/.test(p)), 'unison runs while sampling');
    child.kill('SIGINT');
    const { code, stderr } = await done;
    assert.equal(code, 130, stderr);
    const doc = await readRunDocument(join(out, 'run.json'));
    assert.equal(doc.status, 'interrupted');
    assert.deepEqual(processesOf(out), [], 'no unison or relay process is left');
    assert.equal(await leftovers(docker, doc.id), 0);
  });
});

describe('the relay unison talks through', () => {
  it("never makes the engine's stderr non-blocking (unison's writes then fail with Sys_blocked_io)", async () => {
    const container = await docker.createContainer({ Image: OFFLINE_IMAGE, Cmd: ['sleep', '120'], Labels: { [RUN_LABEL]: 'relay-test' }, HostConfig: { AutoRemove: true } });
    await container.start();
    const relay = await ExecRelay.open(docker, container, ['cat'], [], newRunId());
    try {
      // A stand-in for unison: the relay's command in the background, with the shell's own stderr (a socket, as
      // mountbench gives unison), then the shell reads the flags of that stderr.
      const script = `sleep 30 | ${shellQuote(relay.command)} >/dev/null & sleep 2; grep '^flags' /proc/$$/fdinfo/2; kill $! 2>/dev/null`;
      const child = spawn('sh', ['-c', script], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      await new Promise((resolve) => child.once('exit', resolve));
      const flags = Number.parseInt(/flags:\s*(\d+)/.exec(out)?.[1] ?? 'x', 8);
      assert.ok(Number.isFinite(flags), `flags read: ${out}`);
      assert.equal(flags & O_NONBLOCK, 0, `stderr flags ${flags.toString(8)}`);
    } finally {
      await relay.close();
      await container.remove({ force: true });
    }
  });
});
