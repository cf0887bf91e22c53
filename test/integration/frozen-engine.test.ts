// A real engine that stops answering, behind a proxy that freezes it at a moment each case chooses (see
// test/helpers/freezing-proxy.ts): the run neither hangs nor loses what it measured. Frozen mid-sample, the run ends
// on its own, the platform's cells marked with the reason and what it left said, with how to remove it; frozen while
// the project is uploaded, the sandbox fails within the deadline, naming the upload; Ctrl-C on a frozen engine
// exits 130 within seconds. After each case what that run left is removed through the real socket, as the run's own
// note says to, and nothing of it is left.
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import type Docker from 'dockerode';
import { socketPath } from '../../src/platforms/endpoint.js';
import { readRunDocument } from '../../src/results/store.js';
import { OFFLINE_IMAGE } from '../../src/docker/images.js';
import { PID_LABEL, RUN_LABEL } from '../../src/util/labels.js';
import { runCli, startCli, type CliResult } from '../helpers/cli.js';
import { currentEndpoint, leftovers, requireEngine } from '../helpers/engine.js';
import { FreezingProxy, type RequestLine } from '../helpers/freezing-proxy.js';

const DEADLINE_MS = 2000;
/** Longer than any case may take: a run still going then is hanging, and is killed. */
const HANGING_MS = 45_000;
const CASE_TIMEOUT_MS = HANGING_MS + 15_000;
const scratch = mkdtempSync(join(tmpdir(), 'mountbench-frozen-engine-'));
const project = join(scratch, 'app');
mkdirSync(join(project, 'src'), { recursive: true });
writeFileSync(join(project, 'src', 'index.js'), 'console.log(1)\n');

let docker: Docker;
let engineSocket: string;
before(async () => {
  docker = await requireEngine();
  engineSocket = socketPath(currentEndpoint().host)!;
  assert.ok(engineSocket, 'the engine is reached on a unix socket');
});
after(() => rmSync(scratch, { recursive: true, force: true }));

interface FrozenRun {
  proxy: FreezingProxy;
  child: ChildProcess;
  done: Promise<CliResult & { seconds: number }>;
  out: string;
  /** Resolves with the first line of the run's progress matching `pattern`. */
  line(pattern: RegExp): Promise<string>;
  /** Freezes the engine as soon as a request matching `test` goes through; fails if the run ends first. */
  freezeOn(test: (request: RequestLine) => boolean): Promise<void>;
}

let current: FrozenRun | null = null;

/** `mountbench run` of the small project in a container, through a proxy of the real engine not yet frozen. */
async function startRun(name: string, extra: string[] = []): Promise<FrozenRun> {
  const proxy = await FreezingProxy.start(join(scratch, `${name}.sock`), engineSocket);
  const out = join(scratch, name);
  const args = ['run', '--project', project, '--command', 'sleep 1', '--strategies', 'container', '--image', OFFLINE_IMAGE, '--warmup', '0', '--no-history', '--progress', 'plain', '-o', out, ...extra];
  const started = Date.now();
  const { child, done } = startCli(args, { DOCKER_HOST: `unix://${proxy.socketPath}`, MOUNTBENCH_API_DEADLINE_MS: String(DEADLINE_MS), DOCKER_CONFIG: join(scratch, 'no-docker-config') });
  const killer = setTimeout(() => child.kill('SIGKILL'), HANGING_MS);
  const timed = done.then((result) => (clearTimeout(killer), { ...result, seconds: (Date.now() - started) / 1000 }));
  const line = (pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      let text = '';
      const onData = (chunk: Buffer) => {
        text += chunk.toString();
        const found = text.split('\n').find((l) => pattern.test(l));
        if (found === undefined) return;
        child.stderr!.off('data', onData);
        resolve(found);
      };
      child.stderr!.on('data', onData);
      void timed.then((r) => reject(new Error(`the run ended before printing ${pattern}:\n${r.stderr}`)));
    });
  const freezeOn = (test: (request: RequestLine) => boolean) =>
    Promise.race([proxy.freezeOn(test).then(() => undefined), timed.then((r) => Promise.reject(new Error(`the run ended before the freeze:\n${r.stderr}`)))]);
  current = { proxy, child, done: timed, out, line, freezeOn };
  return current;
}

/** The ids of the runs the child process labelled its objects with, asked of the real engine. */
async function runIdsOf(pid: number): Promise<string[]> {
  const filters = JSON.stringify({ label: [`${PID_LABEL}=${pid}`] });
  const containers = await docker.listContainers({ all: true, filters });
  const { Volumes } = await docker.listVolumes({ filters });
  return [...new Set([...containers, ...(Volumes ?? [])].map((o) => o.Labels?.[RUN_LABEL]).filter((id): id is string => !!id))];
}

