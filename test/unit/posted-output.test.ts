// Platform recognition from what users post: every `docker info` / `docker version` output in
// test/recordings/docker-info/public/ (its README says where each came from), read back into the engine's answers
// and recognised by the kinds, as `mountbench platforms` would recognise that engine live.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseInfoText } from '../../src/platforms/evidence/docker-info-text.js';
import { parseVersionText } from '../../src/platforms/evidence/docker-version-text.js';
import { readEvidence } from '../../src/platforms/evidence/read.js';
import { identify, platformKind, platformLabel } from '../../src/platforms/identify.js';

const parsePostedOutput = (text: string) => readEvidence([{ origin: 'posted', text }]);

const DIR = new URL('../recordings/docker-info/public/', import.meta.url);
const posted = (file: string) => readFileSync(new URL(file, DIR), 'utf8');

/** Each file: the kind it must be recognised as, its label, and why (the engine's own field that says so). */
const EXPECTED: Record<string, [kind: string, label: string, why: string]> = {
  'colima-ubuntu24.04-engine-unknown-info-excerpt.txt': ['colima', 'Colima', 'Name: colima (the VM\'s host name)'],
  'docker-ce-wsl2-ubuntu22.04-docker.io-29.1.3-info.txt': ['wsl2', 'Docker in WSL2 29.1.3', 'Kernel Version ...-microsoft-standard-WSL2; OS Ubuntu, no Docker Desktop'],
  'docker-desktop-linux-4.43.2-arm64-version-excerpt.txt': ['docker-desktop', 'Docker Desktop 4.43.2 (199162)', 'Server: Docker Desktop 4.43.2 (Platform.Name)'],
  'docker-desktop-linux-4.55.0-amd64-version-excerpt.txt': ['docker-desktop', 'Docker Desktop 4.55.0 (213807)', 'Server: Docker Desktop 4.55.0 (Platform.Name)'],
  'docker-desktop-linux-engine-29.2.0-info.txt': ['docker-desktop', 'Docker Desktop 29.2.0', 'Operating System: Docker Desktop (info alone names no app version)'],
  'docker-desktop-mac-2020-engine-19.03.12.json': ['docker-desktop', 'Docker Desktop 19.03.12', 'OperatingSystem "Docker Desktop", Name docker-desktop'],
  'docker-desktop-mac-4.26.0-arm64-version-excerpt.txt': ['docker-desktop', 'Docker Desktop 4.26.0 (130397)', 'Server: Docker Desktop 4.26.0'],
  'docker-desktop-mac-4.47.0-arm64-info.txt': ['docker-desktop', 'Docker Desktop 28.4.0', 'Operating System: Docker Desktop'],
  'docker-desktop-mac-4.47.0-arm64-version.txt': ['docker-desktop', 'Docker Desktop 4.47.0 (206054)', 'Server: Docker Desktop 4.47.0'],
  'docker-desktop-mac-4.48.0-intel-info.txt': ['docker-desktop', 'Docker Desktop 28.5.1', 'Operating System: Docker Desktop'],
  'docker-desktop-mac-4.48.0-intel-version.txt': ['docker-desktop', 'Docker Desktop 4.48.0 (207573)', 'Server: Docker Desktop 4.48.0'],
  'docker-desktop-mac-4.88.0-arm64-version.txt': ['docker-desktop', 'Docker Desktop 4.88.0 (237115)', 'Server: Docker Desktop 4.88.0'],
  'docker-desktop-mac-engine-20.10.13-intel-info-excerpt.txt': ['docker-desktop', 'Docker Desktop 20.10.13', 'Operating System: Docker Desktop'],
  'docker-desktop-windows-arm64-4.52.0-version.txt': ['docker-desktop', 'Docker Desktop 4.52.0 (210994)', 'Server: Docker Desktop 4.52.0'],
  'docker-desktop-windows-hyperv-2020-engine-19.03.12.json': ['docker-desktop', 'Docker Desktop 19.03.12', 'OperatingSystem "Docker Desktop"'],
  'docker-desktop-windows-wsl2-engine-27.2.0-info.txt': ['docker-desktop', 'Docker Desktop 27.2.0', 'Operating System: Docker Desktop wins over its WSL2 kernel'],
  'docker-in-docker-on-docker-desktop-25.0.0-info-docs.txt': ['docker-linux', 'Docker on Linux 25.0.0', 'a dockerd in a container (Alpine, Name a container ID): its -linuxkit kernel alone is not Docker Desktop\'s engine'],
  'lima-docker-template-ubuntu22.04-info-excerpt.txt': ['lima', 'Lima', 'Name: lima-docker; rootless inside, but Lima is tried before rootless Docker'],
  'orbstack-engine-28.5.2-intel-info.txt': ['orbstack', 'OrbStack 28.5.2', 'Operating System: OrbStack, Name orbstack, kernel -orbstack'],
  'podman-machine-macos-4.0.3-docker-info-excerpt.txt': ['podman', 'Podman 4.0.3', 'Docker Root Dir .../containers/storage: /info has no other Podman field (Name localhost.localdomain, OS fedora)'],
  'podman-machine-macos-applehv-5.2.5-podman-info-excerpt.txt': ['podman', 'Podman', '`podman info` of a running machine (its version is past the excerpt\'s end)'],
  'podman-machine-macos-applehv-5.2.5-podman-info-not-running.txt': ['podman', 'Podman 5.2.5', '`podman info` of a stopped machine: the client\'s provider and version'],
  'rancher-desktop-moby-29.5.3-arm64-info-server.txt': ['rancher-desktop', 'Rancher Desktop 29.5.3', 'Name: lima-rancher-desktop (its OS is Alpine, its VM a Lima VM)'],
  'rootless-docker-debian12-27.1.1-info.txt': ['rootless-docker', 'rootless Docker 27.1.1', 'Security Options: rootless'],
  'rootless-docker-debian12-27.1.1-version.txt': ['rootless-docker', 'rootless Docker 27.1.1', 'a rootlesskit component in /version'],
};

