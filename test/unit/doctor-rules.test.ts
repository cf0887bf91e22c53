// Each of doctor's rules, from what doctor knows of a platform to its findings; the published figures are the real
// data/published-results.csv, so the ratios quoted are checked against it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { PlatformFacts } from '../../src/doctor/finding.js';
import { lastRun, watchEvents } from '../../src/doctor/history-rules.js';
import { pastRuns, type PastRun } from '../../src/doctor/past-runs.js';
import { fuseBindMounts, localBindMounts } from '../../src/doctor/probe-rules.js';
import { diagnose } from '../../src/doctor/rules.js';
import { inotifyForwarding, projectShared, slowDockerDesktopSharing, slowMountType, synchronizedShare } from '../../src/doctor/settings-rules.js';
import { parseColimaSettings } from '../../src/platforms/settings/colima.js';
import { parseDockerDesktopSettings } from '../../src/platforms/settings/docker-desktop.js';
import { parseLimaSettings } from '../../src/platforms/settings/lima.js';
import type { HostOs } from '../../src/platforms/settings/settings.js';
import { historyEntry } from '../../src/results/history.js';
import { readPublished } from '../../src/results/published.js';
import type { FileSharing, PlatformIdentity } from '../../src/model/run-document.js';
import { readRunDocument } from '../../src/results/store.js';
import { assertEvery } from '../helpers/assert-every.js';

const published = readPublished();
const MAC: HostOs = { platform: 'darwin', release: '23.4.0', arch: 'arm64' };
const HOME = '/Users/dev';
const recording = (path: string) => readFileSync(new URL(`../recordings/${path}`, import.meta.url), 'utf8');

function identity(kind: string, fileSharing: FileSharing | null = null): PlatformIdentity {
  const engine = { product: 'Docker Engine', version: '27.3.1', apiVersion: '1.47', os: 'x', kernel: 'x', arch: 'x86_64', cpus: 2, memoryBytes: 2 ** 31, storageDriver: 'overlay2' };
  return { name: kind, endpoint: 'unix:///x.sock', source: 'socket', kind, label: kind, engine, fileSharing };
}

function platform(kind: string, more: Partial<PlatformFacts> = {}): PlatformFacts {
  return { name: kind, identity: identity(kind), settings: null, onThisKernel: false, project: `${HOME}/code/app`, runs: [], ...more };
}

const mounted = (fstype: string, mechanism: string): FileSharing => ({ mechanism, fstype, mountinfo: `1 2 0:1 / /mountbench/probe ro - ${fstype} src rw` });
const desktop = (json: string) => parseDockerDesktopSettings(json, '/s/settings-store.json', MAC);

