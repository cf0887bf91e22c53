// `mountbench identify` on every recording in test/recordings/: each file's expected answer (kind, label, and the
// VM and file sharing where the file says them), or that it holds nothing a platform can be told from. A new
// recording fails the first test until its answer is written here. Sources: the READMEs beside the files.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { engineEvidence } from '../../src/platforms/evidence/evidence.js';
import { liveEvidence } from '../../src/platforms/evidence/live.js';
import { readEvidence } from '../../src/platforms/evidence/read.js';
import { identify } from '../../src/platforms/identify.js';
import { runCli } from '../helpers/cli.js';

const ROOT = fileURLToPath(new URL('../recordings/', import.meta.url));
const walk = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
const files = walk(ROOT).filter((f) => !f.endsWith('README.md')).map((f) => relative(ROOT, f)).sort();
const read = (file: string) => readEvidence([{ origin: file, text: readFileSync(join(ROOT, file), 'utf8') }]);

type Answer = { kind: string; label: string; vm?: string; sharing?: string } | 'nothing';
const NOTHING: Answer = 'nothing';
const is = (kind: string, label: string, more: { vm?: string; sharing?: string } = {}): Answer => ({ kind, label, ...more });

const EXPECTED: Record<string, Answer> = {
  'docker-info/colima-ubuntu24.json': is('colima', 'Colima'),
  'docker-info/docker-desktop-4.33-mac.json': is('docker-desktop', 'Docker Desktop 4.33.0 (160616)'),
  'docker-info/docker-desktop-4.86-mac.json': is('docker-desktop', 'Docker Desktop 4.86.0 (236216)'),
  'docker-info/docker-linux-arch.json': is('docker-linux', 'Docker on Linux 20.10.8'),
  'docker-info/docker-linux-debian12.json': is('docker-linux', 'Docker on Linux 20.10.24+dfsg1'),
  'docker-info/orbstack-0.7.json': is('orbstack', 'OrbStack'),
  'docker-info/podman-4.3-debian12.json': is('podman', 'Podman 4.3.1'),
  'docker-info/rootless-docker.json': is('rootless-docker', 'rootless Docker'),
  'docker-info/public/colima-ubuntu24.04-engine-unknown-info-excerpt.txt': is('colima', 'Colima'),
  'docker-info/public/docker-ce-wsl2-ubuntu22.04-docker.io-29.1.3-info.txt': is('wsl2', 'Docker in WSL2 29.1.3', { vm: 'wsl2' }),
  'docker-info/public/docker-desktop-linux-4.43.2-arm64-version-excerpt.txt': is('docker-desktop', 'Docker Desktop 4.43.2 (199162)'),
  'docker-info/public/docker-desktop-linux-4.55.0-amd64-version-excerpt.txt': is('docker-desktop', 'Docker Desktop 4.55.0 (213807)'),
  'docker-info/public/docker-desktop-linux-engine-29.2.0-info.txt': is('docker-desktop', 'Docker Desktop 29.2.0'),
  'docker-info/public/docker-desktop-mac-2020-engine-19.03.12.json': is('docker-desktop', 'Docker Desktop 19.03.12'),
  'docker-info/public/docker-desktop-mac-4.26.0-arm64-version-excerpt.txt': is('docker-desktop', 'Docker Desktop 4.26.0 (130397)'),
  'docker-info/public/docker-desktop-mac-4.47.0-arm64-info.txt': is('docker-desktop', 'Docker Desktop 28.4.0'),
  'docker-info/public/docker-desktop-mac-4.47.0-arm64-version.txt': is('docker-desktop', 'Docker Desktop 4.47.0 (206054)'),
  'docker-info/public/docker-desktop-mac-4.48.0-intel-info.txt': is('docker-desktop', 'Docker Desktop 28.5.1'),
  'docker-info/public/docker-desktop-mac-4.48.0-intel-version.txt': is('docker-desktop', 'Docker Desktop 4.48.0 (207573)'),
  'docker-info/public/docker-desktop-mac-4.88.0-arm64-version.txt': is('docker-desktop', 'Docker Desktop 4.88.0 (237115)'),
  'docker-info/public/docker-desktop-mac-engine-20.10.13-intel-info-excerpt.txt': is('docker-desktop', 'Docker Desktop 20.10.13'),
  'docker-info/public/docker-desktop-windows-arm64-4.52.0-version.txt': is('docker-desktop', 'Docker Desktop 4.52.0 (210994)'),
  'docker-info/public/docker-desktop-windows-hyperv-2020-engine-19.03.12.json': is('docker-desktop', 'Docker Desktop 19.03.12'),
  'docker-info/public/docker-desktop-windows-wsl2-engine-27.2.0-info.txt': is('docker-desktop', 'Docker Desktop 27.2.0', { vm: 'wsl2' }),
  'docker-info/public/docker-in-docker-on-docker-desktop-25.0.0-info-docs.txt': is('docker-linux', 'Docker on Linux 25.0.0'),
  'docker-info/public/lima-docker-template-ubuntu22.04-info-excerpt.txt': is('lima', 'Lima'),
  'docker-info/public/orbstack-engine-28.5.2-intel-info.txt': is('orbstack', 'OrbStack 28.5.2'),
  'docker-info/public/podman-machine-macos-4.0.3-docker-info-excerpt.txt': is('podman', 'Podman 4.0.3'),
  'docker-info/public/podman-machine-macos-applehv-5.2.5-podman-info-excerpt.txt': is('podman', 'Podman'),
  'docker-info/public/podman-machine-macos-applehv-5.2.5-podman-info-not-running.txt': is('podman', 'Podman 5.2.5', { vm: 'applehv' }),
  'docker-info/public/rancher-desktop-moby-29.5.3-arm64-info-server.txt': is('rancher-desktop', 'Rancher Desktop 29.5.3'),
  'docker-info/public/rootless-docker-debian12-27.1.1-info.txt': is('rootless-docker', 'rootless Docker 27.1.1'),
  'docker-info/public/rootless-docker-debian12-27.1.1-version.txt': is('rootless-docker', 'rootless Docker 27.1.1'),
  'identify/container-system-status-0.11.0-xgo-315.txt': is('apple-container', 'Apple container 0.11.0', { vm: 'apple-virtualization', sharing: 'virtiofs' }),
  'identify/docker-context-inspect-colima-ddev-contrib-185.json': is('colima', 'Colima'),
  'identify/docker-for-mac-17.09-moby-info.txt': is('docker-desktop', 'Docker for Mac or Windows 17.09.0-ce'),
  'identify/podman-info-6.0.0-client-podman-29087-excerpt.txt': is('podman', 'Podman 6.0.0'),
  'identify/podman-info-libkrun-5.3.0-not-running-podman-24559.txt': is('podman', 'Podman 5.3.0', { vm: 'libkrun' }),
  'identify/wsl2-mnt-c-9p-mount-line-wsl-14301.txt': is('wsl2', 'Docker in WSL2', { sharing: '9p' }),
  'identify/wsl2-mnt-c-virtiofs-mount-line-wsl-14301.txt': is('wsl2', 'Docker in WSL2', { sharing: 'virtiofs' }),
  // Mount lines alone name no platform, but say how the mount is shared.
  'mountinfo/docker-linux-bind-and-volume.txt': is('unknown', 'unknown engine', { sharing: 'none' }),
  'mountinfo/public/docker-desktop-linux-4.31-virtiofs-findmnt.txt': is('unknown', 'unknown engine', { sharing: 'virtiofs' }),
  'mountinfo/public/docker-desktop-mac-grpcfuse-bind-lines.txt': is('docker-desktop', 'Docker Desktop', { sharing: 'grpcfuse' }),
  'mountinfo/public/docker-desktop-mac-virtiofs-fakeowner-line-abridged.txt': is('docker-desktop', 'Docker Desktop', { sharing: 'virtiofs' }),
  'mountinfo/sharing-lab-sshfs-bind.txt': is('unknown', 'unknown engine', { sharing: 'sshfs' }),
  // Its one row lost the FSTYPE column; its source (/run/host_mark/...) is still Docker Desktop's.
  'mountinfo/public/docker-desktop-linux-4.88-fakeowner-findmnt-excerpt.txt': NOTHING,
  'settings/colima/colima-start-log-vz-virtiofs-excerpt.txt': is('colima', 'Colima', { vm: 'vz', sharing: 'virtiofs' }),
  'settings/podman/podman-machine-inspect-5.0-dev-applehv-rootful.json': is('podman', 'Podman', { vm: 'applehv' }),
  'settings/podman/podman-machine-ls-6-applehv.txt': is('podman', 'Podman', { vm: 'applehv' }),
  // Cut mid-JSON by the stored chunk.
  'settings/podman/podman-machine-inspect-6-applehv-excerpt.txt': NOTHING,
};
// Settings files, run documents, /proc snapshots and Mutagen listings say nothing of what a platform is.
for (const file of files) if (/^(settings\/.*\.(json|yaml)|runs\/|proc\/|mutagen\/)/.test(file) && !(file in EXPECTED)) EXPECTED[file] = NOTHING;

