// Every settings reader against every public recording in test/recordings/settings/ (README.md there says where each
// came from), plus the files they look for and the edge cases: no file, an empty one, unknown keys, broken text.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { colimaProfile, parseColimaSettings, readColimaSettings } from '../../src/platforms/settings/colima.js';
import { parseDockerDesktopSettings, readDockerDesktopSettings } from '../../src/platforms/settings/docker-desktop.js';
import { limaInstance, parseLimaSettings, readLimaSettings } from '../../src/platforms/settings/lima.js';
import { isPodmanMachine, parsePodmanMachineInspect, readPodmanSettings } from '../../src/platforms/settings/podman.js';
import { parseRancherDesktopSettings, readRancherDesktopSettings } from '../../src/platforms/settings/rancher-desktop.js';
import type { HostOs, PlatformSettings } from '../../src/platforms/settings/settings.js';

const DIR = new URL('../recordings/settings/', import.meta.url);
const recording = (path: string) => readFileSync(new URL(path, DIR), 'utf8');
const recordings = (kind: string) => readdirSync(new URL(`${kind}/`, DIR)).map((f) => `${kind}/${f}`);

const SONOMA: HostOs = { platform: 'darwin', release: '23.4.0', arch: 'arm64' }; // macOS 14.4
const MONTEREY: HostOs = { platform: 'darwin', release: '21.6.0', arch: 'x64' }; // macOS 12.5, Intel
const BIG_SUR: HostOs = { platform: 'darwin', release: '20.6.0', arch: 'x64' }; // macOS 11
const WINDOWS: HostOs = { platform: 'win32', release: '10.0.22631', arch: 'x64' };
const LINUX: HostOs = { platform: 'linux', release: '6.8.0', arch: 'x64' };
const HOME = '/Users/dev';

/** The values a reader yields, without where they came from or how to change them. */
const values = ({ vmType, fileSharing, shared, synchronized, inotify, cpus, memoryMiB, problem }: PlatformSettings) => ({ vmType, fileSharing, shared, synchronized, inotify, cpus, memoryMiB, problem });
const MAC_DEFAULT_SHARES = ['/Users', '/Volumes', '/private', '/tmp', '/var/folders'].map((path) => ({ path, writable: true }));
const none = { vmType: null, fileSharing: null, shared: null, synchronized: null, inotify: null, cpus: null, memoryMiB: null };