describe('doctor rules: settings', () => {
  it('gRPC FUSE or osxfs on Docker Desktop is slow, with the 2022 VirtioFS figures computed from the published data', () => {
    const [finding] = slowDockerDesktopSharing(platform('docker-desktop', { settings: desktop('{"UseVirtualizationFrameworkVirtioFS": false}') }), published);
    assert.equal(finding.severity, 'slow');
    // mainardi-2022: VirtioFS bind 21.05 s, native 4.09 s, Docker on Linux bind 6.81 s.
    assert.match(finding.text, /^file sharing is gRPC FUSE: .* npm install 5\.1x native \(Mainardi 2022\)$/);
    assert.match(finding.source, /bind 5\.15x native \(21\.05 s vs 4\.09 s; mainardi-2022/);
    assert.match(finding.source, /3\.1x Docker on Linux's bind mount \(6\.81 s\)/);
    assert.match(finding.evidence, /UseVirtualizationFrameworkVirtioFS: false.*\(\/s\/settings-store\.json\)/);
    assert.match(finding.fix!.how, /"UseVirtualizationFrameworkVirtioFS": true/);
  });

  it('…also from the probe alone (no settings file), and not for VirtioFS or the WSL 2 backend', () => {
    const seen = slowDockerDesktopSharing(platform('docker-desktop', { identity: identity('docker-desktop', mounted('fuse.grpcfuse', 'grpcfuse')) }), published);
    assert.match(seen[0].evidence, /fuse\.grpcfuse/);
    assert.deepEqual(slowDockerDesktopSharing(platform('docker-desktop', { settings: desktop('{}') }), published), []);
    const wsl = parseDockerDesktopSettings('{"WslEnableGrpcfuse": true}', 'x', { platform: 'win32', release: '10', arch: 'x64' });
    assert.deepEqual(slowDockerDesktopSharing(platform('docker-desktop', { settings: wsl }), published), []);
  });

  it('a project outside every synchronized share is slow (with the 2025 figures); inside one, said so', () => {
    const settings = desktop('{"SynchronizedDirectories": ["/Users/dev/other"]}');
    const [outside] = synchronizedShare(platform('docker-desktop', { settings }), published);
    assert.equal(outside.severity, 'slow');
    // mainardi-2025: with a share bind 3.88 s vs native 4.19 s; Apple Virtualization bind 9.53 s vs 3.37 s.
    assert.match(outside.text, /not in a synchronized file share: with a share a bind mount ran npm install 0\.93x native, without 2\.83x/);
    assert.equal(outside.fix!.how, 'Create share: /Users/dev/code/app (Pro, Team or Business subscription)');
    const [inside] = synchronizedShare(platform('docker-desktop', { settings: desktop('{"SynchronizedDirectories": ["/Users/dev/code"]}') }), published);
    assert.equal(inside.severity, 'info');
    assert.deepEqual(synchronizedShare(platform('docker-desktop', { settings: desktop('{}') }), published), [], 'no shares, no finding');
  });

  it('sshfs or 9p on Colima, Lima and Rancher Desktop: virtiofs, with the exact key and command', () => {
    const colima = parseColimaSettings(recording('settings/colima/colima-user-qemu-sshfs-yakimant.yaml'), `${HOME}/.colima/default/colima.yaml`, { host: MAC, home: HOME, profile: 'default' });
    const [c] = slowMountType(platform('colima', { settings: colima }), published);
    assert.deepEqual([c.severity, c.evidence], ['slow', `mountType: sshfs (${HOME}/.colima/default/colima.yaml)`]);
    assert.match(c.fix!.how, /colima delete \(removes .*\), then colima start --vm-type vz --mount-type virtiofs/);
    const lima = parseLimaSettings(recording('settings/lima/lima-user-docker-vz-reverse-sshfs-shikachuu.yaml'), 'lima.yaml', { host: MAC, home: HOME, instance: 'docker' });
    const [l] = slowMountType(platform('lima', { settings: lima }), published);
    assert.equal(l.fix!.how, 'limactl stop docker && limactl edit docker: mountType: virtiofs; then limactl start docker');
    const virtiofs = parseColimaSettings(recording('settings/colima/colima-user-vz-virtiofs-disrupted.yaml'), 'x', { host: MAC, home: HOME, profile: 'default' });
    assert.deepEqual(slowMountType(platform('colima', { settings: virtiofs }), published), []);
  });

  it("a project under Lima's read-only home is broken for writes; outside every mount, not shared at all", () => {
    const lima = parseLimaSettings(recording('settings/lima/lima-template-docker.yaml'), 'lima.yaml', { host: MAC, home: HOME, instance: 'docker' });
    const [readOnly] = projectShared(platform('lima', { settings: lima }), published);
    assert.equal(readOnly.severity, 'broken');
    assert.match(readOnly.text, /shared read-only \(\/Users\/dev\): containers cannot write/);
    assert.match(readOnly.fix!.how, /limactl edit docker: under mounts, - location: "\/Users\/dev\/code\/app" with writable: true/);
    const [notShared] = projectShared(platform('lima', { settings: lima, project: '/opt/app' }), published);
    assert.match(notShared.text, /not shared with the VM \(shared: \/Users\/dev\)/);
    const colima = parseColimaSettings('', 'x', { host: MAC, home: HOME, profile: 'default' });
    assert.deepEqual(projectShared(platform('colima', { settings: colima }), published), [], "Colima's home is writable");
  });

  it('mountInotify off on Colima or Lima: hot reload needs polling, or mountInotify: true', () => {
    const off = parseColimaSettings(recording('settings/colima/colima-default-template-v0.6.9.yaml'), 'c.yaml', { host: MAC, home: HOME, profile: 'default' });
    const [finding] = inotifyForwarding(platform('colima', { settings: off }), published);
    assert.equal(finding.severity, 'info');
    assert.match(finding.fix!.how, /mountInotify: true; or poll: CHOKIDAR_USEPOLLING=true .* WATCHPACK_POLLING=true/);
    const on = parseColimaSettings(recording('settings/colima/colima-user-vz-virtiofs-disrupted.yaml'), 'c.yaml', { host: MAC, home: HOME, profile: 'default' });
    assert.deepEqual(inotifyForwarding(platform('colima', { settings: on }), published), []);
  });
});

describe('doctor rules: the probe', () => {
  it('FUSE bind mounts (the lab) are slow, with the mount line as evidence and the hybrid fix', () => {
    const [finding] = fuseBindMounts(platform('docker-linux', { identity: identity('docker-linux', mounted('fuse.sshfs', 'sshfs')) }), published);
    assert.equal(finding.severity, 'slow');
    assert.match(finding.text, /through FUSE \(fuse\.sshfs\)/);
    assert.match(finding.evidence, / - fuse\.sshfs /);
    assert.match(finding.fix!.how, /node_modules:\/app\/node_modules/);
  });

  it('a local file system: bind mounts as fast as volumes, with Docker on Linux\'s published ratio', () => {
    const [finding] = localBindMounts(platform('docker-linux', { identity: identity('docker-linux', mounted('ext4', 'none')) }), published);
    assert.equal(finding.severity, 'info');
    // mainardi-2025, Docker 27.3.1 on Arch: bind 5.29 s, native 5.32 s.
    assert.match(finding.text, /^bind mounts here are as fast as volumes: .*\(ext4\).*0\.99x native \(Mainardi 2025\)$/);
    assert.deepEqual(fuseBindMounts(platform('docker-linux', { identity: identity('docker-linux', mounted('ext4', 'none')) }), published), []);
  });
});

describe('doctor rules: this machine\'s runs', async () => {
  const runFile = new URL('../recordings/runs/workloads-host-and-lab.json', import.meta.url).pathname;
  const entry = historyEntry(await readRunDocument(runFile), runFile);
  const lab = await pastRuns([entry], { name: 'mountbench-lab', kind: 'docker-linux' });

  it('reads the runs that measured the platform, by name and kind, from their run.json', async () => {
    assert.equal(lab.length, 1);
    assertEvery(lab[0].cells, (c) => c.unit !== null, 'every cell of the lab has its unit');
    assert.deepEqual(await pastRuns([entry], { name: 'mountbench-lab', kind: 'podman' }), []);
    const moved = await pastRuns([{ ...entry, runFile: '/nonexistent/run.json' }], { name: 'default', kind: 'docker-linux' });
    assert.match(moved[0].note ?? '', /cannot read/);
    assert.ok(moved[0].cells.length > 0, 'the history\'s ratios remain');
  });

  it('the last run: its headline ratio to native, dated, with its run as source', () => {
    const [finding] = lastRun(platform('docker-linux', { name: 'mountbench-lab', runs: lab }), published);
    assert.match(finding.text, /^your last run \(2026-11-23\): Bind mount \d+\.\d\dx native for files create$/);
    assert.match(finding.source, /^run 20261123-172859-4480: .*workloads-host-and-lab\.json$/);
    const npm: PastRun = { id: 'r1', startedAt: '2026-12-02T10:00:00Z', runFile: '/r1/run.json', fixture: 'medium', note: null, cells: [
      { workload: 'npm-install', measure: 'time', strategy: 'native', unit: 's', median: 4.9, ratio: 1 },
      { workload: 'npm-install', measure: 'time', strategy: 'hybrid', unit: 's', median: 5.1, ratio: 1.04 },
      { workload: 'npm-install', measure: 'time', strategy: 'bind', unit: 's', median: 10.5, ratio: 2.14 },
    ] };
    const [headline] = lastRun(platform('docker-linux', { runs: [npm, ...lab] }), published);
    assert.equal(headline.text, 'your last run (2026-12-02): Bind mount 2.14x native for npm-install (medium fixture)');
    assert.equal(headline.evidence, 'Bind mount: median 10.50 s; Native: median 4.90 s; the ratio is of the medians');
    assert.deepEqual(lastRun(platform('docker-linux'), published), []);
  });

  it('watch: events missed through bind mean hot reload needs polling; none missed, it works', async () => {
    const [broken] = watchEvents(platform('docker-linux', { name: 'mountbench-lab', runs: lab }), published);
    assert.deepEqual([broken.severity, broken.text], ['broken', 'inotify events do not cross this mount: hot reload needs polling']);
    assert.match(broken.evidence, /a median of 100% of the files written on the host never reached a watcher/);
    assert.match(broken.fix!.how, /^CHOKIDAR_USEPOLLING=true .*WATCHPACK_POLLING=true/);
    const host = watchEvents(platform('docker-linux', { name: 'default', runs: await pastRuns([entry], { name: 'default', kind: 'docker-linux' }) }), published);
    assert.equal(host[0].severity, 'info');
  });

  it('diagnose lists every rule\'s findings, the worst first', () => {
    const findings = diagnose(platform('docker-linux', { name: 'mountbench-lab', identity: identity('docker-linux', mounted('fuse.sshfs', 'sshfs')), runs: lab }), published);
    assert.deepEqual(findings.map((f) => f.severity), ['broken', 'slow', 'info']);
    assertEvery(findings, (f) => f.platform === 'mountbench-lab' && f.evidence && f.source, 'every finding names the lab, its evidence and its source');
  });
});
