// Counts, sizes and durations that cannot make sense are refused with a sentence (exit 64) before anything runs:
// `--runs 1e20` would sample for ever, `--bigfile-size 10000000` (9.5 TiB) fill the disk, `--settle-timeout 600h`
// overflow Node's timers (more than 2^31-1 ms fires at once: a busy loop), and a tree larger than the host's free
// space fail every sample. On the stand-in platform of --debug-mode: no engine.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { LIMITS } from '../../src/util/limits.js';
import { parseDuration } from '../../src/util/parse.js';
import { largestHostTree } from '../../src/run/free-space.js';
import { buildProgram } from '../../src/cli.js';
import { runCli } from '../helpers/cli.js';
import { projectOf } from '../helpers/project-files.js';

const scratch = mkdtempSync(join(tmpdir(), 'mountbench-limits-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
const RUN = ['run', '--debug-mode', '--warmup', '0', '--no-history'];
const SIZES = { files: 5000, fileBytes: 1024, bigfileMb: 256, events: 20 };

async function refused(args: string[], pattern: RegExp): Promise<void> {
  const out = join(scratch, `out-${Math.random().toString(36).slice(2)}`);
  const { code, stderr } = await runCli([...RUN, ...args, '-o', out]);
  assert.equal(code, 64, stderr);
  assert.match(stderr, pattern);
  assert.doesNotMatch(stderr, /^\s+at /m, 'no stack trace');
  assert.equal(existsSync(out), false, 'nothing was written');
}

describe('limits of what a run can be asked', () => {
  it('--runs 1e20, --runs 20000 and --max-runs 1e20 are refused', async () => {
    await refused(['--runs', '1e20'], /--runs.*expected a number of samples \(1 to 10,000\) or auto/);
    await refused(['--runs', '20000'], /expected a number of samples \(1 to 10,000\)/);
    await refused(['--runs', 'auto', '--max-runs', '1e20'], /--max-runs.*expected an integer of at least/);
  });

  it('--bigfile-size 10000000 (MiB), --files 1e9 and --file-size 4096M are refused', async () => {
    await refused(['--workload', 'bigfile', '--bigfile-size', '10000000'], /--bigfile-size.*expected an integer of at most 65,536/);
    await refused(['--workload', 'files', '--files', '1000000000'], /--files.*expected an integer of at most 1,000,000/);
    await refused(['--workload', 'files', '--file-size', '4096M'], /--file-size.*expected a size of at most 1024M/);
  });

  it('--settle-timeout 600h (past the timers\' 24.8 days) and --max-time 600h are refused', async () => {
    await refused(['--strategies', 'native,sync', '--settle-timeout', '600h'], /--settle-timeout.*expected a duration of at most 24h/);
    await refused(['--runs', 'auto', '--max-time', '600h'], /--max-time.*expected a duration of at most 24h/);
    assert.throws(() => parseDuration(`${LIMITS.durationSeconds + 1}`), /at most 24h/);
    assert.equal(parseDuration('24h'), LIMITS.durationSeconds);
  });

  it('--warmup 101 and --events 100001 are refused', async () => {
    await refused(['--warmup', '101'], /--warmup.*expected an integer of at most 100\./);
    await refused(['--workload', 'watch', '--events', '100001'], /--events.*expected an integer of at most 100,000\./);
  });

  it('the limits themselves, --warmup 100 and --events 100000, are accepted by the parser', async () => {
    const program = buildProgram();
    const run = program.commands.find((c) => c.name() === 'run')!;
    // Parsed only: the action that would run 100 warm-up samples is replaced.
    let ran = false;
    run.action(() => void (ran = true));
    await program.parseAsync(['node', 'mountbench', 'run', '--warmup', String(LIMITS.warmup), '--events', String(LIMITS.events)]);
    assert.ok(ran, 'the command line was accepted');
    assert.deepEqual([run.opts().warmup, run.opts().events], [100, 100_000]);
  });

  it("runs: 1e20 in a project's mountbench.yaml is refused too", async () => {
    const project = projectOf({ 'mountbench.yaml': 'command: "true"\nruns: 100000000000000000000\n' });
    await refused(['--project', project], /mountbench\.yaml:2:7: runs: Too big: expected number to be <=10000/);
  });

  it("a tree larger than the host's free space is refused before any sample, naming the flags and the space", async () => {
    const stats = statfsSync(scratch);
    const free = stats.bavail * stats.bsize;
    const files = Math.min(LIMITS.files, Math.ceil((free * 2) / LIMITS.fileBytes) + 1);
    assert.ok(files * LIMITS.fileBytes > free, 'the tree asked for is larger than the free space');
    await refused(['--workload', 'traverse', '--files', String(files), '--file-size', '1024M'], /the traverse workload's .* files of 1,073,741,824 bytes \(--files, --file-size\) need at least .* GiB on the host, and .* has .* GiB free/);
  });

  it('the largest tree counts only what reaches the host: bigfile under volume alone writes nothing there', () => {
    assert.equal(largestHostTree(['bigfile', 'files'], ['volume', 'container'], SIZES), null);
    assert.equal(largestHostTree(['bigfile'], ['native'], SIZES)?.bytes, 256 * 1024 ** 2);
    assert.equal(largestHostTree(['traverse', 'bigfile'], ['volume'], SIZES)?.bytes, 5000 * 1024, 'traverse starts from a tree made on the host');
  });
});
