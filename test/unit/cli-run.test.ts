// The whole `mountbench run` CLI — flags, the run directory, exit codes, signals — on the stand-in platform of the
// hidden --debug-mode, which runs nothing: no engine, no network. Its figures are made up (bind mount 2x native);
// what Docker does is asserted against a real engine in test/integration.
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parseRunDocument } from '../../src/results/store.js';
import { runCli, startCli } from '../helpers/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'mountbench-cli-run-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
const project = join(scratch, 'project');
mkdirSync(project);
let outputs = 0;

/** A fresh run directory, and the arguments of a stand-in run of a project's command into it. */
function standInRun(...extra: string[]): { out: string; args: string[] } {
  const out = join(scratch, `out-${(outputs += 1)}`);
  return { out, args: ['run', '--debug-mode', '--project', project, '--command', 'true', '--warmup', '0', '--no-history', '-o', out, ...extra] };
}

function documentIn(out: string) {
  return parseRunDocument(JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')), out);
}

/** Resolves once the run's progress has shown this many samples. */
function afterSamples(child: ChildProcess, count: number): Promise<void> {
  return new Promise((resolve) => {
    let seen = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if ((seen.match(/sample \d+\/\d+/g) ?? []).length >= count) resolve();
    });
  });
}

describe('mountbench run on the stand-in platform (--debug-mode)', () => {
  it('measures every strategy, writes the whole run directory, and exits 0', async () => {
    const { out, args } = standInRun('--runs', '7', '--strategies', 'native,bind,volume');
    const { code, stdout, stderr } = await runCli(args);
    assert.equal(code, 0, stderr);
    assert.deepEqual(readdirSync(out).sort(), ['chart.svg', 'report.html', 'results.csv', 'results.md', 'run.json', 'samples.csv']);
    const doc = documentIn(out);
    assert.deepEqual(doc.platforms.map((p) => p.name), ['stand-in']);
    assert.deepEqual(doc.cells.map((c) => [c.strategy, c.status, c.summary?.n]), [['native', 'ok', 7], ['bind', 'ok', 7], ['volume', 'ok', 7]]);
    const bind = doc.cells.find((c) => c.strategy === 'bind')!;
    assert.ok(bind.ratioToNative && bind.ratioToNative.value > 1.9 && bind.ratioToNative.value < 2.1, JSON.stringify(bind.ratioToNative));
    assert.match(stdout, /Bind mount/);
    assert.match(stderr, /wrote .*run\.json/);
  });

  it('a strategy whose command fails marks its cell failed and exits 1, the others measured', async () => {
    const { out, args } = standInRun('--runs', '2', '--strategies', 'native,bind');
    const { code } = await runCli(args, { MOUNTBENCH_DEBUG_FAIL: 'bind' });
    assert.equal(code, 1);
    assert.deepEqual(documentIn(out).cells.map((c) => [c.strategy, c.status]), [['native', 'ok'], ['bind', 'failed']]);
  });

  it('a run whose every cell failed (the command exits 3) exits 1, as cells failed, and says nothing was measured', async () => {
    const { args } = standInRun('--runs', '1', '--strategies', 'bind');
    const { code, stderr } = await runCli(args, { MOUNTBENCH_DEBUG_FAIL: 'bind' });
    assert.equal(code, 1);
    assert.match(stderr, /nothing was measured/);
  });

  it('an unknown flag exits 64 before anything runs', async () => {
    const { out, args } = standInRun('--runz', '3');
    const { code, stderr } = await runCli(args);
    assert.equal(code, 64);
    assert.match(stderr, /unknown option '--runz'/);
    assert.equal(existsSync(out), false);
  });

  for (const [signal, exitCode] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    it(`${signal} stops the run, keeps what was measured and exits ${exitCode}`, async () => {
      const { out, args } = standInRun('--runs', '30', '--strategies', 'native,bind');
      const { child, done } = startCli(args, { MOUNTBENCH_DEBUG_DELAY_MS: '150' });
      await afterSamples(child, 4);
      child.kill(signal);
      const { code, stderr } = await done;
      assert.equal(code, exitCode, stderr);
      const doc = documentIn(out);
      assert.equal(doc.status, 'interrupted');
      assert.ok(doc.cells.some((c) => c.samples.length > 0), 'the samples taken are kept');
      assert.equal(existsSync(join(out, '.work')), false, 'the work copies are removed');
    });
  }

  it('a second signal quits at once and still writes the samples taken', async () => {
    const { out, args } = standInRun('--runs', '30', '--strategies', 'native,bind');
    const { child, done } = startCli(args, { MOUNTBENCH_DEBUG_DELAY_MS: '150' });
    await afterSamples(child, 4);
    // Two different signals: two of the same kind may reach the process as one.
    child.kill('SIGINT');
    child.kill('SIGTERM');
    const { code, stderr } = await done;
    // The exit code is the second signal's, whichever the process took second.
    assert.ok(code === 143 || code === 130, `${code}\n${stderr}`);
    assert.match(stderr, /quit at once: the samples taken are in .*run\.json/);
    const doc = documentIn(out);
    assert.equal(doc.status, 'interrupted');
    assert.ok(doc.cells.some((c) => c.samples.length > 0));
  });
});
