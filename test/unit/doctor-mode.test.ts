// "Which mode am I really in": what runs (a container's bind mount, the VM the identification found) against what the
// platform's settings say — real settings files from test/recordings/settings/ (sources in its README) — and the
// finding where they disagree.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { PlatformFacts } from '../../src/doctor/finding.js';
import { modeDisagreement, modeOf } from '../../src/doctor/mode.js';
import { diagnose } from '../../src/doctor/rules.js';
import { slowMountType } from '../../src/doctor/settings-rules.js';
import type { FileSharing, PlatformIdentity } from '../../src/model/run-document.js';
import { parseColimaSettings } from '../../src/platforms/settings/colima.js';
import { parseDockerDesktopSettings } from '../../src/platforms/settings/docker-desktop.js';
import type { HostOs } from '../../src/platforms/settings/settings.js';

const MAC: HostOs = { platform: 'darwin', release: '23.4.0', arch: 'arm64' };
const WINDOWS: HostOs = { platform: 'win32', release: '10.0.22631', arch: 'x64' };
const HOME = '/Users/dev';
const recording = (path: string) => readFileSync(new URL(`../recordings/settings/${path}`, import.meta.url), 'utf8');

function facts(kind: string, fileSharing: FileSharing | null, more: Partial<PlatformFacts> = {}): PlatformFacts {
  const engine = { product: 'Docker Engine', version: '27.3.1', apiVersion: '1.47', os: 'x', kernel: 'x', arch: 'aarch64', cpus: 4, memoryBytes: 2 ** 32, storageDriver: 'overlay2' };
  const identity: PlatformIdentity = { name: kind, endpoint: 'unix:///x.sock', source: 'socket', kind, label: kind, engine, fileSharing };
  return { name: kind, identity, settings: null, onThisKernel: false, project: `${HOME}/code/app`, runs: [], ...more };
}
const seen = (fstype: string, mechanism: string): FileSharing => ({ mechanism, fstype, mountinfo: `1 2 0:1 / /mountbench/probe ro - ${fstype} src rw` });

const desktopVirtiofs = parseDockerDesktopSettings(recording('docker-desktop/settings-mac-v38-pkjr002.json'), '/s/settings.json', MAC);
const colimaVirtiofs = parseColimaSettings(recording('colima/colima-user-vz-virtiofs-disrupted.yaml'), `${HOME}/.colima/default/colima.yaml`, { host: MAC, home: HOME, profile: 'default' });
const colimaSshfs = parseColimaSettings(recording('colima/colima-user-qemu-sshfs-yakimant.yaml'), `${HOME}/.colima/default/colima.yaml`, { host: MAC, home: HOME, profile: 'default' });

describe('doctor: which mode a platform is really in', () => {
  it('Docker Desktop set to VirtioFS whose containers see gRPC FUSE: slow, and the fix is a restart', () => {
    const p = facts('docker-desktop', seen('fuse.grpcfuse', 'grpcfuse'), { settings: desktopVirtiofs });
    const mode = modeOf(p);
    assert.deepEqual([mode.fileSharing.running?.value, mode.fileSharing.configured?.value, mode.fileSharing.agree], ['grpcfuse', 'virtiofs', false]);
    const [finding, ...rest] = modeDisagreement(p, []);
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'slow');
    assert.equal(finding.text, 'bind mounts go through grpcfuse, not the virtiofs the settings say: what you measure is grpcfuse');
    assert.match(finding.evidence, /^file sharing: running grpcfuse — seen in a container's bind mount \(fuse\.grpcfuse\); configured virtiofs — .*VirtioFS: true in \/s\/settings\.json$/);
    assert.match(finding.fix!.how, /restarts/);
  });

  it('the same settings with Docker Desktop\'s fakeowner VirtioFS mount agree, and find nothing', () => {
    const p = facts('docker-desktop', seen('fakeowner', 'virtiofs'), { settings: desktopVirtiofs });
    assert.equal(modeOf(p).fileSharing.agree, true);
    assert.deepEqual(modeDisagreement(p, []), []);
  });

  it('a Colima VM made with sshfs whose colima.yaml now says virtiofs: the VM keeps its mount type, and slowMountType does not claim sshfs for a VM that shows virtiofs', () => {
    const made = facts('colima', seen('fuse.sshfs', 'sshfs'), { settings: colimaVirtiofs });
    const [finding] = modeDisagreement(made, []);
    assert.match(finding.text, /^bind mounts go through sshfs, not the virtiofs/);
    assert.match(finding.fix!.how, /fixed when the VM is created: colima delete/);
    const remade = facts('colima', seen('virtiofs', 'virtiofs'), { settings: colimaSshfs });
    assert.deepEqual(slowMountType(remade, []), []);
    assert.equal(modeDisagreement(remade, [])[0].text, 'bind mounts go through virtiofs, not the sshfs the settings say: what you measure is virtiofs');
  });

  it('a VM other than the configured one (a WSL 2 kernel answering where settings say Hyper-V) is said, as info', () => {
    const hyperV = parseDockerDesktopSettings('{"WslEngineEnabled": false}', 'C:/s/settings-store.json', WINDOWS);
    assert.equal(hyperV.vmType, 'hyper-v');
    const p = facts('docker-desktop', null, { settings: hyperV, vm: { type: 'wsl2', hypervisor: 'Hyper-V (the WSL 2 utility VM)', from: 'kernel 5.15.153.1-microsoft-standard-WSL2' } });
    const [finding] = modeDisagreement(p, []);
    assert.equal(finding.severity, 'info');
    assert.match(finding.text, /^the VM is wsl2, not the hyper-v its settings say/);
  });

  it('one VM under two names (Colima\'s vz, a tool\'s applehv) agrees; a VM read from the settings themselves is not a second witness', () => {
    assert.equal(modeOf(facts('colima', null, { settings: colimaVirtiofs, vm: { type: 'applehv', hypervisor: null, from: 'a VM tool' } })).vm.agree, true);
    const echo = modeOf(facts('colima', null, { settings: colimaSshfs, vm: { type: 'qemu', hypervisor: 'QEMU', from: colimaSshfs.source } }));
    assert.equal(echo.vm.running, null);
  });

  it('under WSL 2 a project inside the distribution (ext4, no share) is the fast path, not a disagreement', () => {
    const wsl = parseDockerDesktopSettings(recording('docker-desktop/settings-windows-wsl2-v29-mimikun.json'), 'C:/s/settings.json', WINDOWS);
    assert.equal(wsl.vmType, 'wsl2');
    assert.deepEqual(modeDisagreement(facts('docker-desktop', seen('ext4', 'none'), { settings: wsl }), []), []);
  });

  it('a project a container sees on the VM\'s own disk where the settings share it is broken; outside the listed shares it is projectShared\'s one finding', () => {
    const shared = parseDockerDesktopSettings(recording('docker-desktop/settings-mac-v38-pkjr002.json'), '/s/settings.json', MAC);
    const inside = facts('docker-desktop', seen('ext4', 'none'), { settings: shared });
    assert.equal(modeDisagreement(inside, [])[0].severity, 'broken');
    const outside = facts('docker-desktop', seen('ext4', 'none'), { settings: shared, project: '/opt/app' });
    assert.deepEqual(modeDisagreement(outside, []), []);
    assert.equal(diagnose(outside, []).filter((f) => f.severity === 'broken').length, 1);
  });
});
