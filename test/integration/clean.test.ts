// `mountbench clean` on the real engine: it removes what crashed runs left, never what a live run owns, says what it
// would remove with --dry-run, and refuses an empty --run. Every object here belongs to runs of this test alone
// (each clean is narrowed with --run), so runs of other processes on the same engine are never touched.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type Docker from 'dockerode';
import { DockerEngine } from '../../src/bench/docker-engine.js';
import { OFFLINE_IMAGE } from '../../src/docker/images.js';
import { RUN_ENV, RUN_PID_ENV } from '../../src/bench/run-processes.js';
import { STRATEGIES } from '../../src/strategies/registry.js';
import { contextDigest, discoverEndpoints } from '../../src/platforms/discover.js';
import { HOST_LABEL, labels, newRunId, PID_LABEL, RUN_LABEL } from '../../src/util/labels.js';
import { runCli } from '../helpers/cli.js';
import { leftovers, requireEngine } from '../helpers/engine.js';

let docker: Docker;
const runs = { live: newRunId(), crashed: newRunId(), older: newRunId() };

/** A pid that was alive a moment ago and is not now: a crashed run's. */
function deadPid(): number {
  return Number(spawnSync('sh', ['-c', 'echo $$']).stdout.toString().trim());
}

before(async () => {
  docker = await requireEngine();
  const owner = { [HOST_LABEL]: hostname() };
  await docker.createVolume({ Name: `mountbench-clean-test-${runs.live}`, Labels: { [RUN_LABEL]: runs.live, ...owner, [PID_LABEL]: String(process.pid) } });
  await docker.createVolume({ Name: `mountbench-clean-test-${runs.crashed}`, Labels: { [RUN_LABEL]: runs.crashed, ...owner, [PID_LABEL]: String(deadPid()) } });
  // A run of a mountbench from before the owner labels: nothing says it is alive.
  await docker.createVolume({ Name: `mountbench-clean-test-${runs.older}`, Labels: { [RUN_LABEL]: runs.older } });
});
after(async () => {
  for (const run of Object.values(runs)) await docker.getVolume(`mountbench-clean-test-${run}`).remove({ force: true }).catch(() => undefined);
});

describe('mountbench clean', () => {
  it('leaves a live run\'s objects where they are, and says whose they are', async () => {
    const { code, stdout } = await runCli(['clean', '--run', runs.live]);
    assert.equal(code, 0);
    assert.match(stdout, /removed 0 container\(s\) and 0 volume\(s\)/);
    assert.match(stdout, new RegExp(`left run ${runs.live}: still running \\(process ${process.pid}\\)`));
    assert.equal(await leftovers(docker, runs.live), 1);
  });
  it('with --dry-run says what it would remove and removes nothing', async () => {
    const { code, stdout } = await runCli(['clean', '--run', runs.older, '--dry-run']);
    assert.equal(code, 0);
    assert.match(stdout, /would remove 0 container\(s\) and 1 volume\(s\)/);
    assert.equal(await leftovers(docker, runs.older), 1);
  });
  it('removes what a crashed run left, and what a run without owner labels left', async () => {
    for (const run of [runs.crashed, runs.older]) {
      const { code, stdout } = await runCli(['clean', '--run', run]);
      assert.equal(code, 0);
      assert.match(stdout, /removed 0 container\(s\) and 1 volume\(s\)/);
      assert.equal(await leftovers(docker, run), 0);
    }
  });
  it('refuses an empty --run, which used to mean every run', async () => {
    const { code, stderr } = await runCli(['clean', '--run', '']);
    assert.equal(code, 64);
    assert.match(stderr, /--run needs a run id/);
  });
});