describe('mountbench identify on every recording', () => {
  it('has an answer for every recording', () => assert.deepEqual(Object.keys(EXPECTED).sort(), files));
  for (const [file, answer] of Object.entries(EXPECTED)) {
    it(`${file}: ${answer === 'nothing' ? 'nothing recognisable' : `${answer.kind} (${answer.label})`}`, () => {
      const evidence = read(file);
      const id = identify(evidence);
      if (answer === 'nothing') {
        assert.equal(id.kind, 'unknown');
        assert.equal(id.fileSharing, null);
        return;
      }
      assert.deepEqual([id.kind, id.label], [answer.kind, answer.label]);
      if (answer.vm) assert.equal(id.vm?.type, answer.vm);
      if (answer.sharing) assert.equal(id.fileSharing?.mechanism, answer.sharing);
      if (answer.kind !== 'unknown') assert.ok(id.clues.length > 0, 'says what it rests on');
    });
  }
});

describe('recognition that earlier missed', () => {
  const linuxEngine = { Name: 'my-colima-vm', OperatingSystem: 'Ubuntu 24.04 LTS', OSType: 'linux', KernelVersion: '6.8.0-31-generic' };
  it("uses the endpoint's own name as a tie-breaker: a Colima VM with a custom host name", () => {
    const evidence = liveEvidence({ name: 'colima-work', host: 'unix:///Users/me/.colima/work/docker.sock' }, { info: linuxEngine, version: {} }, { platform: 'darwin', kernel: '24.0.0' });
    assert.equal(identify(evidence).kind, 'colima');
    assert.equal(identify(evidence).certainty, 'hint');
    assert.equal(identify(engineEvidence({ info: linuxEngine, version: {} })).kind, 'docker-linux', 'without the endpoint it is only a Linux engine');
  });
  it("reads Lima's rootless template as Lima by its context, though the engine says rootless", () => {
    const rootless = { ...linuxEngine, Name: 'custom', SecurityOptions: ['name=seccomp,profile=builtin', 'name=rootless'] };
    const evidence = liveEvidence({ name: 'lima-docker', host: 'unix:///Users/me/.lima/docker/sock/docker.sock' }, { info: rootless, version: {} }, { platform: 'darwin', kernel: '24.0.0' });
    assert.equal(identify(evidence).kind, 'lima');
    assert.ok(identify(evidence).others.some((o) => o.kind === 'rootless-docker'));
  });
  it('keeps the engine version when Platform.Name names Docker Desktop without one', () => {
    const evidence = engineEvidence({ info: { OperatingSystem: 'Docker Desktop', ServerVersion: '28.4.0' }, version: { Platform: { Name: 'Docker Desktop' } } });
    assert.equal(identify(evidence).label, 'Docker Desktop 28.4.0');
  });
  it('carries "the kernel is not the host\'s" for a kind to use', () => {
    const evidence = liveEvidence({ name: 'lab', host: 'tcp://127.0.0.1:2375' }, { info: { ...linuxEngine, KernelVersion: '6.1.0-guest' }, version: {} }, { platform: 'linux', kernel: '6.1.0-host' });
    assert.equal(evidence.kernelIsHost?.value, false);
    assert.equal(identify(evidence).vm?.type ?? null, null, 'a VM, its type not said');
    assert.ok(identify(evidence).vm, 'but a VM');
  });
});

