// A tree the run writes inside the engine (a volume, a container's layer) that the engine's own disk cannot hold
// skips the platform before any sample, naming the sizes, the flags and the free space; a tree that fits, or an
// engine that cannot say, runs as before. The trees are a lower bound: only generated trees of known size, and only
// where they certainly land inside the engine. The executor's part is checked with a stand-in engine; the real
// engine's answer in test/integration/engine-disk.test.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { engineSpaceShortfall, type EngineTree } from '../../src/bench/engine-space.js';
import { Executor, type ExecutionSettings } from '../../src/bench/executor.js';
import { planRun } from '../../src/bench/plan.js';
import { QUIET, StandInEngine, standInTarget } from '../../src/bench/stand-in-engine.js';
import type { EngineDisk } from '../../src/platforms/engine-disk.js';
import { availableBytes } from '../../src/platforms/engine-disk.js';
import { engineTrees } from '../../src/run/engine-trees.js';
import { filesWorkload } from '../../src/workloads/files.js';

const SIZES = { files: 5000, fileBytes: 1024, bigfileMb: 256, events: 20 };
const GIB = 1024 ** 3;

// Recorded on this project's test machine: `docker run --rm -v /tmp:/mountbench/disk mountbench/node:offline
// df -Pk / /mountbench/disk` (Debian 12 coreutils, Docker 20.10 overlay2), 2026-12-07.
const DF_RECORDED = `Filesystem     1024-blocks     Used Available Capacity Mounted on
overlay          264212084 31048404  75342508      30% /
/dev/vda         264212084 31048404  75342508      30% /mountbench/disk
`;

describe("the engine's free space, from df -Pk", () => {
  it('reads the available 1024-blocks of the line mounted at each path, as bytes', () => {
    assert.equal(availableBytes(DF_RECORDED, '/'), 75342508 * 1024);
    assert.equal(availableBytes(DF_RECORDED, '/mountbench/disk'), 75342508 * 1024);
  });

  it('says nothing for a path no line names (a df that failed, or printed an error)', () => {
    assert.equal(availableBytes(DF_RECORDED, '/elsewhere'), null);
    assert.equal(availableBytes("df: /mountbench/disk: No such file or directory\n", '/mountbench/disk'), null);
  });
});