// Whatever a case asserted, its run is stopped, its proxy closed and what it left removed through the real socket
// by `mountbench clean --run ID` (the run's own advice), only that run's objects; then nothing of it may be left.
afterEach(async () => {
  if (!current) return;
  const { proxy, child, done, out } = current;
  current = null;
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await done;
  await proxy.close();
  const ids = new Set(await runIdsOf(child.pid!));
  if (existsSync(join(out, 'run.json'))) ids.add((await readRunDocument(join(out, 'run.json'))).id);
  for (const id of ids) {
    const clean = await runCli(['clean', '--run', id], { DOCKER_HOST: `unix://${engineSocket}` });
    assert.equal(clean.code, 0, clean.stderr);
    assert.equal(await leftovers(docker, id), 0, `run ${id} left objects on the engine`);
  }
});

describe('a run whose engine freezes', () => {
  it('mid-sample: ends on its own, keeps the samples taken, marks the platform with the reason and says how to remove what it left', { timeout: CASE_TIMEOUT_MS }, async () => {
    const run = await startRun('mid-sample', ['--runs', '3']);
    await run.line(/container sample 1\/3: /);
    // The next command in the container starts, and its output never comes back.
    await run.freezeOn((r) => r.method === 'POST' && /\/exec\/[^/]+\/start$/.test(r.path));
    const { code, stderr, stdout, seconds } = await run.done;
    assert.ok(seconds < 30, `took ${seconds} s`);
    assert.doesNotMatch(stderr + stdout, /\n\s+at .+:\d+:\d+/, 'no stack trace');
    const doc = await readRunDocument(join(run.out, 'run.json'));
    const [cell] = doc.cells;
    assert.equal(doc.cells.length, 1);
    assert.equal(cell.status, 'interrupted');
    assert.match(cell.reason ?? '', /^the engine stopped answering \(the engine did not answer .+ within 2 s.*\); the rest of this platform was skipped$/);
    assert.equal(cell.samples.length, 1, 'the sample measured before the freeze is kept, the one cut short is not a sample');
    assert.equal(cell.samples[0].exitCode, 0);
    assert.ok(cell.samples[0].value! >= 1, 'sleep 1 took at least a second');
    assert.ok([0, 1, 2].includes(code!), `exit ${code}`);
    assert.match(stderr, new RegExp(`the containers and volumes labelled mountbench\\.run=${doc.id} may still be there: the engine stopped answering .*; mountbench clean --run ${doc.id} tries again once it answers`));
    assert.ok((await leftovers(docker, doc.id)) > 0, 'the frozen engine kept the sandbox, as the note says');
  });

  it('while the project is uploaded: fails the sandbox within the deadline, naming the upload', { timeout: CASE_TIMEOUT_MS }, async () => {
    const run = await startRun('upload', ['--runs', '1']);
    await run.freezeOn((r) => r.method === 'PUT' && /\/containers\/[^/]+\/archive$/.test(r.path));
    const { stderr, seconds } = await run.done;
    assert.ok(seconds < 30, `took ${seconds} s`);
    const doc = await readRunDocument(join(run.out, 'run.json'));
    const [cell] = doc.cells;
    assert.equal(cell.samples.length, 0);
    assert.match(cell.reason ?? '', new RegExp(`the engine .*the upload of ${project} into /mountbench/project .*2 s`), stderr);
  });

  it('Ctrl-C while frozen: exits 130 within seconds and keeps run.json', { timeout: CASE_TIMEOUT_MS }, async () => {
    const run = await startRun('ctrl-c', ['--runs', '1']);
    // Frozen in the middle of the upload, which alone would wait for its stall deadline.
    await run.freezeOn((r) => r.method === 'PUT' && /\/containers\/[^/]+\/archive$/.test(r.path));
    const sent = Date.now();
    run.child.kill('SIGINT');
    const { code, stderr } = await run.done;
    const seconds = (Date.now() - sent) / 1000;
    assert.equal(code, 130, stderr);
    assert.ok(seconds < DEADLINE_MS / 1000 + 6, `took ${seconds} s after the signal`);
    const doc = await readRunDocument(join(run.out, 'run.json'));
    assert.equal(doc.status, 'interrupted');
    assert.equal(doc.cells[0].status, 'interrupted');
    assert.doesNotMatch(stderr, /\n\s+at .+:\d+:\d+/, 'no stack trace');
  });
});
