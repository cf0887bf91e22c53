// One recognition for every way in: `platforms` and `doctor` asking the live host engine, and `identify` reading
// what a user would paste from the same engine (docker info and docker version as JSON, and a container's mountinfo
// with the current directory bind-mounted, as `platforms` and `doctor` probe it), give the same answer.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { PlatformReport } from '../../src/doctor/platform-report.js';
import type { Listed } from '../../src/platforms/list.js';
import type { Identification } from '../../src/platforms/identify.js';
import { runCli } from '../helpers/cli.js';
import { requireEngine } from '../helpers/engine.js';

const scratch = mkdtempSync(join(tmpdir(), 'mountbench-identify-live-'));
// An empty docker config hides every context: only the default socket is asked.
const env = { DOCKER_CONFIG: join(scratch, 'docker-config') };
const pasted = join(scratch, 'pasted.txt');

before(async () => {
  await requireEngine();
  const docker = (...args: string[]) => execFileSync('docker', args, { encoding: 'utf8', env: { ...process.env, ...env } });
  const mountinfo = docker('run', '--rm', '--label', 'mountbench.test=identify-live', '-v', `${process.cwd()}:/src:ro`, 'mountbench/node:offline', 'cat', '/proc/self/mountinfo');
  writeFileSync(pasted, [docker('info', '--format', 'json'), docker('version', '--format', 'json'), mountinfo].join('\n'));
});
after(() => rmSync(scratch, { recursive: true, force: true }));

const answer = (a: { kind: string; label: string; engine: object; mechanism?: string; fstype?: string | null }) => ({ kind: a.kind, label: a.label, engine: a.engine, mechanism: a.mechanism, fstype: a.fstype });

describe('platforms, doctor and identify on the same engine', () => {
  it('give the same kind, label, engine and file sharing', async () => {
    const [platforms, doctor, identify] = await Promise.all([
      runCli(['platforms', '--json'], env),
      runCli(['doctor', '--json'], env),
      runCli(['identify', '--json', pasted], env),
    ]);
    for (const r of [platforms, doctor, identify]) assert.equal(r.code, 0, r.stderr);
    const live = (JSON.parse(platforms.stdout) as Listed[]).find((l) => l.name === 'default')!.identity!;
    const diagnosed = (JSON.parse(doctor.stdout) as PlatformReport[]).find((r) => r.name === 'default')!.identity!;
    const read = JSON.parse(identify.stdout) as Identification;
    const fromLive = answer({ ...live, mechanism: live.fileSharing?.mechanism, fstype: live.fileSharing?.fstype });
    assert.equal(fromLive.kind, 'docker-linux');
    assert.equal(fromLive.mechanism, 'none');
    assert.deepEqual(answer({ ...diagnosed, mechanism: diagnosed.fileSharing?.mechanism, fstype: diagnosed.fileSharing?.fstype }), fromLive);
    assert.deepEqual(answer({ ...read, mechanism: read.fileSharing?.mechanism, fstype: read.fileSharing?.fstype }), fromLive);
  });
});
