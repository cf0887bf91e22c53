// The sharing lab and Podman as real platforms: mountbench must identify them from their own answers, find the
// Mac-like shape (bind mounts slow through FUSE, volumes fast, host engine flat), and `down` must leave nothing.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Docker from 'dockerode';
import { fileURLToPath } from 'node:url';
import type { PlatformReport } from '../../src/doctor/platform-report.js';
import { readRunDocument } from '../../src/results/store.js';
import { runCli } from '../helpers/cli.js';
import { leftovers, requireEngine } from '../helpers/engine.js';
import { cellOf, EXPECTED_MEASURES, SMALL_SIZES } from '../helpers/workloads.js';

const LAB = fileURLToPath(new URL('../../scripts/sharing-lab.sh', import.meta.url));
// The lab shares this repository and /tmp through sshfs; the run directory must be under one of them for bind mounts
// to cross.
const scratch = mkdtempSync('/tmp/mountbench-lab-');

function lab(...args: string[]): string {
  return execFileSync('bash', [LAB, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Every FUSE mount of any process on the machine (the lab's live in its own mount namespace). */
function fuseMountsAnywhere(): string[] {
  const found = new Set<string>();
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      for (const line of readFileSync(`/proc/${pid}/mountinfo`, 'utf8').split('\n')) {
        if (/ - fuse(\.sshfs)? /.test(line)) found.add(line.split(' ')[4]);
      }
    } catch {
      // the process ended while we looked
    }
  }
  return [...found];
}

/** Live processes of the lab (zombies, waiting for init to reap them, run nothing and do not count). */
function labProcesses(): string[] {
  return execFileSync('ps', ['-eo', 'stat=,args='], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => /mblab|sshfs|bindfs|podman system service/.test(line) && !line.trim().startsWith('Z'))
    .filter((line) => !line.includes('ps -eo'));
}

function netLinks(): string {
  return execFileSync('ip', ['-o', 'link', 'show'], { encoding: 'utf8' })
    .split('\n')
    .map((l) => l.split(':')[1]?.trim().split('@')[0])
    .filter((name) => name && !name.startsWith('veth'))
    .sort()
    .join(',');
}

const linksBefore = { value: '' };

before(async () => {
  await requireEngine();
  linksBefore.value = netLinks();
  lab('up', '--podman');
});
after(() => rmSync(scratch, { recursive: true, force: true }));

describe('sharing lab and Podman', () => {
  it('platforms identifies the lab (a Linux engine with sshfs bind mounts) and Podman', async () => {
    const { code, stdout, stderr } = await runCli(['platforms', '--json']);
    assert.equal(code, 0, stderr);
    const listed = JSON.parse(stdout) as Array<{ name: string; identity: { kind: string; fileSharing: { mechanism: string; fstype: string } } | null }>;
    const labEngine = listed.find((p) => p.name === 'mountbench-lab')!;
    assert.equal(labEngine.identity?.kind, 'docker-linux');
    assert.deepEqual([labEngine.identity?.fileSharing.mechanism, labEngine.identity?.fileSharing.fstype], ['sshfs', 'fuse.sshfs']);
    const podman = listed.find((p) => p.identity?.kind === 'podman')!;
    assert.ok(podman, 'Podman is listed and identified as podman');
    assert.equal(podman.identity?.fileSharing.mechanism, 'none');
  });

  it('shows the Mac shape: bind slower than volume through sshfs, flat on the host engine', async () => {
    const out = join(scratch, 'shape');
    const { code, stderr } = await runCli([
      'run', '--platform', 'default,mountbench-lab', '--fixture', 'medium', '--strategies', 'bind,volume',
      '--runs', '3', '--warmup', '1', '--output', out, '--progress', 'plain',
    ]);
    assert.equal(code, 0, stderr);
    const doc = await readRunDocument(join(out, 'run.json'));
    // The shared disk's noise only ever adds time, so the fastest sample of a cell is its least disturbed one.
    const fastest = (platform: string, strategy: string) =>
      doc.cells.find((c) => c.platform === platform && c.strategy === strategy)!.summary!.min;
    const labRatio = fastest('mountbench-lab', 'bind') / fastest('mountbench-lab', 'volume');
    const hostRatio = fastest('default', 'bind') / fastest('default', 'volume');
    assert.ok(labRatio >= 1.3, `lab bind/volume ${labRatio.toFixed(2)} should be at least 1.3`);
    assert.ok(hostRatio <= 1.2, `host bind/volume ${hostRatio.toFixed(2)} should be at most 1.2`);
    // What sharing costs: the sshfs and sshd processes serving the lab's bind mounts work for bind, not for volume.
    const sharingCpu = (strategy: string) => doc.cells.find((c) => c.platform === 'mountbench-lab' && c.strategy === strategy)!.summary!.cost!.sharingCpuSeconds!;
    assert.ok(sharingCpu('bind') > 5 * Math.max(sharingCpu('volume'), 0.01), `lab sharing-layer CPU: bind ${sharingCpu('bind')} s, volume ${sharingCpu('volume')} s`);
    assert.match(doc.platforms.find((p) => p.name === 'mountbench-lab')!.cost!.sharing, /sshfs, ssh, sshd/);
    const mechanism = (platform: string) => doc.cells.find((c) => c.platform === platform && c.strategy === 'bind')!.mounts[0].fstype;
    assert.equal(mechanism('mountbench-lab'), 'fuse.sshfs');
    assert.match(mechanism('default') ?? '', /^(ext4|xfs|btrfs|overlay)$/);
  });

  it('runs every strategy on Podman', async () => {
    const out = join(scratch, 'podman');
    const { code, stderr } = await runCli(['run', '--platform', 'podman', '--fixture', 'small', '--runs', '1', '--warmup', '0', '--output', out, '--progress', 'plain']);
    assert.equal(code, 0, stderr);
    const doc = await readRunDocument(join(out, 'run.json'));
    assert.equal(doc.platforms[0].identity?.kind, 'podman');
    assert.ok(doc.cells.every((c) => c.status === 'ok'), doc.cells.map((c) => `${c.strategy}: ${c.reason}`).join('; '));
  });

  it('runs every workload on the lab; files written on the host never reach a watcher behind sshfs', async () => {
    const out = join(scratch, 'workloads');
    const { code, stderr } = await runCli([
      'run', '--platform', 'mountbench-lab', '--workload', 'all', ...SMALL_SIZES,
      '--runs', '1', '--warmup', '0', '--output', out, '--progress', 'plain',
    ]);
    assert.equal(code, 0, stderr);
    const doc = await readRunDocument(join(out, 'run.json'));
    assert.deepEqual(doc.settings.workloads, Object.keys(EXPECTED_MEASURES));
    for (const cell of doc.cells) assert.equal(cell.status, 'ok', `${cell.id}: ${cell.reason}`);
    // FUSE carries no inotify events from the other side: hot reload breaks exactly where the project is shared.
    for (const strategy of ['bind', 'hybrid']) {
      assert.equal(cellOf(doc, 'watch', 'missed', strategy).summary!.median, 100, strategy);
      const p50 = cellOf(doc, 'watch', 'p50', strategy);
      assert.equal(p50.summary, null, `${strategy}: no latency without events`);
      assert.match(p50.notes.join(' '), /no event reached the watcher/);
    }
    for (const strategy of ['native', 'container', 'volume']) assert.equal(cellOf(doc, 'watch', 'missed', strategy).summary!.median, 0, strategy);
    assert.equal(await leftovers(new Docker({ socketPath: '/run/mblab/docker.sock' }), doc.id), 0);
  });

  it('copies an image that only the host engine has to the lab (docker save | load through the API), and says so', async () => {
    const image = 'mountbench/copy-test:1';
    execFileSync('docker', ['tag', 'mountbench/node:offline', image]);
    try {
      const out = join(scratch, 'copy');
      const { code, stderr } = await runCli([
        'run', '--platform', 'default,mountbench-lab', '--image', image, '--fixture', 'small', '--strategies', 'container',
        '--runs', '1', '--warmup', '0', '--output', out, '--progress', 'plain',
      ]);
      assert.equal(code, 0, stderr);
      const doc = await readRunDocument(join(out, 'run.json'));
      assert.equal(doc.platforms[0].image?.note, null, 'the host engine has it');
      assert.match(doc.platforms[1].image?.note ?? '', /^mountbench\/copy-test:1 copied from default \(docker save \| docker load\)/);
      assert.ok(doc.cells.every((c) => c.status === 'ok'), doc.cells.map((c) => c.reason).join('; '));
      assert.match(readFileSync(join(out, 'results.md'), 'utf8'), /copied from default/);
    } finally {
      spawnSync('docker', ['rmi', image]);
      spawnSync('docker', ['-H', 'unix:///run/mblab/docker.sock', 'rmi', image]);
    }
  });

  it('doctor lists the host engine, the lab and Podman, each with its mechanism and findings (the lab\'s watch run among them)', async () => {
    const { code, stdout, stderr } = await runCli(['doctor', '--json']);
    assert.equal(code, 0, stderr);
    const reports = JSON.parse(stdout) as PlatformReport[];
    const host = reports.find((r) => r.name === 'default')!;
    assert.deepEqual([host.identity?.kind, host.identity?.fileSharing?.mechanism], ['docker-linux', 'none']);
    assert.match(host.identity?.fileSharing?.fstype ?? '', /^(ext4|xfs|btrfs|overlay)$/);
    const labEngine = reports.find((r) => r.name === 'mountbench-lab')!;
    assert.deepEqual([labEngine.identity?.fileSharing?.mechanism, labEngine.identity?.fileSharing?.fstype], ['sshfs', 'fuse.sshfs']);
    assert.ok(labEngine.findings.some((f) => f.severity === 'slow' && f.text.startsWith('bind mounts go through FUSE (fuse.sshfs)')));
    // The workloads test above recorded its run in this file's history: its watch cells missed every event.
    assert.ok(labEngine.findings.some((f) => f.severity === 'broken' && f.text === 'inotify events do not cross this mount: hot reload needs polling'));
    const podman = reports.find((r) => r.identity?.kind === 'podman')!;
    assert.equal(podman.identity?.fileSharing?.mechanism, 'none');
    for (const r of [host, labEngine, podman]) {
      assert.ok(r.findings.length > 0 && r.findings.every((f) => f.evidence && f.source), `${r.name}: ${JSON.stringify(r.findings)}`);
    }
  });

  it('runs every workload under sync on the lab: the volume kept in step by unison, hot reload working where sshfs breaks it', async () => {
    const out = join(scratch, 'sync');
    const { code, stderr } = await runCli([
      'run', '--platform', 'mountbench-lab', '--workload', 'all', ...SMALL_SIZES, '--strategies', 'bind,sync',
      '--runs', '1', '--warmup', '0', '--output', out, '--progress', 'plain',
    ]);
    assert.equal(code, 0, stderr);
    const doc = await readRunDocument(join(out, 'run.json'));
    for (const cell of doc.cells) assert.equal(cell.status, 'ok', `${cell.id}: ${cell.reason}`);
    for (const cell of doc.cells.filter((c) => c.strategy === 'sync')) {
      assert.equal(cell.sync?.engine, 'unison', cell.id);
      assert.equal(cell.sync?.correctness?.passed, true, JSON.stringify(cell.sync?.correctness?.checks.filter((c) => !c.passed)));
      assert.ok(cell.samples.every((s) => typeof s.settleSeconds === 'number'), `${cell.id}: settled`);
      // The project lives in the lab's own storage, not behind its sshfs.
      assert.doesNotMatch(cell.mounts[0]?.fstype ?? '', /fuse/, cell.id);
    }
    // Files written on the host reach the watcher by sync, where through sshfs not one does.
    assert.equal(cellOf(doc, 'watch', 'missed', 'sync').summary!.median, 0);
    assert.equal(cellOf(doc, 'watch', 'missed', 'bind').summary!.median, 100);
    assert.match(readFileSync(join(out, 'results.md'), 'utf8'), /## Sync/);
    assert.equal(await leftovers(new Docker({ socketPath: '/run/mblab/docker.sock' }), doc.id), 0);
  });

  it('down leaves nothing behind, even with containers and volumes left on the lab by a failed test', () => {
    const labHost = 'unix:///run/mblab/docker.sock';
    execFileSync('docker', ['-H', labHost, 'volume', 'create', '--label', 'mountbench.run=abandoned', 'abandoned-volume']);
    execFileSync('docker', ['-H', labHost, 'run', '-d', '--label', 'mountbench.run=abandoned', '--network', 'none', '-v', `${scratch}:/x`, 'mountbench/node:offline', 'sleep', 'infinity']);
    lab('down');
    assert.deepEqual(fuseMountsAnywhere(), [], 'no FUSE mount in any mount namespace');
    assert.deepEqual(labProcesses(), [], 'no lab process');
    assert.ok(!existsSync('/run/mblab') && !existsSync('/var/lib/mountbench-lab'), 'no lab state or storage');
    assert.ok(!existsSync('/run/podman/podman.sock'), 'no Podman socket');
    assert.equal(spawnSync('docker', ['context', 'inspect', 'mountbench-lab']).status, 1, 'no docker context');
    assert.equal(netLinks(), linksBefore.value, 'no network link added or removed');
    // The host engine is untouched and still answers.
    assert.equal(spawnSync('docker', ['info']).status, 0);
  });
});