describe('the trees a run writes inside the engine', () => {
  const where = (trees: EngineTree[]) => trees.map((t) => `${t.strategy}:${t.place}:${t.bytes}`);

  it('files: in the layer under container, in a volume under volume, hybrid (its node_modules volume) and sync; none under bind and native', () => {
    const trees = engineTrees(['files'], ['native', 'container', 'hybrid', 'bind', 'volume', 'sync'], SIZES);
    assert.deepEqual(where(trees), ['container:layers:5120000', 'hybrid:volumes:5120000', 'volume:volumes:5120000', 'sync:volumes:5120000']);
    assert.match(trees[0].what, /^the files workload's 5,000 files of 1,024 bytes \(--files, --file-size\)$/);
  });

  it('bigfile: its file under container and volume; hybrid has no dependency directory, so it is on the host', () => {
    assert.deepEqual(where(engineTrees(['bigfile'], ['hybrid', 'bind', 'container', 'volume'], SIZES)), [`container:layers:${256 * 1024 ** 2}`, `volume:volumes:${256 * 1024 ** 2}`]);
    const [bigfile] = engineTrees(['bigfile'], ['volume'], { ...SIZES, bigfileMb: 65_536 });
    assert.equal(engineSpaceShortfall('vm', [bigfile], { layers: 0, volumes: 10 * GIB }), "the bigfile workload's 65,536 MiB file (--bigfile-size) under volume needs at least 64 GiB inside the vm platform's engine (in a volume), and its disk has 10 GiB free; choose a smaller file, or give the engine (its VM) more disk");
  });

  it('traverse and git: their tree, copied in; npm-install, build and watch: no size known in advance, nothing counted', () => {
    assert.deepEqual(where(engineTrees(['traverse', 'git'], ['volume', 'bind'], SIZES)), ['volume:volumes:5120000', 'volume:volumes:5120000']);
    assert.deepEqual(engineTrees(['npm-install', 'build', 'watch'], ['container', 'volume', 'hybrid'], SIZES), []);
  });
});

describe('a tree against the engine\'s disk', () => {
  const tree = (bytes: number, place: keyof EngineDisk, strategy: EngineTree['strategy'] = 'volume'): EngineTree => ({ bytes, place, strategy, what: `the files workload's ${bytes} bytes (--files, --file-size)`, verb: 'need', fix: 'choose fewer or smaller files' });

  it('fits when the disk holds it, to the byte', () => {
    assert.equal(engineSpaceShortfall('vm', [tree(10 * GIB, 'volumes')], { layers: 0, volumes: 10 * GIB }), null);
  });

  it('refuses the largest tree that does not fit, naming the platform, the strategy, the flags, both sizes and what to do', () => {
    const reason = engineSpaceShortfall('vm', [tree(20 * GIB, 'volumes'), tree(30 * GIB, 'volumes'), tree(1 * GIB, 'volumes')], { layers: 100 * GIB, volumes: 12.4 * GIB });
    assert.equal(
      reason,
      "the files workload's 32212254720 bytes (--files, --file-size) under volume need at least 30 GiB inside the vm platform's engine (in a volume), and its disk has 12 GiB free; choose fewer or smaller files, or give the engine (its VM) more disk",
    );
  });

  it("checks each tree against its own place: a container's layer and the volumes may be on different disks", () => {
    const trees = [tree(5 * GIB, 'volumes', 'volume'), tree(5 * GIB, 'layers', 'container')];
    assert.match(engineSpaceShortfall('vm', trees, { layers: 1 * GIB, volumes: 50 * GIB }) ?? '', /under container need at least 5 GiB .*\(in a container's own layer\), and its disk has 1 GiB free/);
    assert.equal(engineSpaceShortfall('vm', trees, { layers: 50 * GIB, volumes: 50 * GIB }), null);
  });
});

describe('the executor skips a platform whose disk cannot hold a tree, before any sample', () => {
  const settings: ExecutionSettings = { runId: 'r', workDir: '/nowhere', sampling: { kind: 'fixed', runs: 2 }, warmup: 0, image: null, order: 'interleaved', hostNpm: null };
  const files = filesWorkload({ workDir: '/nowhere', ...SIZES, files: 1_000_000, fileBytes: 1024 ** 2 });
  const trees = engineTrees(['files'], ['volume', 'container'], { ...SIZES, files: 1_000_000, fileBytes: 1024 ** 2 });
  // Prepared on the host in a real run; the stand-in needs no starting files.
  const workload = { ...files, prepare: undefined };

  async function execute(disk: () => Promise<EngineDisk>, engineTreesOfRun: readonly EngineTree[]) {
    let asked = 0;
    const engine = Object.assign(new StandInEngine(() => ({ values: { create: 0.5, stat: 0.1, read: 0.2, delete: 0.3 } })), { diskSpace: () => ((asked += 1), disk()) });
    const execution = await new Executor({ ...settings, engineTrees: engineTreesOfRun }, QUIET).execute([standInTarget('p', engine)], planRun(['p'], ['volume', 'container'], [workload]));
    return { execution, engine, asked: () => asked };
  }

  it('a disk too small: every cell skipped with the reason, no sandbox opened, the platform cleaned up', async () => {
    const { execution, engine } = await execute(async () => ({ layers: 50 * GIB, volumes: 50 * GIB }), trees);
    assert.equal(execution.cells.length, 8, 'two strategies, four measures each');
    for (const cell of execution.cells) {
      assert.equal(cell.status, 'skipped');
      assert.equal(cell.samples.length, 0);
      assert.match(cell.reason ?? '', /1,000,000 files of 1,048,576 bytes \(--files, --file-size\) under (volume|container) need at least 977 GiB inside the p platform's engine .* has 50 GiB free/);
    }
    assert.match(execution.platforms[0].error ?? '', /need at least 977 GiB/);
    assert.deepEqual(engine.log.filter((l) => l.startsWith('open') || l.endsWith(' step') || l.includes('files.cjs')), []);
    assert.equal(engine.log.at(-1), 'cleanUp');
  });

  it('a disk large enough, or an engine that cannot say: the run goes on', async () => {
    for (const disk of [async () => ({ layers: 2000 * GIB, volumes: 2000 * GIB }), async (): Promise<EngineDisk> => { throw new Error('no df in the image'); }]) {
      const { execution } = await execute(disk, trees);
      assert.equal(execution.cells.length, 8);
      for (const cell of execution.cells) assert.equal(cell.status, 'ok', cell.reason ?? '');
      for (const cell of execution.cells) assert.equal(cell.samples.length, 2);
    }
  });

  it('no tree inside the engine: its disk is not even asked', async () => {
    const { asked, execution } = await execute(async () => ({ layers: 0, volumes: 0 }), []);
    assert.equal(asked(), 0);
    assert.equal(execution.cells[0].status, 'ok');
  });
});
