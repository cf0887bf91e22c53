// The VM lab (scripts/vm-lab.sh: QEMU, virtiofs or 9p) as a real VM platform: mountbench must identify it from its
// own answers, say plainly when a directory is outside its shares, run every workload under every strategy on it,
// find the Mac shape through its share, and `down --vm` must leave nothing. In CI these tests bring the lab up
// themselves; elsewhere they skip, with the reason, when it is down (bash scripts/sharing-lab.sh up --vm, or
// MOUNTBENCH_VM_TESTS=1). The last test takes the lab down.
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import Docker from 'dockerode';
import type { PlatformReport } from '../../src/doctor/platform-report.js';
import type { Listed } from '../../src/platforms/list.js';
import { readRunDocument } from '../../src/results/store.js';
import { assertEvery } from '../helpers/assert-every.js';
import { runCli } from '../helpers/cli.js';
import { leftovers } from '../helpers/engine.js';
import { cellOf, EXPECTED_MEASURES, SMALL_SIZES } from '../helpers/workloads.js';

const LAB = fileURLToPath(new URL('../../scripts/sharing-lab.sh', import.meta.url));
const STATE = '/run/mountbench-vm';
const DATA = '/var/lib/mountbench-vm';
const VM = 'mountbench-vm';

/** What scripts/vm-lab.sh wrote in /run/mountbench-vm/lab.json (the fields these tests read). */
interface LabFacts {
  context: string;
  endpoint: string;
  accel: 'kvm' | 'tcg';
  share: 'virtiofs' | '9p';
  sharedDirs: string[];
  kernelVersion: string;
  qemuPid: number;
  virtiofsdPids: number[];
}

/** The lab's facts when it is up and its engine answers; otherwise why the tests are skipped. */
function labUp(): LabFacts | string {
  let facts: LabFacts;
  try {
    facts = JSON.parse(readFileSync(join(STATE, 'lab.json'), 'utf8')) as LabFacts;
  } catch {
    return `the VM lab is not up (no ${STATE}/lab.json): bash scripts/sharing-lab.sh up --vm`;
  }
  const answer = spawnSync('docker', ['-H', facts.endpoint, 'version'], { timeout: 15_000, stdio: 'ignore' });
  return answer.status === 0 ? facts : `the VM lab's engine does not answer at ${facts.endpoint} (run: bash scripts/sharing-lab.sh down --vm, then up --vm)`;
}

/** In CI (or with MOUNTBENCH_VM_TESTS=1) these tests bring the lab up themselves; elsewhere they skip when it is down:
 * its first up builds a guest (about 6 minutes on 2 cores without KVM) and its tests take about 19 more. */
const BRING_UP = process.env.CI === 'true' || process.env.MOUNTBENCH_VM_TESTS === '1';

/** Bring the lab up when asked and not up yet; what failed, when it did. */
function bringUp(): string | null {
  if (!BRING_UP || typeof labUp() !== 'string') return null;
  const result = spawnSync('bash', [LAB, 'up', '--vm'], { encoding: 'utf8', stdio: ['ignore', 2, 'pipe'] });
  process.stderr.write(result.stderr ?? '');
  return result.status === 0 ? null : `bash scripts/sharing-lab.sh up --vm failed (exit ${result.status}): ${(result.stderr ?? '').trim().split('\n').at(-1)}`;
}

const upFailure = bringUp();
const up = labUp();
const skip = upFailure === null && typeof up === 'string' ? `${up} (or set MOUNTBENCH_VM_TESTS=1 to let these tests bring it up)` : false;
const facts = typeof up === 'string' ? null : up;
const under = (dir: string, parent: string) => dir === parent || dir.startsWith(`${parent}/`);
// Run directories under a shared directory, for bind mounts to cross into the VM (the lab shares /tmp by default).
const sharedRoot = facts ? (facts.sharedDirs.find((d) => d === '/tmp') ?? facts.sharedDirs[0]) : null;
const scratch = sharedRoot ? mkdtempSync(join(sharedRoot, 'mountbench-vm-')) : null;
// A directory no share covers: the VM has none of it (/srv exists in the guest, empty).
const outside = facts ? join(['/srv', '/opt', '/mnt'].find((d) => !facts.sharedDirs.some((s) => under(d, s)))!, `mountbench-vm-test-${process.pid}`) : null;

