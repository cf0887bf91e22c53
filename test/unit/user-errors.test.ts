// What a user can cause is a sentence and an exit code the README names, never a stack trace (exit 70): a file
// that is a directory or a FIFO where a Compose file, mountbench.yaml or the history should be, a YAML alias bomb,
// -o onto a directory or into a missing one. The history is a convenience: advise warns and goes on without it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { runCli, type CliResult } from '../helpers/cli.js';
import { projectOf } from '../helpers/project-files.js';

const scratch = mkdtempSync(join(tmpdir(), 'mountbench-user-errors-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
const RECORDING = new URL('../recordings/runs/small-docker-linux.json', import.meta.url).pathname;
const COMPOSE = 'services:\n  web:\n    volumes: [".:/app"]\n';
// Nine aliases of nine aliases, eight levels deep: 9^8 (43 million) nodes from 9 lines.
const ALIAS_BOMB = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefg'[i]}`).join(', ')}]`), 'command: true', ''].join('\n');

/** Exit `code`, a message matching `pattern`, and no stack trace. */
function assertSentence(result: CliResult, code: number, pattern: RegExp): void {
  assert.equal(result.code, code, result.stderr);
  assert.match(result.stderr, pattern);
  assert.doesNotMatch(result.stderr, /^\s+at /m, 'no stack trace');
}

function fifo(path: string): string {
  execFileSync('mkfifo', [path]);
  return path;
}

describe('files a user can get wrong', () => {
  it('a compose.yaml that is a directory: exit 64, naming it', async () => {
    const dir = projectOf({ 'package.json': '{}', 'compose.yaml/': '' });
    assertSentence(await runCli(['advise', '--project', dir]), 64, /compose\.yaml is a directory, not a file/);
  });

  it('a compose.yaml that is a FIFO: exit 64 at once, instead of waiting for a writer', { timeout: 30_000 }, async () => {
    const dir = projectOf({ 'package.json': '{}' });
    fifo(join(dir, 'compose.yaml'));
    assertSentence(await runCli(['advise', '--project', dir]), 64, /compose\.yaml is a named pipe \(FIFO\), not a file/);
  });

  it('a compose.yaml whose aliases expand to millions of nodes: exit 64, naming it', async () => {
    const dir = projectOf({ 'package.json': '{}', 'compose.yaml': ALIAS_BOMB });
    assertSentence(await runCli(['advise', '--project', dir]), 64, /compose\.yaml: its aliases expand too far/);
  });

  it('a mountbench.yaml that is a directory, or an alias bomb: exit 64, naming it', async () => {
    const asDirectory = projectOf({ 'mountbench.yaml/': '' });
    assertSentence(await runCli(['run', '--debug-mode', '--project', asDirectory, '-o', join(scratch, 'o1')]), 64, /mountbench\.yaml is a directory, not a file/);
    const bomb = projectOf({ 'mountbench.yaml': ALIAS_BOMB });
    assertSentence(await runCli(['run', '--debug-mode', '--project', bomb, '-o', join(scratch, 'o2')]), 64, /mountbench\.yaml: its aliases expand too far/);
  });

  it('a history that is a directory: advise warns and goes on; compare --last, whose input it is, exits 2', async () => {
    const history = join(scratch, 'history-dir');
    mkdirSync(history);
    const dir = projectOf({ 'package.json': '{}', 'compose.yaml': COMPOSE });
    const advise = await runCli(['advise', '--project', dir], { MOUNTBENCH_HISTORY: history });
    assertSentence(advise, 0, /the history of runs: .*history-dir is a directory, not a file .*; going on without it/);
    assert.match(advise.stdout, /web/);
    assertSentence(await runCli(['compare', '--last', '2'], { MOUNTBENCH_HISTORY: history }), 2, /the history of runs: .*history-dir is a directory, not a file/);
  });

  it('compare -o onto a directory, or into one that does not exist: exit 64 before anything is written', async () => {
    assertSentence(await runCli(['compare', RECORDING, '-o', scratch]), 64, /-o .*: is a directory; name a file to write/);
    assertSentence(await runCli(['compare', RECORDING, '-o', join(scratch, 'missing', 'report.md')]), 64, /the directory .*missing does not exist; create it first/);
  });

  it('a FIFO named as the run to report: exit 2 at once', { timeout: 30_000 }, async () => {
    assertSentence(await runCli(['report', fifo(join(scratch, 'pipe'))]), 2, /pipe is not a run document, nor a folder of them/);
    const dir = mkdtempSync(join(scratch, 'run-'));
    fifo(join(dir, 'run.json'));
    writeFileSync(join(dir, 'README'), '');
    assertSentence(await runCli(['report', dir]), 2, /run\.json is a named pipe \(FIFO\), not a file/);
  });
});
