// Finding the host processes that serve a platform's bind mounts, on a /proc rebuilt from a recording of the sshfs
// lab's processes (test/recordings/proc/sharing-lab-sshfs.json: two sshfs mounts, /tmp and /work, each with its ssh
// client and the sshd session serving it); and reading macOS `ps` times.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { scanProcesses } from '../../src/platforms/processes.js';
import { fuseSharingProcesses, parsePs } from '../../src/platforms/sharing-processes.js';

interface Recorded {
  stat: string;
  cmdline: string;
  fd?: Record<string, string>;
  tcp?: string;
}
const recording = JSON.parse(readFileSync(new URL('../recordings/proc/sharing-lab-sshfs.json', import.meta.url), 'utf8')) as {
  processes: Record<string, Recorded>;
  'ss -x -a -n': string;
};
const ss = recording['ss -x -a -n'];

// The recorded entries laid out as /proc: stat and cmdline files, fd links, each process's view of net/tcp.
const proc = mkdtempSync(join(tmpdir(), 'mountbench-proc-'));
after(() => rmSync(proc, { recursive: true, force: true }));
for (const [pid, p] of Object.entries(recording.processes)) {
  mkdirSync(join(proc, pid, 'fd'), { recursive: true });
  mkdirSync(join(proc, pid, 'net'));
  writeFileSync(join(proc, pid, 'stat'), p.stat);
  writeFileSync(join(proc, pid, 'cmdline'), p.cmdline);
  for (const [fd, target] of Object.entries(p.fd ?? {})) symlinkSync(target, join(proc, pid, 'fd', fd));
  writeFileSync(join(proc, pid, 'net', 'tcp'), p.tcp ?? '');
}
const comms = (pids: number[]) => pids.map((pid) => `${pid} ${scanProcesses(proc).find((p) => p.pid === pid)!.comm}`);

describe('the processes serving a bind mount', () => {
  it('are the sshfs daemon of the mount holding the directory, its ssh, and the sshd session at the other end', () => {
    const group = fuseSharingProcesses('/work/main/mountbench-results/x/.work/default', scanProcesses(proc), proc, ss);
    assert.deepEqual(comms(group.map((p) => p.pid).sort((a, b) => a - b)), ['14728 sshfs', '14732 ssh', '14736 sshd', '14771 sshd']);
  });
  it('follow the mount: a directory under /tmp is the other sshfs', () => {
    const group = fuseSharingProcesses('/tmp/mountbench-lab-x/run/.work/mountbench-lab', scanProcesses(proc), proc, ss);
    assert.deepEqual(comms(group.map((p) => p.pid).sort((a, b) => a - b)), ['14715 sshfs', '14721 ssh', '14724 sshd', '14754 sshd']);
  });
  it('are none for a directory no FUSE daemon serves', () => {
    assert.deepEqual(fuseSharingProcesses('/var/lib/somewhere', scanProcesses(proc), proc, ss), []);
  });
});

describe('macOS ps', () => {
  it('reads pid, cumulative CPU time and command', () => {
    // Times as macOS ps prints them ("0:37.84" in docker/for-mac#27626's `ps -ax`, "82:00.37" in darwin-jail#14),
    // in the columns mountbench asks for (ps -axo pid=,time=,comm=).
    const listed = parsePs('91811     0:37.84 /Applications/Docker.app/Contents/MacOS/com.docker.osxfs\n    1    82:00.37 /sbin/launchd\n  7  1-02:00:00.50 /usr/libexec/logd\n');
    assert.deepEqual(listed, [
      { pid: 91811, cpuSeconds: 37.84, comm: '/Applications/Docker.app/Contents/MacOS/com.docker.osxfs' },
      { pid: 1, cpuSeconds: 82 * 60 + 0.37, comm: '/sbin/launchd' },
      { pid: 7, cpuSeconds: 86400 + 2 * 3600 + 0.5, comm: '/usr/libexec/logd' },
    ]);
  });
});