describe('mountbench clean --platform', () => {
  it("narrowed to another platform, leaves the engine's leftovers alone; narrowed to the engine's name, removes them", async () => {
    // The platforms found: the engine this test runs on, and a context of our own, "elsewhere", with no engine behind it.
    const config = mkdtempSync(join(tmpdir(), 'mountbench-clean-config-'));
    const meta = join(config, 'contexts', 'meta', contextDigest('elsewhere'));
    mkdirSync(meta, { recursive: true });
    writeFileSync(join(meta, 'meta.json'), JSON.stringify({ Name: 'elsewhere', Endpoints: { docker: { Host: `unix://${join(config, 'no-engine.sock')}` } } }));
    const env = { DOCKER_CONFIG: config };
    const found = discoverEndpoints({ env: { ...process.env, ...env }, home: homedir(), context: undefined });
    const engine = found.find((e) => e.current);
    assert.ok(engine && engine.name !== 'elsewhere', found.map((e) => e.name).join(', '));
    assert.ok(found.some((e) => e.name === 'elsewhere'), 'the other platform is listed');
    const run = newRunId();
    const volume = `mountbench-clean-test-${run}`;
    await docker.createVolume({ Name: volume, Labels: { [RUN_LABEL]: run, [HOST_LABEL]: hostname(), [PID_LABEL]: String(deadPid()) } });
    try {
      const other = await runCli(['clean', '--run', run, '--platform', 'elsewhere'], env);
      assert.equal(other.code, 2, `only "elsewhere" was asked, and it does not answer: ${other.stderr}`);
      assert.doesNotMatch(other.stdout, new RegExp(`^${engine.name}:`, 'm'));
      assert.equal(await leftovers(docker, run), 1, "the engine's leftovers are left alone");

      const own = await runCli(['clean', '--run', run, '--platform', engine.name], env);
      assert.equal(own.code, 0, own.stderr);
      assert.match(own.stdout, new RegExp(`^${engine.name}: removed 0 container\\(s\\) and 1 volume\\(s\\)$`, 'm'));
      assert.doesNotMatch(own.stdout, /^elsewhere:/m);
      assert.equal(await leftovers(docker, run), 0);
    } finally {
      await docker.getVolume(volume).remove({ force: true }).catch(() => undefined);
      rmSync(config, { recursive: true, force: true });
    }
  });
});

describe('a run\'s own clean-up', () => {
  it('counts again what is left, and says what could not be removed and why', async () => {
    const runId = newRunId();
    const volume = `mountbench-clean-test-in-use-${runId}`;
    await docker.createVolume({ Name: volume, Labels: labels(runId, 'cell') });
    // A container of someone else's (unlabelled) holds the volume: the engine refuses to remove it.
    const holder = await docker.createContainer({ Image: OFFLINE_IMAGE, Cmd: ['true'], HostConfig: { Mounts: [{ Type: 'volume', Source: volume, Target: '/held' }] } });
    try {
      const identity = { name: 'default', kind: 'docker-linux', endpoint: 'unix:///var/run/docker.sock', engine: { product: 'x', version: '1', apiVersion: null, os: 'Linux', kernel: 'k', arch: 'x86_64', cpus: 1, memoryBytes: 1, storageDriver: null } };
      const engine = new DockerEngine(docker, identity, { runId, workDir: '/nonexistent', online: false, strategies: STRATEGIES });
      const left = await engine.cleanUp();
      assert.equal(left.length, 1, left.join('\n'));
      assert.match(left[0], new RegExp(`default: 0 container\\(s\\) and 1 volume\\(s\\) labelled mountbench.run=${runId} could not be removed`));
      assert.match(left[0], /in use/);
    } finally {
      await holder.remove({ force: true });
      await docker.getVolume(volume).remove({ force: true });
    }
  });
});

