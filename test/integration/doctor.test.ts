// `mountbench doctor` on the real host engine alone: an empty docker config hides every context (the sharing lab's
// among them), so only the default socket is asked. A history holding a recorded run of this engine gives it a
// finding from "your last run" besides the probe's.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { historyEntry } from '../../src/results/history.js';
import { readRunDocument } from '../../src/results/store.js';
import type { PlatformReport } from '../../src/doctor/platform-report.js';
import { runCli } from '../helpers/cli.js';
import { requireEngine } from '../helpers/engine.js';

const scratch = mkdtempSync(join(tmpdir(), 'mountbench-doctor-'));
const env = { DOCKER_CONFIG: join(scratch, 'docker-config'), MOUNTBENCH_HISTORY: join(scratch, 'history.jsonl') };

before(async () => {
  await requireEngine();
  const runFile = fileURLToPath(new URL('../recordings/runs/workloads-host-and-lab.json', import.meta.url));
  writeFileSync(env.MOUNTBENCH_HISTORY, `${JSON.stringify(historyEntry(await readRunDocument(runFile), runFile))}\n`);
});
after(() => rmSync(scratch, { recursive: true, force: true }));

describe('mountbench doctor on the host engine', () => {
  it('--json: Docker on Linux, a local file system under bind mounts, findings with evidence and sources', async () => {
    const { code, stdout, stderr } = await runCli(['doctor', '--json'], env);
    assert.equal(code, 0, stderr);
    const host = (JSON.parse(stdout) as PlatformReport[]).find((r) => r.name === 'default')!;
    assert.equal(host.identity?.kind, 'docker-linux');
    assert.equal(host.identity?.fileSharing?.mechanism, 'none');
    assert.match(host.identity?.fileSharing?.fstype ?? '', /^(ext4|xfs|btrfs|overlay)$/);
    assert.equal(host.onThisKernel, true);
    assert.equal(host.settings, null, 'Docker on Linux keeps no settings of its own');
    // Which mode it is really in: what a container sees, nothing configured against it, so nothing to disagree with.
    assert.deepEqual([host.mode?.fileSharing.running?.value, host.mode?.fileSharing.configured, host.mode?.fileSharing.agree, host.mode?.vm.agree], ['none', null, true, true]);
    const texts = host.findings.map((f) => f.text);
    assert.ok(texts.some((t) => t.startsWith('bind mounts here are as fast as volumes')), texts.join('\n'));
    assert.ok(texts.some((t) => t.startsWith('your last run (2026-11-23): ')), texts.join('\n'));
    assert.ok(host.findings.every((f) => f.platform === 'default' && f.evidence !== '' && f.source !== ''));
  });

  it('prints per platform what it is, how it shares files, and its findings, without colour when asked', async () => {
    const { code, stdout } = await runCli(['doctor', '--project', scratch], env);
    assert.equal(code, 0);
    assert.match(stdout, new RegExp(`^project: ${scratch}`));
    assert.match(stdout, /^default {2}docker-linux · Docker on Linux /m);
    assert.match(stdout, /VM {12}none: the engine runs on this machine's kernel/);
    assert.match(stdout, /in a container: none \((ext4|xfs|btrfs|overlay)\)/);
    assert.match(stdout, /info {4}bind mounts here are as fast as volumes/);
    assert.match(stdout, /source: \/proc\/self\/mountinfo of a container with .* bind-mounted/);
    assert.doesNotMatch(stdout, /\x1b\[/, 'NO_COLOR: no escape codes');
  });

  it('--help says what doctor reads and what its exit status means', async () => {
    const { code, stdout } = await runCli(['doctor', '--help']);
    assert.equal(code, 0);
    assert.match(stdout, /settings-store\.json/);
    assert.match(stdout, /Exit status: 0 when at least one platform answered, 2 when none did/);
  });
});