describe('platforms recognised in outputs users posted', () => {
  it('has an expectation for every recording', () => {
    assert.deepEqual(readdirSync(DIR).filter((f) => f !== 'README.md').sort(), Object.keys(EXPECTED).sort());
  });
  for (const [file, [kind, label, why]] of Object.entries(EXPECTED)) {
    it(`${file}: ${kind} (${why})`, () => {
      const facts = parsePostedOutput(posted(file));
      assert.equal(platformKind(facts), kind);
      assert.equal(platformLabel(platformKind(facts), facts), label);
    });
  }
});

describe('reading posted outputs back into engine answers', () => {
  it('reads `docker info` text: the server part only, sizes in binary units, security options as the API lists them', () => {
    const info = parseInfoText(posted('rootless-docker-debian12-27.1.1-info.txt'));
    assert.deepEqual(info, {
      Name: 'pcherzigd64',
      OperatingSystem: 'Debian GNU/Linux 12 (bookworm)',
      OSType: 'linux',
      KernelVersion: '6.1.0-23-amd64',
      Architecture: 'x86_64',
      NCPU: 8,
      MemTotal: Math.round(15.03 * 2 ** 30),
      ServerVersion: '27.1.1',
      Driver: 'overlay2',
      DockerRootDir: '/home/daniel/.local/share/docker',
      SecurityOptions: ['name=seccomp,profile=builtin', 'name=rootless', 'name=cgroupns'],
    });
  });

  it('copes with CRLF, a pasted excerpt without its header, and an unindented heading', () => {
    assert.equal(parseInfoText(posted('docker-desktop-windows-wsl2-engine-27.2.0-info.txt')).KernelVersion, '5.15.153.1-microsoft-standard-WSL2');
    assert.equal(parseInfoText(posted('lima-docker-template-ubuntu22.04-info-excerpt.txt')).DockerRootDir, '/home/byungkwonc.linux/.local/share/docker');
    const colima = parseInfoText(posted('colima-ubuntu24.04-engine-unknown-info-excerpt.txt'));
    assert.deepEqual([colima.SecurityOptions, colima.KernelVersion], [['name=apparmor', 'name=seccomp,profile=builtin', 'name=cgroupns'], '6.8.0-31-generic']);
  });

  it('reads `docker version` text: the platform, the engine and every component', () => {
    assert.deepEqual(parseVersionText(posted('rootless-docker-debian12-27.1.1-version.txt')), {
      Platform: { Name: 'Docker Engine - Community' },
      Version: '27.1.1',
      ApiVersion: '1.46',
      Components: ['Engine:27.1.1', 'containerd:1.7.19', 'runc:1.7.19', 'docker-init:0.19.0', 'rootlesskit:2.0.2', 'slirp4netns:1.2.0'].map((c) => ({ Name: c.split(':')[0], Version: c.split(':')[1] })),
    });
    assert.deepEqual(parseVersionText(posted('docker-desktop-mac-4.47.0-arm64-info.txt')), {}, '`docker info` has no components');
  });

  it("reads Podman's `docker version` (its engine component) and JSON in the API's shapes", () => {
    // Constructed, not posted: `docker version` laid out from the lab's Podman answers (../docker-info/podman-4.3-debian12.json).
    const podman = 'Server: linux/amd64/debian-12\n Podman Engine:\n  Version:          4.3.1\n  APIVersion:       4.3.1\n Engine:\n  Version:          4.3.1\n  API version:      1.41 (minimum version 1.24)\n';
    const facts = parsePostedOutput(podman);
    assert.deepEqual([platformKind(facts), platformLabel('podman', facts)], ['podman', 'Podman 4.3.1']);
    assert.equal(parsePostedOutput('{"OperatingSystem": "OrbStack", "Name": "orbstack"}').info.Name, 'orbstack');
    assert.equal(parsePostedOutput('{"Client": {}, "Server": {"Platform": {"Name": "Docker Desktop 4.37.1 (178610)"}}}').version.Platform?.Name, 'Docker Desktop 4.37.1 (178610)');
  });

  it('reads a bare /version JSON object as /version, not /info', () => {
    const facts = parsePostedOutput('{"Platform": {"Name": "Docker Desktop 4.86.0 (236216)"}, "Version": "29.7.2", "ApiVersion": "1.55"}');
    assert.deepEqual(facts.info, {});
    assert.equal(facts.version.Platform?.Name, 'Docker Desktop 4.86.0 (236216)');
    assert.equal(platformLabel(platformKind(facts), facts), 'Docker Desktop 4.86.0 (236216)');
  });

  it("reads on past a component whose version spans lines (crun's), to the Engine after it", () => {
    // Constructed, not posted: the layout of `docker version` against Podman, crun's version as `crun --version`
    // prints it (its three unindented lines as in podman-container-tools/podman#29496's /info excerpt).
    const text = 'Server: linux/arm64/fedora-39\n Podman Engine:\n  Version:          4.9.3\n OCI Runtime (crun):\n  Version:          crun version 1.27.1\ncommit: 3ec076b3b6714ec2f1a10533cf18d5605a6de637\nrundir: /run/crun\nspec: 1.0.0\n+SYSTEMD +SELINUX +LIBKRUN +YAJL\n Engine:\n  Version:          4.9.3\n  API version:      1.41 (minimum version 1.24)\n';
    const version = parseVersionText(text);
    assert.equal(version.Version, '4.9.3');
    assert.deepEqual(version.Components?.map((c) => c.Name), ['Podman Engine', 'OCI Runtime (crun)', 'Engine']);
  });

  it("names Podman's engine Podman Engine, not the os/arch string in its Platform.Name", () => {
    const facts = parsePostedOutput('Server: linux/amd64/debian-12\n Podman Engine:\n  Version:          4.3.1\n');
    assert.equal(identify(facts).engine.product, 'Podman Engine');
  });
});