describe('platforms, doctor and identify give the same answer for the same evidence', () => {
  it('a recording of the API read live and read pasted', () => {
    const recording = JSON.parse(readFileSync(join(ROOT, 'docker-info/public/docker-desktop-mac-2020-engine-19.03.12.json'), 'utf8'));
    const live = identify(liveEvidence({ name: 'desktop-linux', host: 'unix:///Users/me/.docker/run/docker.sock' }, recording));
    const pasted = identify(read('docker-info/public/docker-desktop-mac-2020-engine-19.03.12.json'));
    assert.deepEqual([pasted.kind, pasted.label, pasted.engine], [live.kind, live.label, live.engine]);
  });
});

describe('the command', () => {
  const file = (f: string) => join(ROOT, f);
  it('identifies from several files at once, and says why', async () => {
    const result = await runCli(['identify', file('docker-info/public/docker-desktop-mac-4.47.0-arm64-version.txt'), file('mountinfo/public/docker-desktop-mac-grpcfuse-bind-lines.txt')]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^Docker Desktop 4\.47\.0 \(206054\)  docker-desktop · certain/);
    assert.match(result.stdout, /file sharing +grpcfuse \(fuse\.grpcfuse\) seen in a container/);
  });
  it('prints JSON for scripts', async () => {
    const result = await runCli(['identify', '--json', file('identify/container-system-status-0.11.0-xgo-315.txt')]);
    assert.equal(result.code, 0, result.stderr);
    const json = JSON.parse(result.stdout) as { kind: string; vm: { hypervisor: string } };
    assert.deepEqual([json.kind, json.vm.hypervisor], ['apple-container', 'Apple Virtualization.framework']);
  });
  it('exits 2 with what it accepts when nothing is recognisable, 64 on a missing file', async () => {
    const nothing = await runCli(['identify', file('runs/small-docker-linux.json')]);
    assert.equal(nothing.code, 2);
    assert.match(nothing.stderr, /nothing recognisable .* reads `docker info`/);
    const missing = await runCli(['identify', file('no-such-file.txt')]);
    assert.equal(missing.code, 64);
  });
});
