// The timing harness as the native strategy runs it (a host process, no engine): what it hands back for a command.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { NativeRunner } from '../../src/bench/native-runner.js';

const scratch = mkdtempSync(join(tmpdir(), 'mountbench-harness-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
const runner = new NativeRunner(scratch, 'harness-test');

describe('the timing harness', () => {
  it('reads a script\'s figures from its own stdout, however much it wrote to stderr', async () => {
    const noisy = `node -e "process.stderr.write('w'.repeat(64 * 1024)); console.log('MOUNTBENCH_VALUES {\\"seconds\\":0.25}')"`;
    const result = await runner.run(noisy);
    assert.equal(result.exitCode, 0);
    assert.deepEqual(result.values, { seconds: 0.25 });
    assert.ok(result.outputTail.length <= 4000, 'only the tail of the output is kept');
  });
  it('fails a pipeline whose first command fails (pipefail): a failure never passes as a time', async () => {
    const result = await runner.run('false | cat');
    assert.notEqual(result.exitCode, 0);
  });
  it('times the command itself, not the shell around it', async () => {
    const result = await runner.run('sleep 0.2');
    assert.equal(result.exitCode, 0);
    assert.ok(result.wallSeconds >= 0.2 && result.wallSeconds < 10, String(result.wallSeconds));
  });
  it('streams lines as they come and reads the figures from stdout', async () => {
    const lines: string[] = [];
    const result = await runner.stream(`echo one; echo two >&2; echo 'MOUNTBENCH_VALUES {"n":2}'`, (line) => lines.push(line));
    assert.equal(result.exitCode, 0);
    assert.deepEqual(lines.filter(Boolean), ['one', 'MOUNTBENCH_VALUES {"n":2}']);
    assert.deepEqual(result.values, { n: 2 });
  });
  it('marks its processes with the run and its mountbench process, for clean to find if the run is killed outright', async () => {
    const lines: string[] = [];
    const result = await runner.stream('echo "$MOUNTBENCH_RUN $MOUNTBENCH_RUN_PID"', (line) => lines.push(line));
    assert.equal(result.exitCode, 0);
    assert.deepEqual(lines.filter(Boolean), [`harness-test ${process.pid}`]);
  });
});