function lab(...args: string[]): string {
  return execFileSync('bash', [LAB, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function vmDocker(): Docker {
  const url = new URL(facts!.endpoint);
  return new Docker({ host: url.hostname, port: Number(url.port), protocol: 'http' });
}

async function vmRun(name: string, args: string[]) {
  const out = join(scratch!, name);
  const result = await runCli(['run', '--platform', VM, ...args, '--warmup', '0', '--output', out, '--progress', 'plain'], { MOUNTBENCH_HISTORY: join(scratch!, 'history.jsonl') });
  return { ...result, out, doc: existsSync(join(out, 'run.json')) ? await readRunDocument(join(out, 'run.json')) : null };
}

/** Live qemu and virtiofsd processes of the lab (zombies run nothing and do not count). */
function labProcesses(): string[] {
  return execFileSync('ps', ['-eo', 'stat=,args='], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => /qemu-system|virtiofsd|mountbench-vm/.test(line) && !line.trim().startsWith('Z') && !line.includes('ps -eo'));
}

/** What a lab that is down must not have left: processes, sockets, state, the guest's overlay, its context, mounts. */
function leftBehind(): string[] {
  const found = labProcesses().map((p) => `process ${p.trim()}`);
  for (const path of [STATE, DATA]) if (existsSync(path)) found.push(`file ${path}`);
  const contexts = execFileSync('docker', ['context', 'ls', '--format', '{{.Name}}'], { encoding: 'utf8' }).split('\n');
  if (contexts.includes(VM)) found.push(`context ${VM}`);
  for (const line of readFileSync('/proc/self/mountinfo', 'utf8').split('\n')) {
    if (/ (virtiofs|9p) | \/(run|var\/lib)\/mountbench-vm/.test(line)) found.push(`mount ${line}`);
  }
  return found;
}

after(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  if (outside) rmSync(outside, { recursive: true, force: true });
});

describe('the VM lab: an engine in a QEMU VM sharing files through virtiofs or 9p', { skip }, () => {
  it('comes up (brought up by these tests in CI)', () => {
    assert.equal(upFailure, null);
    assert.equal(typeof up, 'object', String(up));
  });

  it('platforms identifies it as an engine in a Linux VM: its kernel, its share, the hypervisor and accelerator', async () => {
    const { code, stdout, stderr } = await runCli(['platforms', '--json'], {}, { cwd: scratch! });
    assert.equal(code, 0, stderr);
    const vm = (JSON.parse(stdout) as Listed[]).find((l) => l.name === VM);
    assert.ok(vm?.identity, `${VM} is listed and answers: ${vm?.note}`);
    assert.equal(vm.identity.kind, 'linux-vm');
    assert.equal(vm.identity.engine.kernel, facts!.kernelVersion);
    assert.deepEqual([vm.identity.fileSharing?.mechanism, vm.identity.fileSharing?.fstype], [facts!.share, facts!.share]);
    assert.equal(vm.identification?.vm?.type, `qemu-${facts!.accel}`);
    assert.match(vm.identity.label, new RegExp(`^Docker in a Linux VM \\(QEMU, ${facts!.accel.toUpperCase()}\\)`));
    assert.equal(vm.notShared, null);
  });

  it('says in plain words that a directory outside its shares is not shared, lists the shares, and doctor has it as a finding', async () => {
    mkdirSync(outside!, { recursive: true });
    const listed = await runCli(['platforms', '--json'], {}, { cwd: outside! });
    assert.equal(listed.code, 0, listed.stderr);
    const vm = (JSON.parse(listed.stdout) as Listed[]).find((l) => l.name === VM)!;
    assert.ok(vm.notShared, `${VM}: ${vm.note}`);
    assert.deepEqual(vm.notShared.shares?.map((s) => [s.path, s.mechanism]), facts!.sharedDirs.map((d) => [d, facts!.share]));
    assert.match(vm.note!, new RegExp(`^${outside} is not shared with ${VM}'s VM, so its containers cannot see it through a bind mount`));
    assert.match(vm.note!, /To measure bind mounts there: move the project, or the run directory \(--output DIR\), under a shared directory/);

    const doctor = await runCli(['doctor', '--json', '--project', outside!]);
    assert.equal(doctor.code, 0, doctor.stderr);
    const report = (JSON.parse(doctor.stdout) as PlatformReport[]).find((r) => r.name === VM)!;
    const finding = report.findings.find((f) => f.severity === 'broken' && f.text.startsWith(`${outside} is not shared with ${VM}'s VM`));
    assert.ok(finding, JSON.stringify(report.findings.map((f) => f.text)));
    assert.match(finding.fix?.how ?? '', new RegExp(`^move the project under ${facts!.sharedDirs.join(' or ')}`));

    // A run there skips the platform with that reason before any sample, never with the engine's raw refusal.
    const out = join(outside!, 'run');
    const run = await runCli(['run', '--platform', VM, '--workload', 'files', '--files', '20', '--strategies', 'bind', '--runs', '1', '--warmup', '0', '--output', out, '--progress', 'plain']);
    assert.notEqual(run.code, 0);
    const doc = await readRunDocument(join(out, 'run.json'));
    assert.match(doc.platforms[0].error ?? '', new RegExp(`^${out}\\S* is not shared with ${VM}'s VM`));
    assert.equal(doc.cells.flatMap((c) => c.samples).length, 0, 'no sample was taken');
    assert.doesNotMatch(run.stderr + run.stdout, /^.*invalid mount config/m);
  });

  it('with DOCKER_HOST at the VM and the host socket present: two endpoints, distinct names, each its own engine', async () => {
    assert.ok(existsSync('/var/run/docker.sock'), 'the host engine listens at /var/run/docker.sock');
    const { code, stdout, stderr } = await runCli(['platforms', '--json'], { DOCKER_HOST: facts!.endpoint, DOCKER_CONFIG: join(scratch!, 'empty-docker-config') }, { cwd: scratch! });
    assert.equal(code, 0, stderr);
    const listed = JSON.parse(stdout) as Listed[];
    const fromEnv = listed.find((l) => l.endpoint === facts!.endpoint);
    const host = listed.find((l) => l.endpoint === 'unix:///var/run/docker.sock');
    assert.ok(fromEnv?.identity && host?.identity, JSON.stringify(listed.map((l) => [l.name, l.endpoint, l.reason])));
    assert.notEqual(fromEnv.name, host.name);
    assert.equal(fromEnv.identity.engine.kernel, facts!.kernelVersion);
    assert.equal(host.identity.engine.kernel, execFileSync('uname', ['-r'], { encoding: 'utf8' }).trim());
    assert.equal(fromEnv.identity.kind, 'linux-vm');
    assert.equal(host.identity.kind, 'docker-linux');
    const ids = await Promise.all([vmDocker().info(), new Docker({ socketPath: '/var/run/docker.sock' }).info()]);
    assert.notEqual(ids[0].ID, ids[1].ID, 'two engines');
  });

  it('runs every workload at small sizes under native, bind, hybrid and volume; host events miss a watcher behind the share; the sharing layer costs CPU', async () => {
    const { code, stderr, doc } = await vmRun('workloads', ['--workload', 'all', ...SMALL_SIZES, '--strategies', 'native,hybrid,bind,volume', '--runs', '1']);
    assert.equal(code, 0, stderr);
    assert.ok(doc);
    assert.deepEqual(doc.settings.workloads, Object.keys(EXPECTED_MEASURES));
    assert.equal(doc.platforms[0].identity?.kind, 'linux-vm');
    assertEvery(doc.cells, (c) => c.status === 'ok', 'every cell ran');
    for (const cell of doc.cells.filter((c) => c.strategy === 'bind')) assert.equal(cell.mounts[0].fstype, facts!.share, cell.id);
    // Writes on the host never reach an inotify watcher behind virtiofs or 9p: hot reload needs polling there.
    for (const strategy of ['bind', 'hybrid']) assert.equal(cellOf(doc, 'watch', 'missed', strategy).summary!.median, 100, strategy);
    for (const strategy of ['native', 'volume']) assert.equal(cellOf(doc, 'watch', 'missed', strategy).summary!.median, 0, strategy);
    // What sharing costs: the VM's processes on the host (qemu, virtiofsd), found from the endpoint's owner.
    assert.match(doc.platforms[0].cost?.sharing ?? '', /^CPU of the processes serving the bind mounts: .*\b(qemu|virtiofsd)/);
    assertEvery(doc.cells.filter((c) => c.strategy === 'bind' && c.summary?.cost), (c) => c.summary!.cost!.sharingCpuSeconds! > 0, 'sharing-layer CPU of the bind cells');
    // Cold passes drop the VM kernel's caches (a privileged helper), and for a bind mount the host's behind the share.
    for (const strategy of ['bind', 'volume']) {
      const notes = cellOf(doc, 'traverse', 'cold', strategy).notes.join(' ');
      assert.match(notes, /cold pass: caches dropped in the engine's kernel/, `${strategy}: ${notes}`);
      assert.doesNotMatch(notes, /not fully cold/, strategy);
    }
    assert.match(cellOf(doc, 'traverse', 'cold', 'bind').notes.join(' '), /and on the host behind the share/);
    // The VM's own load beside each sample timed in its containers (read from its /proc/stat); none beside native's.
    const files = doc.cells.filter((c) => c.workload === 'files');
    assertEvery(files.filter((c) => c.strategy !== 'native').flatMap((c) => c.samples), (s) => s.vmOtherLoad === null || (s.vmOtherLoad! >= 0 && s.vmOtherLoad! <= 1), 'a VM load, or null');
    assertEvery(files.filter((c) => c.strategy === 'native').flatMap((c) => c.samples), (s) => !('vmOtherLoad' in s), 'no VM load on the host');
    assert.equal(await leftovers(vmDocker(), doc.id), 0);
  });

  it(`runs sync for one workload: the volume kept in step by unison`, async () => {
    const { code, stderr, doc } = await vmRun('sync', ['--workload', 'files', '--files', '100', '--strategies', 'sync', '--runs', '1']);
    assert.equal(code, 0, stderr);
    assert.ok(doc);
    assertEvery(doc.cells, (c) => c.status === 'ok' && c.sync?.engine === 'unison' && c.sync.correctness?.passed === true, 'sync cells');
    assert.equal(await leftovers(vmDocker(), doc.id), 0);
  });

  it('bind mounts are slower than volumes for files create and stat through the share (a ratio inside the VM)', async () => {
    const { code, stderr, doc } = await vmRun('files', ['--workload', 'files', '--files', '500', '--strategies', 'bind,volume', '--runs', '3']);
    assert.equal(code, 0, stderr);
    assert.ok(doc);
    // The shared disk's noise only ever adds time: the fastest sample of a cell is its least disturbed one.
    for (const measure of ['create', 'stat']) {
      const ratio = cellOf(doc, 'files', measure, 'bind').summary!.min / cellOf(doc, 'files', measure, 'volume').summary!.min;
      assert.ok(ratio >= 1.5, `files ${measure} bind/volume ${ratio.toFixed(2)} through ${facts!.share} should be at least 1.5`);
    }
  });

  it('down --vm leaves no qemu, virtiofsd, socket, context, mount or guest file behind, also after an up that was killed', async () => {
    const pids = [facts!.qemuPid, ...facts!.virtiofsdPids];
    lab('down', '--vm');
    assert.deepEqual(leftBehind(), []);
    for (const pid of pids) assert.equal(existsSync(`/proc/${pid}`), false, `pid ${pid} ended`);
    // An up killed while its guest boots (as a CI job that times out): down still removes everything.
    const killed = spawn('bash', [LAB, 'up', '--vm', '--share', facts!.share], { stdio: 'ignore', detached: true });
    const deadline = Date.now() + 60_000;
    while (!existsSync(join(STATE, 'qemu.pid')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    assert.ok(existsSync(join(STATE, 'qemu.pid')), 'the killed up got as far as starting QEMU');
    process.kill(-killed.pid!, 'SIGKILL');
    lab('down', '--vm');
    assert.deepEqual(leftBehind(), []);
  });
});