describe('mountbench clean on the host', () => {
  it('removes the work copies and relay directories of a crashed run, and leaves a live run\'s', async () => {
    const registry = mkdtempSync(join(tmpdir(), 'mountbench-runs-'));
    const crashed = newRunId();
    const live = newRunId();
    const work = (id: string) => join(registry, `${id}-work`);
    const relay = (id: string) => join(tmpdir(), `mountbench-sync-${id}-test`);
    try {
      for (const [id, pid] of [[crashed, deadPid()], [live, process.pid]] as const) {
        mkdirSync(work(id));
        mkdirSync(relay(id));
        writeFileSync(join(registry, `${id}.json`), JSON.stringify({ id, pid, host: hostname(), startedAt: new Date().toISOString(), workDir: work(id) }));
      }
      const env = { MOUNTBENCH_RUNS_DIR: registry };
      const dry = await runCli(['clean', '--run', crashed, '--dry-run'], env);
      assert.match(dry.stdout, new RegExp(`host: would remove the work copies of crashed run ${crashed}`));
      assert.ok(existsSync(work(crashed)), 'a dry run removes nothing');
      for (const id of [crashed, live]) assert.equal((await runCli(['clean', '--run', id], env)).code, 0);
      assert.deepEqual([existsSync(work(crashed)), existsSync(relay(crashed)), existsSync(join(registry, `${crashed}.json`))], [false, false, false]);
      assert.deepEqual([existsSync(work(live)), existsSync(relay(live))], [true, true], 'a live run keeps its work copies and relays');
    } finally {
      rmSync(registry, { recursive: true, force: true });
      for (const id of [crashed, live]) rmSync(relay(id), { recursive: true, force: true });
    }
  });
});

/** A process that runs until ended, and the pid of the child it started, as a native sample's group does (detached:
 * the shell leads a group of its own), marked with `env`. */
async function startMarked(env: Record<string, string>): Promise<{ leader: number; child: number }> {
  const sh = spawn('sh', ['-c', 'sleep 300 & echo $!; wait'], { env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'ignore'] });
  const child = await new Promise<number>((resolve) => sh.stdout.once('data', (c: Buffer) => resolve(Number(c.toString().trim()))));
  sh.unref();
  return { leader: sh.pid!, child };
}

/** Still running: there, and not a zombie waiting for its parent. */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

describe('mountbench clean and the host processes of runs', { skip: process.platform !== 'linux' && 'processes are looked for on Linux only' }, () => {
  it('ends a crashed run\'s native process group, and leaves a live run\'s processes', async () => {
    const registry = mkdtempSync(join(tmpdir(), 'mountbench-runs-'));
    const crashed = newRunId();
    const registeredLive = newRunId();
    const ownerLive = newRunId();
    const started: number[] = [];
    try {
      // A live run in the registry (this test's process is its mountbench); another known live by the process it names.
      writeFileSync(join(registry, `${registeredLive}.json`), JSON.stringify({ id: registeredLive, pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), workDir: join(registry, 'none') }));
      const orphan = await startMarked({ [RUN_ENV]: crashed, [RUN_PID_ENV]: String(deadPid()) });
      const byRegistry = await startMarked({ [RUN_ENV]: registeredLive });
      const byOwner = await startMarked({ [RUN_ENV]: ownerLive, [RUN_PID_ENV]: String(process.pid) });
      for (const p of [orphan, byRegistry, byOwner]) started.push(p.leader, p.child);
      const env = { MOUNTBENCH_RUNS_DIR: registry };

      const dry = await runCli(['clean', '--run', crashed, '--dry-run'], env);
      assert.match(dry.stdout, new RegExp(`host: would end process ${orphan.leader} and its group of crashed run ${crashed} \\(sh -c sleep 300`));
      assert.ok(running(orphan.leader) && running(orphan.child), 'a dry run ends nothing');

      const cleaned = await runCli(['clean', '--run', crashed], env);
      assert.equal(cleaned.code, 0, cleaned.stderr);
      assert.match(cleaned.stdout, /host: ended 2 process\(es\) of crashed runs/);
      assert.deepEqual([running(orphan.leader), running(orphan.child)], [false, false], 'the group and the child it started are gone');

      for (const id of [registeredLive, ownerLive]) {
        const { code, stdout } = await runCli(['clean', '--run', id], env);
        assert.equal(code, 0);
        assert.doesNotMatch(stdout, /end(ed|ing)? process/);
      }
      assert.deepEqual([byRegistry, byOwner].flatMap((p) => [running(p.leader), running(p.child)]), [true, true, true, true], 'a live run\'s processes are left');
    } finally {
      for (const pid of started) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // ended by the test
        }
      }
      rmSync(registry, { recursive: true, force: true });
    }
  });
});
