import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { DiscoveryEnvironment } from '../../src/platforms/environment.js';
import type { EngineFacts } from '../../src/platforms/engine.js';
import { engineEvidence } from '../../src/platforms/evidence/evidence.js';
import { platformKind as kindOfEvidence } from '../../src/platforms/identify.js';
import { DISCOVERY_ORDER, PLATFORM_KINDS, startHint } from '../../src/platforms/kinds/catalog.js';
import { lima } from '../../src/platforms/kinds/lima.js';
import { podman } from '../../src/platforms/kinds/podman.js';
import { rancherDesktop } from '../../src/platforms/kinds/rancher-desktop.js';
import { rootlessDocker } from '../../src/platforms/kinds/rootless-docker.js';
import { sharingMechanism } from '../../src/platforms/mountinfo.js';

const ids = PLATFORM_KINDS.map((kind) => kind.id);
const platformKind = (facts: EngineFacts) => kindOfEvidence(engineEvidence(facts));
const says = (kind: { recognise: (ev: ReturnType<typeof engineEvidence>) => unknown[] }, facts: EngineFacts) => kind.recognise(engineEvidence(facts)).length > 0;
type Id = (typeof ids)[number];
const isBefore = (first: Id, then: Id) => ids.indexOf(first) < ids.indexOf(then);

describe('platform kinds: the order engines are recognised in', () => {
  it('holds every kind once, under the id run documents record', () => {
    assert.deepEqual(ids, [
      'podman',
      'docker-desktop',
      'orbstack',
      'apple-container',
      'rancher-desktop',
      'colima',
      'lima',
      'wsl2',
      'rootless-docker',
      'linux-vm',
      'docker-linux',
    ]);
  });

  it('tries Podman before docker-linux: its Docker-compatible API looks like any Docker engine', () => {
    assert.ok(isBefore('podman', 'docker-linux'));
  });

  it('tries Docker Desktop before docker-linux', () => assert.ok(isBefore('docker-desktop', 'docker-linux')));

  it('tries Rancher Desktop and Colima before Lima: their VMs are Lima VMs', () => {
    assert.ok(isBefore('rancher-desktop', 'lima'));
    assert.ok(isBefore('colima', 'lima'));
  });

  it('tries WSL2 and rootless Docker before docker-linux, which is last: the fallback for any Linux engine', () => {
    assert.ok(isBefore('wsl2', 'docker-linux'));
    assert.ok(isBefore('rootless-docker', 'docker-linux'));
    assert.equal(ids.at(-1), 'docker-linux');
  });

  it('recognises a Rancher Desktop engine as rancher-desktop, though Lima would claim it if asked first', () => {
    const rancher: EngineFacts = { info: { Name: 'lima-rancher-desktop', OperatingSystem: 'Alpine Linux v3.20', OSType: 'linux' }, version: {} };
    assert.ok(says(lima, rancher), 'its VM is a Lima VM');
    assert.ok(says(rancherDesktop, rancher));
    assert.equal(platformKind(rancher), 'rancher-desktop');
    assert.equal([lima, rancherDesktop].find((kind) => says(kind, rancher))?.id, 'lima', 'what the other order would say');
  });

  it('recognises rootless Podman as podman, though it says name=rootless as rootless Docker does', () => {
    const rootlessPodman: EngineFacts = {
      info: { OperatingSystem: 'fedora', OSType: 'linux', SecurityOptions: ['name=seccomp,profile=default', 'name=rootless'] },
      version: { Version: '5.2.0', Components: [{ Name: 'Podman Engine', Version: '5.2.0' }] },
    };
    assert.ok(says(rootlessDocker, rootlessPodman));
    assert.ok(says(podman, rootlessPodman));
    assert.equal(platformKind(rootlessPodman), 'podman');
  });

  it("is 'unknown' when no kind recognises the engine", () => {
    assert.equal(platformKind({ info: { OSType: 'windows', OperatingSystem: 'Windows Server 2022' }, version: {} }), 'unknown');
  });
});

describe('platform kinds: what each one knows', () => {
  const home = mkdtempSync(join(tmpdir(), 'mountbench-kinds-'));
  after(() => rmSync(home, { recursive: true, force: true }));
  for (const dir of ['.colima/default', '.colima/work', '.lima/docker', '.local/share/containers/podman/machine/podman-machine-default']) {
    mkdirSync(join(home, dir), { recursive: true });
  }
  const de: DiscoveryEnvironment = { env: { XDG_RUNTIME_DIR: join(home, 'run') }, home, root: join(home, 'system-root') };

  it('every kind has a label, its sockets, the endpoint names it claims and how to start it', () => {
    for (const kind of PLATFORM_KINDS) {
      assert.match(kind.label, /\S/, kind.id);
      assert.ok(Array.isArray(kind.sockets(de)), kind.id);
      assert.equal(typeof kind.claims, 'function', kind.id);
      assert.match(kind.start(kind.id), /\S/, kind.id);
    }
  });

  it("a kind's sockets are listed under names it claims, so their start hints are its own", () => {
    for (const kind of PLATFORM_KINDS) {
      // The default socket is docker-linux's only on a Linux host; on a Mac a desktop app serves it.
      if (kind.id === 'docker-linux' && process.platform !== 'linux') continue;
      for (const socket of kind.sockets(de)) assert.ok(kind.claims(socket.name), `${kind.id} claims ${socket.name}`);
    }
  });

  it('discovery lists the sockets of every kind, each kind once', () => {
    assert.deepEqual(DISCOVERY_ORDER.map((kind) => kind.id).sort(), [...ids].sort());
  });
});

describe('start hints, by endpoint name', () => {
  const hints: Record<string, string> = {
    'desktop-linux': 'start Docker Desktop (open -a Docker)',
    orbstack: 'start OrbStack (orb start)',
    colima: 'colima start',
    'colima-work': 'colima start --profile work',
    'rancher-desktop': 'start Rancher Desktop',
    'lima-default': 'limactl start default',
    'podman-machine-default': 'podman machine start (macOS) or podman system service --time=0 (Linux)',
    rootless: 'systemctl --user start docker',
    default:
      process.platform === 'linux'
        ? 'sudo systemctl start docker (on a fresh Linux machine as root: npm run engine)'
        : 'start Docker Desktop, OrbStack, Colima, Lima, Rancher Desktop or Podman',
  };
  for (const [name, hint] of Object.entries(hints)) it(name, () => assert.equal(startHint({ name }), hint));
});

describe('bind-mount fstypes a kind explains', () => {
  it("reads Docker Desktop's fakeowner as VirtioFS, and fakeowner elsewhere as unknown", () => {
    assert.equal(sharingMechanism('fakeowner', 'docker-desktop'), 'virtiofs');
    assert.equal(sharingMechanism('fakeowner', 'lima'), 'unknown');
  });

  it('reads the fstypes every kind shows alike the same on each', () => {
    for (const kind of ids) assert.equal(sharingMechanism('virtiofs', kind), 'virtiofs', kind);
  });
});
