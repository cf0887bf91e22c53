// A tree the run would write inside the engine (a volume) that the engine's disk cannot hold: 1,000,000 files of
// 1 MiB under volume, about 977 GiB inside the engine and nothing on the host. The platform is skipped before any
// sample, the reason names the sizes and the engine's own free space, the run ends with "nothing could run" (exit
// 2), and nothing is left on the engine or in the run directory. A small tree still runs. On the real engine.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type Docker from 'dockerode';
import { readEngineDisk } from '../../src/platforms/engine-disk.js';
import { readRunDocument } from '../../src/results/store.js';
import { newRunId } from '../../src/util/labels.js';
import { runCli } from '../helpers/cli.js';
import { currentEndpoint, leftovers, requireEngine } from '../helpers/engine.js';

const scratch = mkdtempSync(join(tmpdir(), 'mountbench-engine-disk-'));
const IMAGE = 'mountbench/node:offline';
let docker: Docker;
/** Where this engine keeps its layers and volumes: on this machine, a directory of the host, statfs can read. */
let rootDir: string;
before(async () => {
  docker = await requireEngine();
  rootDir = ((await docker.info()) as { DockerRootDir: string }).DockerRootDir;
});
after(() => rmSync(scratch, { recursive: true, force: true }));

function freeGib(dir: string): number {
  const stats = statfsSync(dir);
  return (stats.bavail * stats.bsize) / 1024 ** 3;
}

describe("the engine's disk", () => {
  it('is read from inside the engine: the free space of its layers and its volumes, with nothing left behind', async () => {
    const runId = newRunId();
    const disk = await readEngineDisk(docker, IMAGE, runId, 'test');
    // Other runs write on the same disk meanwhile: within a GiB.
    assert.ok(Math.abs(disk.volumes / 1024 ** 3 - freeGib(rootDir)) < 1, `volumes ${disk.volumes} against ${freeGib(rootDir)} GiB free in ${rootDir}`);
    assert.ok(Math.abs(disk.layers / 1024 ** 3 - freeGib(rootDir)) < 1, `layers ${disk.layers} against ${freeGib(rootDir)} GiB free in ${rootDir}`);
    assert.equal(await leftovers(docker, runId), 0);
  });

  it('a tree it cannot hold skips the platform before any sample, naming the free space; exit 2, nothing left behind', async () => {
    const out = join(scratch, 'too-large');
    const { code, stderr } = await runCli(['run', '--strategies', 'volume', '--workload', 'files', '--files', '1000000', '--file-size', '1M', '--image', IMAGE, '--runs', '1', '--warmup', '0', '--no-history', '--progress', 'plain', '-o', out]);
    assert.equal(code, 2, stderr);
    const platform = currentEndpoint().name;
    const said = new RegExp(`the files workload's 1,000,000 files of 1,048,576 bytes \\(--files, --file-size\\) under volume need at least 977 GiB inside the ${platform} platform's engine \\(in a volume\\), and its disk has (\\d+) GiB free; choose fewer or smaller files, or give the engine \\(its VM\\) more disk`);
    const free = said.exec(stderr);
    assert.ok(free, stderr);
    assert.ok(Math.abs(Number(free[1]) - freeGib(rootDir)) < 1.5, `${free[1]} GiB named, ${freeGib(rootDir)} GiB free in ${rootDir}`);
    assert.doesNotMatch(stderr, /setting up files|sample 1\/1|^\s+at /m, 'no sandbox, no sample, no stack');
    const doc = await readRunDocument(join(out, 'run.json'));
    assert.equal(doc.cells.length, 4, 'the four measures of files under volume');
    for (const cell of doc.cells) assert.deepEqual([cell.status, cell.samples.length], ['skipped', 0]);
    assert.equal(await leftovers(docker, doc.id), 0);
    assert.ok(!existsSync(join(out, '.work')), 'no work copy is left');
  });

  it('a tree it can hold runs as before', async () => {
    const out = join(scratch, 'small');
    const { code, stderr } = await runCli(['run', '--strategies', 'volume,container', '--workload', 'files', '--files', '200', '--image', IMAGE, '--runs', '1', '--warmup', '0', '--no-history', '--progress', 'plain', '-o', out]);
    assert.equal(code, 0, stderr);
    assert.match(stderr, /reading its disk's free space/);
    const doc = await readRunDocument(join(out, 'run.json'));
    assert.equal(doc.cells.length, 8);
    for (const cell of doc.cells) assert.deepEqual([cell.status, cell.samples.length], ['ok', 1], cell.reason ?? '');
    assert.equal(await leftovers(docker, doc.id), 0);
  });
});
