import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileSharingOf, mountFor, parseMountinfo, sharingMechanism } from '../../src/platforms/mountinfo.js';

// Recorded in a container on this project's CI machine (docker.io 20.10.24, Debian 12) with a bind mount on
// /mountbench/project and a named volume on /mountbench/project/node_modules.
const recorded = readFileSync(new URL('../recordings/mountinfo/docker-linux-bind-and-volume.txt', import.meta.url), 'utf8');

// Recorded in a container of the sharing lab (scripts/sharing-lab.sh up, sshfs mode) with /tmp/proj bind-mounted.
const lab = readFileSync(new URL('../recordings/mountinfo/sharing-lab-sshfs-bind.txt', import.meta.url), 'utf8');

describe('mountinfo', () => {
  it('reads a bind mount through the sshfs lab as sshfs', () => {
    const sharing = fileSharingOf(mountFor(parseMountinfo(lab), '/mountbench/project/package.json'));
    assert.deepEqual([sharing.mechanism, sharing.fstype], ['sshfs', 'fuse.sshfs']);
  });
  const entries = parseMountinfo(recorded);
  it('parses every line of a real mountinfo', () => {
    assert.equal(entries.length, recorded.trim().split('\n').length);
    assert.equal(entries.find((e) => e.mountPoint === '/')!.fstype, 'overlay');
  });
  it('finds the mount a path lives on (longest prefix)', () => {
    assert.equal(mountFor(entries, '/mountbench/project')!.root, '/tmp/mi');
    assert.equal(mountFor(entries, '/mountbench/project/src/index.js')!.mountPoint, '/mountbench/project');
    assert.equal(mountFor(entries, '/mountbench/project/node_modules/react')!.root, '/var/lib/docker/volumes/mi-rec/_data');
    assert.equal(mountFor(entries, '/usr/bin')!.mountPoint, '/');
  });
  it('reads a bind mount on Docker for Linux as a local file system', () => {
    const sharing = fileSharingOf(mountFor(entries, '/mountbench/project'));
    assert.deepEqual([sharing.mechanism, sharing.fstype], ['none', 'ext4']);
  });
  it('unescapes octal escapes in paths', () => {
    const [entry] = parseMountinfo('301 228 0:52 /Users/me/My\\040Project /app rw - fakeowner /run/host_mark/Users rw');
    assert.equal(entry.root, '/Users/me/My Project');
    assert.equal(entry.fstype, 'fakeowner');
  });
  it('names the mechanisms the platforms use (fstype as each platform shows it)', () => {
    const table: Record<string, string> = {
      fakeowner: 'virtiofs', // Docker Desktop (VirtioFS), docker/desktop-feedback#626, nolabs-ai/nono#1445
      virtiofs: 'virtiofs', // Lima/Colima/Rancher Desktop vz, Docker Desktop for Linux 4.31 (desktop-feedback#626)
      'fuse.grpcfuse': 'grpcfuse',
      osxfs: 'osxfs',
      '9p': '9p',
      'fuse.sshfs': 'sshfs',
      fuse: 'fuse',
      ext4: 'none',
      btrfs: 'none',
      overlay: 'none',
      wat: 'unknown',
    };
    for (const [fstype, mechanism] of Object.entries(table)) assert.equal(sharingMechanism(fstype), mechanism, fstype);
  });
  it('says unknown when the path is not found', () => assert.equal(fileSharingOf(undefined).mechanism, 'unknown'));
});
