// `mountbench run` end to end against the real engine: every strategy on the small fixture, a failing workload,
// and Ctrl-C. After each, nothing labelled by the run may be left on the engine or in the run directory.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type Docker from 'dockerode';
import { STRATEGIES } from '../../src/strategies/registry.js';
import { DockerEngine } from '../../src/bench/docker-engine.js';
import { Executor } from '../../src/bench/executor.js';
import { planRun } from '../../src/bench/plan.js';
import { probeEndpoint } from '../../src/platforms/probe.js';
import { readRunDocument } from '../../src/results/store.js';
import type { ImplementedStrategy } from '../../src/model/strategies.js';
import { newRunId } from '../../src/util/labels.js';
import { npmInstall } from '../../src/workloads/npm-install.js';
import type { Workload } from '../../src/workloads/workload.js';
import { startCli } from '../helpers/cli.js';
import { currentEndpoint, leftovers, requireEngine } from '../helpers/engine.js';
import { QUIET } from '../../src/bench/stand-in-engine.js';

const scratch = mkdtempSync(join(tmpdir(), 'mountbench-it-'));
let docker: Docker;
before(async () => {
  docker = await requireEngine();
});
after(() => rmSync(scratch, { recursive: true, force: true }));

/** Run the executor (the library, not the CLI) on the current platform, without host npm, as `runId`. */
async function executeWithoutHostNpm(runId: string, workload: Workload, runs: number, strategies: ImplementedStrategy[]) {
  const probed = await probeEndpoint(currentEndpoint());
  assert.ok(probed.docker && probed.identity, probed.unreachable ?? '');
  const workDir = join(scratch, runId);
  const engine = new DockerEngine(probed.docker, probed.identity, { runId, workDir, online: false, strategies: STRATEGIES });
  const executor = new Executor({ runId, workDir, sampling: { kind: 'fixed', runs }, warmup: 0, image: null, order: 'interleaved', hostNpm: null }, QUIET);
  const name = probed.endpoint.name;
  return executor.execute([{ name, identity: probed.identity, engine }], planRun([name], strategies, [workload]));
}