describe('Docker Desktop settings (settings-store.json, settings.json)', () => {
  const expected: Record<string, [HostOs, ReturnType<typeof values>]> = {
    // camelCase, every key: VirtioFS and gRPC FUSE both on, VirtioFS wins.
    'docker-desktop/settings-mac-v38-pkjr002.json': [SONOMA, { vmType: 'apple-virtualization', fileSharing: 'virtiofs', shared: MAC_DEFAULT_SHARES, synchronized: [], inotify: null, cpus: 12, memoryMiB: 8092, problem: null }],
    // Only 18 keys, none about the VM or sharing: all at the defaults of macOS 12.5 and later.
    'docker-desktop/settings-store-mac-v42-ryancwallace.json': [SONOMA, { vmType: 'apple-virtualization', fileSharing: 'virtiofs', shared: MAC_DEFAULT_SHARES, synchronized: [], inotify: null, cpus: null, memoryMiB: null, problem: null }],
    // WSL 2 backend: UseGrpcfuse is true but unused there; Cpus and MemoryMiB belong to .wslconfig.
    'docker-desktop/settings-store-windows-wsl2-v41-connorcarnes.json': [WINDOWS, { vmType: 'wsl2', fileSharing: '9p', shared: null, synchronized: [], inotify: null, cpus: null, memoryMiB: null, problem: null }],
    'docker-desktop/settings-windows-wsl2-v29-mimikun.json': [WINDOWS, { vmType: 'wsl2', fileSharing: '9p', shared: null, synchronized: [], inotify: null, cpus: null, memoryMiB: null, problem: null }],
  };
  it('has an expectation for every recording', () => assert.deepEqual(recordings('docker-desktop').sort(), Object.keys(expected).sort()));
  for (const [file, [host, yields]] of Object.entries(expected)) {
    it(file, () => assert.deepEqual(values(parseDockerDesktopSettings(recording(file), file, host)), yields));
  }

  it('says which values are defaults, and why', () => {
    const s = parseDockerDesktopSettings(recording('docker-desktop/settings-store-mac-v42-ryancwallace.json'), 'x', SONOMA);
    assert.match(s.from.fileSharing!, /UseVirtualizationFrameworkVirtioFS not set: true by default on macOS 12.5 and later/);
    assert.equal(parseDockerDesktopSettings(recording('docker-desktop/settings-mac-v38-pkjr002.json'), 'x', SONOMA).from.cpus, 'Cpus: 12');
  });

  it('falls back to gRPC FUSE, then osxfs, without VirtioFS; to QEMU or HyperKit without Apple Virtualization', () => {
    assert.deepEqual([parseDockerDesktopSettings('{"UseVirtualizationFrameworkVirtioFS": false}', 'x', SONOMA).fileSharing], ['grpcfuse']);
    assert.equal(parseDockerDesktopSettings('{"useVirtualizationFrameworkVirtioFS": false, "useGrpcfuse": false}', 'x', SONOMA).fileSharing, 'osxfs');
    const old = parseDockerDesktopSettings('{}', 'x', BIG_SUR);
    assert.deepEqual([old.vmType, old.fileSharing], ['hyperkit', 'grpcfuse']);
    assert.equal(parseDockerDesktopSettings('{"UseVirtualizationFramework": false}', 'x', SONOMA).vmType, 'qemu');
    assert.equal(parseDockerDesktopSettings('{}', 'x', MONTEREY).fileSharing, 'virtiofs', 'macOS 12.5 is the first with VirtioFS on by default');
  });

  it('reads Docker VMM as sharing through virtio-fs, and synchronized shares', () => {
    const s = parseDockerDesktopSettings('{"UseLibkrun": true, "UseVirtualizationFramework": false, "SynchronizedDirectories": ["/Users/dev/app"]}', 'x', SONOMA);
    assert.deepEqual([s.vmType, s.fileSharing, s.synchronized], ['docker-vmm', 'virtiofs', ['/Users/dev/app']]);
    assert.match(s.from.vmType!, /^UseLibkrun: true: Docker VMM \(libkrun up to 4\.79, Docker's own hypervisor from 4\.86\)$/);
  });

  it('reads Hyper-V and Docker Desktop for Linux', () => {
    assert.deepEqual(values(parseDockerDesktopSettings('{"wslEngineEnabled": false, "cpus": 4}', 'x', WINDOWS)), { ...none, vmType: 'hyper-v', fileSharing: 'grpcfuse', synchronized: [], cpus: 4, problem: null });
    const linux = parseDockerDesktopSettings('{"FilesharingDirectories": ["/home/dev"], "MemoryMiB": 4096}', 'x', LINUX);
    assert.deepEqual([linux.vmType, linux.fileSharing, linux.shared, linux.memoryMiB], ['qemu', 'virtiofs', [{ path: '/home/dev', writable: true }], 4096]);
  });

  it('takes an empty file for all defaults, ignores unknown keys, and reports broken JSON', () => {
    assert.deepEqual(values(parseDockerDesktopSettings('', 'x', SONOMA)), values(parseDockerDesktopSettings('{"SomeFutureKey": 1}', 'x', SONOMA)));
    assert.match(parseDockerDesktopSettings('{"Cpus": ', 'x', SONOMA).problem!, /^not JSON/);
    assert.equal(parseDockerDesktopSettings('[1]', 'x', SONOMA).problem, 'not a JSON object');
  });
});

describe('Colima settings (~/.colima/<profile>/colima.yaml)', () => {
  const colima = (vmType: string, fileSharing: string, inotify: boolean, memoryMiB: number) => ({ vmType, fileSharing, shared: [{ path: HOME, writable: true }], synchronized: null, inotify, cpus: 2, memoryMiB, problem: null });
  const expected: Record<string, ReturnType<typeof values> | 'not yaml'> = {
    'colima/colima-default-template-main-2026-08.yaml': colima('qemu', 'sshfs', false, 2048),
    'colima/colima-default-template-v0.6.9.yaml': colima('qemu', 'sshfs', false, 2048),
    'colima/colima-user-qemu-sshfs-yakimant.yaml': colima('qemu', 'sshfs', false, 2048),
    'colima/colima-user-vz-virtiofs-disrupted.yaml': colima('vz', 'virtiofs', true, 8192),
    // A log, not a settings file: refused as such (its agreement with the defaults is checked below).
    'colima/colima-start-log-vz-virtiofs-excerpt.txt': 'not yaml',
  };
  it('has an expectation for every recording', () => assert.deepEqual(recordings('colima').sort(), Object.keys(expected).sort()));
  for (const [file, yields] of Object.entries(expected)) {
    it(file, () => {
      const s = parseColimaSettings(recording(file), file, { host: SONOMA, home: HOME, profile: 'default' });
      if (yields === 'not yaml') assert.deepEqual([s.problem?.startsWith('not YAML'), s.vmType], [true, null]);
      else assert.deepEqual(values(s), yields);
    });
  }

  it('falls back to Colima\'s own choices for missing keys: vz and virtiofs on macOS 13+, qemu and sshfs elsewhere', () => {
    const modern = parseColimaSettings('cpu: 4\n', 'x', { host: SONOMA, home: HOME, profile: 'work' });
    assert.deepEqual([modern.vmType, modern.fileSharing, modern.inotify, modern.instance], ['vz', 'virtiofs', false, 'work']);
    assert.match(modern.from.fileSharing!, /Colima's default for vz/);
    assert.match(modern.change, /colima stop --profile work && colima start --profile work --edit/);
    const log = recording('colima/colima-start-log-vz-virtiofs-excerpt.txt');
    assert.match(log, /using macOS Virtualization\.Framework[\s\S]*mountType: virtiofs/, 'a vz VM started with virtiofs');
    assert.equal(parseColimaSettings('vmType: vz\n', 'x', { host: SONOMA, home: HOME, profile: 'default' }).fileSharing, 'virtiofs');
    const linux = parseColimaSettings('', 'x', { host: LINUX, home: HOME, profile: 'default' });
    assert.deepEqual([linux.vmType, linux.fileSharing, linux.problem], ['qemu', 'sshfs', null]);
  });

  it('krunkit VMs (Colima\'s and Lima\'s) share through virtiofs unless a mountType says otherwise: libkrun has no 9p', () => {
    const colima = parseColimaSettings('vmType: krunkit\n', 'x', { host: SONOMA, home: HOME, profile: 'default' });
    assert.deepEqual([colima.vmType, colima.fileSharing], ['krunkit', 'virtiofs']);
    assert.match(colima.from.fileSharing!, /Colima's default for krunkit/);
    const lima = parseLimaSettings('vmType: krunkit\n', 'x', { host: SONOMA, home: HOME, instance: 'default' });
    assert.deepEqual([lima.vmType, lima.fileSharing], ['krunkit', 'virtiofs']);
    assert.equal(parseColimaSettings('vmType: krunkit\nmountType: sshfs\n', 'x', { host: SONOMA, home: HOME, profile: 'default' }).fileSharing, 'sshfs');
  });

  it('reads its own mounts, and reports what is not YAML', () => {
    const s = parseColimaSettings('mounts:\n  - location: ~/code\n    writable: true\n  - location: /Volumes/data\n', 'x', { host: SONOMA, home: HOME, profile: 'default' });
    assert.deepEqual(s.shared, [{ path: `${HOME}/code`, writable: true }, { path: '/Volumes/data', writable: false }]);
    assert.match(parseColimaSettings('vmType: [qemu', 'x', { host: SONOMA, home: HOME, profile: 'default' }).problem!, /^not YAML/);
  });

  it('knows the profile of an endpoint from its socket or its name', () => {
    assert.equal(colimaProfile({ name: 'x', aliases: [], host: 'unix:///Users/dev/.colima/work/docker.sock' }), 'work');
    assert.equal(colimaProfile({ name: 'colima', aliases: [], host: 'unix:///var/run/docker.sock' }), 'default');
    assert.equal(colimaProfile({ name: 'default', aliases: ['colima-ci'], host: 'tcp://1.2.3.4:2375' }), 'ci');
    assert.equal(colimaProfile({ name: 'default', aliases: [], host: 'unix:///var/run/docker.sock' }), null);
  });
});

describe('Lima settings (~/.lima/<instance>/lima.yaml)', () => {
  const lima = (fileSharing: string, shared: Array<{ path: string; writable: boolean }>) => ({ vmType: 'vz', fileSharing, shared, synchronized: null, inotify: false, cpus: null, memoryMiB: null, problem: null });
  const expected: Record<string, ReturnType<typeof values>> = {
    // Every key null: the documented defaults on macOS 14, and nothing mounted.
    'lima/lima-template-default.yaml': lima('virtiofs', []),
    'lima/lima-template-_default-mounts.yaml': lima('virtiofs', [{ path: HOME, writable: false }]),
    // No mounts of its own: inherits template:_default/mounts, the home directory read-only.
    'lima/lima-template-docker.yaml': lima('virtiofs', [{ path: HOME, writable: false }]),
    'lima/lima-user-docker-instance-mashita1023.yaml': lima('virtiofs', [{ path: HOME, writable: false }, { path: '/tmp/lima', writable: true }, { path: `${HOME}/ghq`, writable: true }]),
    // reverse-sshfs is sshfs, seen as fuse.sshfs in a container.
    'lima/lima-user-docker-vz-reverse-sshfs-shikachuu.yaml': lima('sshfs', [{ path: HOME, writable: true }]),
  };
  it('has an expectation for every recording', () => assert.deepEqual(recordings('lima').sort(), Object.keys(expected).sort()));
  for (const [file, yields] of Object.entries(expected)) {
    it(file, () => assert.deepEqual(values(parseLimaSettings(recording(file), file, { host: SONOMA, home: HOME, instance: 'docker' })), yields));
  }

  it('uses QEMU and 9p where vz is not the default (before macOS 13.5), and reads sizes and inotify', () => {
    const s = parseLimaSettings('cpus: 4\nmemory: "8GiB"\nmountInotify: true\n', 'x', { host: MONTEREY, home: HOME, instance: 'default' });
    assert.deepEqual([s.vmType, s.fileSharing, s.cpus, s.memoryMiB, s.inotify], ['qemu', '9p', 4, 8192, true]);
    assert.match(s.from.fileSharing!, /reverse-sshfs before/);
    assert.equal(s.change, 'limactl stop default && limactl edit default');
  });

  it('knows the instance of an endpoint from its socket or its name', () => {
    assert.equal(limaInstance({ name: 'x', aliases: [], host: 'unix:///Users/dev/.lima/docker/sock/docker.sock' }), 'docker');
    assert.equal(limaInstance({ name: 'lima-default', aliases: [], host: 'tcp://h:1' }), 'default');
    assert.equal(limaInstance({ name: 'default', aliases: [], host: 'unix:///var/run/docker.sock' }), null);
  });
});

describe('Rancher Desktop settings (settings.json)', () => {
  it('rancher-desktop/settings-v13-linux-fabioerter.json: version 13 keeps the VM and mount types under experimental', () => {
    assert.deepEqual(recordings('rancher-desktop'), ['rancher-desktop/settings-v13-linux-fabioerter.json']);
    const s = parseRancherDesktopSettings(recording('rancher-desktop/settings-v13-linux-fabioerter.json'), 'x', LINUX);
    assert.deepEqual(values(s), { ...none, vmType: 'qemu', fileSharing: 'sshfs', cpus: 2, memoryMiB: 2048, problem: null });
    assert.equal(s.from.fileSharing, 'experimental.virtualMachine.mount.type: reverse-sshfs');
  });

  it('reads the keys of version 15 and later first, and the defaults of macOS 14 and later', () => {
    const moved = parseRancherDesktopSettings('{"version":19,"virtualMachine":{"type":"vz","mount":{"type":"virtiofs"}}}', 'x', MONTEREY);
    assert.deepEqual([moved.vmType, moved.fileSharing, moved.from.vmType], ['vz', 'virtiofs', 'virtualMachine.type: vz']);
    assert.deepEqual([parseRancherDesktopSettings('{}', 'x', SONOMA).fileSharing, parseRancherDesktopSettings('{}', 'x', MONTEREY).fileSharing], ['virtiofs', 'sshfs']);
    assert.equal(parseRancherDesktopSettings('{}', 'x', WINDOWS).vmType, 'wsl2');
    assert.match(parseRancherDesktopSettings('{', 'x', LINUX).problem!, /^not JSON/);
  });
});

describe('Podman machine settings (podman machine inspect)', () => {
  it('podman/podman-machine-inspect-5.0-dev-applehv-rootful.json: the provider from ConfigDir, virtiofs, 5 CPUs, 2048 MiB', () => {
    const s = parsePodmanMachineInspect(recording('podman/podman-machine-inspect-5.0-dev-applehv-rootful.json'), 'podman machine inspect');
    assert.deepEqual(values(s), { ...none, vmType: 'applehv', fileSharing: 'virtiofs', cpus: 5, memoryMiB: 2048, problem: null });
    assert.equal(s.instance, 'podman-machine-default');
  });

  it('podman/podman-machine-inspect-6-applehv-excerpt.txt: cut short, so not JSON, said so; its provider is the one `machine ls` shows', () => {
    assert.match(parsePodmanMachineInspect(recording('podman/podman-machine-inspect-6-applehv-excerpt.txt'), 'x').problem!, /^not JSON/);
    const provider = /\/machine\/(\w+)"/.exec(recording('podman/podman-machine-inspect-6-applehv-excerpt.txt'))?.[1];
    assert.equal(provider, recording('podman/podman-machine-ls-6-applehv.txt').split('\n')[1].split(/\s+/)[1], 'podman/podman-machine-ls-6-applehv.txt: VM TYPE');
  });

  it('reads Podman 4 (ConfigPath) with QEMU as 9p, and picks the machine whose socket the endpoint is', () => {
    const two = JSON.stringify([
      { Name: 'other', ConfigPath: { Path: '/u/.config/containers/podman/machine/qemu/other.json' }, ConnectionInfo: { PodmanSocket: { Path: '/s/other.sock' } } },
      { Name: 'dev', ConfigPath: { Path: '/u/.config/containers/podman/machine/qemu/dev.json' }, ConnectionInfo: { PodmanSocket: { Path: '/s/dev.sock' } }, Resources: { CPUs: 2 } },
    ]);
    const s = parsePodmanMachineInspect(two, 'x', '/s/dev.sock');
    assert.deepEqual([s.instance, s.vmType, s.fileSharing, s.cpus], ['dev', 'qemu', '9p', 2]);
  });

  it('asks the podman CLI only for a machine\'s endpoint', () => {
    const asked: string[][] = [];
    const run = (args: string[]) => (asked.push(args), args[1] === 'list' ? 'podman-machine-default*\n' : recording('podman/podman-machine-inspect-5.0-dev-applehv-rootful.json'));
    assert.equal(readPodmanSettings({ name: 'podman', aliases: [], host: 'unix:///run/podman/podman.sock' }, run), null);
    assert.deepEqual(asked, []);
    const machine = { name: 'podman-applehv', aliases: [], host: 'unix:///Users/cdrage/.local/share/containers/podman/machine/applehv/podman.sock' };
    assert.ok(isPodmanMachine(machine));
    assert.equal(readPodmanSettings(machine, run)?.vmType, 'applehv');
    assert.deepEqual(asked[1], ['machine', 'inspect', 'podman-machine-default']);
    assert.equal(readPodmanSettings(machine, () => null), null, 'no podman CLI, or it failed');
  });
});

describe('finding the settings files', () => {
  const home = mkdtempSync(join(tmpdir(), 'mountbench-settings-'));
  after(() => rmSync(home, { recursive: true, force: true }));
  const put = (path: string, text: string) => {
    mkdirSync(dirname(join(home, path)), { recursive: true });
    writeFileSync(join(home, path), text);
  };
  const de = { home, env: {} };

  it('finds nothing where nothing is', () => {
    assert.equal(readDockerDesktopSettings(de, LINUX), null);
    assert.equal(readColimaSettings(de, { name: 'colima', aliases: [], host: 'unix:///x' }, SONOMA), null);
    assert.equal(readLimaSettings(de, { name: 'lima-docker', aliases: [], host: 'unix:///x' }, SONOMA), null);
    assert.equal(readRancherDesktopSettings(de, LINUX), null);
  });

  it("reads Docker Desktop's settings-store.json before an older settings.json, per OS", () => {
    put('.docker/desktop/settings.json', '{"cpus": 2}');
    assert.equal(readDockerDesktopSettings(de, LINUX)?.cpus, 2);
    put('.docker/desktop/settings-store.json', '{"Cpus": 6}');
    assert.equal(readDockerDesktopSettings(de, LINUX)?.cpus, 6);
    put('Library/Group Containers/group.com.docker/settings-store.json', '{"UseGrpcfuse": true, "UseVirtualizationFrameworkVirtioFS": false}');
    assert.equal(readDockerDesktopSettings(de, SONOMA)?.fileSharing, 'grpcfuse');
    put('roaming/Docker/settings-store.json', '{"WslEngineEnabled": false}');
    assert.equal(readDockerDesktopSettings({ home, env: { APPDATA: join(home, 'roaming') } }, WINDOWS)?.vmType, 'hyper-v');
  });

  it("reads a Colima profile's, a Lima instance's and Rancher Desktop's file", () => {
    put('.colima/work/colima.yaml', recording('colima/colima-user-vz-virtiofs-disrupted.yaml'));
    assert.equal(readColimaSettings(de, { name: 'colima-work', aliases: [], host: 'unix:///x' }, SONOMA)?.source, join(home, '.colima/work/colima.yaml'));
    put('.lima/docker/lima.yaml', recording('lima/lima-template-docker.yaml'));
    assert.deepEqual(readLimaSettings(de, { name: 'lima-docker', aliases: [], host: 'unix:///x' }, SONOMA)?.shared, [{ path: home, writable: false }]);
    put('.config/rancher-desktop/settings.json', recording('rancher-desktop/settings-v13-linux-fabioerter.json'));
    assert.equal(readRancherDesktopSettings(de, LINUX)?.vmType, 'qemu');
  });
});