describe('mountbench run on the real engine', () => {
  it('measures the small fixture under all five strategies and cleans up', async () => {
    const out = join(scratch, 'all');
    const { code, stderr, stdout } = await startCli(['run', '--fixture', 'small', '--runs', '2', '--warmup', '1', '--output', out, '--progress', 'plain']).done;
    assert.equal(code, 0, stderr);
    for (const file of ['run.json', 'results.md', 'results.csv', 'samples.csv', 'chart.svg']) assert.ok(existsSync(join(out, file)), file);
    assert.ok(!existsSync(join(out, '.work')), 'the work directory is removed');

    const doc = await readRunDocument(join(out, 'run.json'));
    assert.equal(doc.status, 'complete');
    assert.deepEqual(doc.cells.map((c) => c.strategy), ['native', 'container', 'hybrid', 'bind', 'volume']);
    for (const cell of doc.cells) {
      assert.equal(cell.status, 'ok', `${cell.strategy}: ${cell.reason}`);
      assert.equal(cell.samples.length, 3);
      assert.equal(cell.samples.filter((s) => s.warmup).length, 1);
      assert.equal(cell.summary?.n, 2);
      assert.ok(cell.summary!.median > 0.05 && cell.summary!.median < 120, `${cell.strategy} median ${cell.summary!.median}`);
      assert.ok(cell.runtime?.npm, `${cell.strategy} records the npm version`);
    }
    // The bind cell's mount type is read from inside its container, and becomes the platform's file sharing.
    const bind = doc.cells.find((c) => c.strategy === 'bind')!;
    assert.equal(bind.mounts[0].target, '/mountbench/project');
    assert.ok(bind.mounts[0].fstype, 'fstype of the bind mount');
    assert.match(bind.mounts[0].mountinfo!, / \/mountbench\/project /);
    assert.deepEqual(doc.platforms[0].identity?.fileSharing?.fstype, bind.mounts[0].fstype);
    const hybrid = doc.cells.find((c) => c.strategy === 'hybrid')!;
    assert.deepEqual(hybrid.mounts.map((m) => m.target), ['/mountbench/project', '/mountbench/project/node_modules']);
    assert.equal(doc.cells.find((c) => c.strategy === 'container')!.mounts[0].fstype, 'overlay');
    assert.equal(doc.cells.find((c) => c.strategy === 'native')!.ratioToNative?.value, 1);
    // What each sample cost: the container's cgroup CPU, read inside it, counts the same processes as the timer.
    for (const cell of doc.cells.filter((c) => c.strategy !== 'native')) {
      for (const sample of cell.samples) {
        const cost = sample.cost!;
        assert.ok(cost.containerCpuSeconds! > 0 && cost.hostCpuSeconds! > 0, `${cell.strategy}: cost recorded`);
        assert.ok(cost.peakMemoryBytes! > 0, `${cell.strategy}: peak memory`);
      }
    }
    assert.ok(doc.cells.find((c) => c.strategy === 'native')!.samples.every((s) => s.cost?.containerCpuSeconds === null), 'native has no container');
    assert.match(doc.platforms[0].cost!.sharing, /not measured: bind mounts here are a local file system/);
    assert.match(doc.platforms[0].cost!.energy, /^(RAPL|not measured: )/);
    assert.match(stdout, /Bind mount \+ volume/);
    assert.equal(await leftovers(docker, doc.id), 0);
  });

  it('records a failing workload, marks its cells failed, and still cleans up', async () => {
    const runId = newRunId();
    const failing: Workload = {
      ...npmInstall({ fixture: 'small', online: false }),
      steps: [{ name: 'install', command: () => "echo 'npm ERR! something broke' >&2; exit 3" }],
    };
    const execution = await executeWithoutHostNpm(runId, failing, 2, ['container', 'bind']);
    for (const cell of execution.cells) {
      assert.equal(cell.status, 'failed');
      assert.match(cell.reason!, /sample 1 exited with 3: npm ERR! something broke/);
      assert.equal(cell.samples.length, 1, 'a failed cell stops sampling');
      assert.equal(cell.samples[0].value, null);
      assert.match(cell.samples[0].outputTail!, /something broke/);
    }
    assert.equal(await leftovers(docker, runId), 0);
  });

  it('without npm on the host, primes the cache in a container with network, then samples offline', async () => {
    const runId = newRunId();
    const execution = await executeWithoutHostNpm(runId, npmInstall({ fixture: 'small', online: false }), 1, ['native', 'container']);
    assert.deepEqual(execution.priming.map((p) => p.how), ['npm in a container']);
    const [native, container] = execution.cells;
    assert.equal(native.status, 'skipped');
    assert.match(native.reason!, /needs node and npm on the host/);
    assert.equal(container.status, 'ok', container.reason ?? '');
    assert.equal(await leftovers(docker, runId), 0);
  });

  it('--project times a command on copies of the user project, leaves out --deps, and never modifies it', async () => {
    const project = join(scratch, 'user-project');
    mkdirSync(join(project, 'node_modules', 'left-out'), { recursive: true });
    mkdirSync(join(project, 'src'), { recursive: true });
    writeFileSync(join(project, 'src', 'index.js'), 'console.log(1)\n');
    writeFileSync(join(project, 'node_modules', 'left-out', 'big.js'), 'x\n');
    const listing = () => execFileSync('find', [project, '-printf', '%p %s %T@\n'], { encoding: 'utf8' }).split('\n').sort().join('\n');
    const before = listing();
    const out = join(scratch, 'project-run');
    // The command fails (and so would the cell) if the dependency dir was copied or the sources were not.
    const command = 'test ! -e node_modules/left-out && test -f src/index.js && mkdir -p node_modules/made && sleep 0.05';
    const { code, stderr } = await startCli(['run', '--project', project, '--command', command, '--deps', 'node_modules', '--runs', '2', '--warmup', '0', '--output', out, '--progress', 'plain']).done;
    assert.equal(code, 0, stderr);
    const doc = await readRunDocument(join(out, 'run.json'));
    assert.deepEqual(doc.settings.workloads, ['project']);
    for (const cell of doc.cells) assert.equal(cell.status, 'ok', `${cell.strategy}: ${cell.reason}`);
    assert.deepEqual(doc.cells.find((c) => c.strategy === 'hybrid')!.mounts.map((m) => m.target), ['/mountbench/project', '/mountbench/project/node_modules']);
    assert.equal(listing(), before, 'the project directory is untouched');
    assert.equal(await leftovers(docker, doc.id), 0);
  });

  it('stops cleanly on Ctrl-C: keeps what was measured, removes every container and volume', async () => {
    const out = join(scratch, 'interrupted');
    const { child, done } = startCli(['run', '--fixture', 'small', '--runs', '50', '--warmup', '0', '--output', out, '--progress', 'plain']);
    let seen = '';
    await new Promise<void>((resolve) => {
      child.stderr!.on('data', (c: Buffer) => {
        seen += c.toString();
        if (/sample 2\/50/.test(seen)) resolve();
      });
    });
    child.kill('SIGINT');
    const { code, stderr } = await done;
    assert.equal(code, 130, stderr);
    assert.match(stderr, /interrupted/);
    const doc = await readRunDocument(join(out, 'run.json'));
    assert.equal(doc.status, 'interrupted');
    assert.ok(doc.cells.some((c) => c.samples.length > 0), 'samples measured before Ctrl-C are kept');
    assert.ok(doc.cells.every((c) => c.status === 'interrupted'));
    assert.ok(!existsSync(join(out, '.work')));
    assert.equal(await leftovers(docker, doc.id), 0);
    assert.ok(readFileSync(join(out, 'results.md'), 'utf8').includes('interrupted'));
  });

  it('an image that cannot be found skips the platform with a clear reason and exits 2', async () => {
    const out = join(scratch, 'no-image');
    const { code, stderr } = await startCli(['run', '--fixture', 'small', '--strategies', 'container', '--image', 'mountbench/does-not-exist:1', '--output', out, '--progress', 'plain']).done;
    assert.equal(code, 2, stderr);
    assert.match(stderr, /image mountbench\/does-not-exist:1 is not on this platform and could not be pulled/);
    assert.match(stderr, /--image REF/);
    const doc = await readRunDocument(join(out, 'run.json'));
    assert.equal(doc.cells[0].status, 'skipped');
    assert.equal(await leftovers(docker, doc.id), 0);
  });
});
