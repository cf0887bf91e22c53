// Where `mountbench run` writes, said before any sample: --output onto a file is a usage error, onto an earlier
// run's directory it refuses unless --force (which says it replaces it, and leaves none of the earlier files); the
// exit codes `run --help` lists are the README's. On the stand-in platform of --debug-mode: no engine.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { readRunDocument } from '../../src/results/store.js';
import { runCli } from '../helpers/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'mountbench-run-output-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
const project = join(scratch, 'project');
mkdirSync(project);
const RUN = ['run', '--debug-mode', '--project', project, '--command', 'true', '--warmup', '0', '--no-history', '--runs', '1', '--strategies', 'native'];

describe('where a run writes', () => {
  it('--output onto a file: exit 64, naming it, and the file is untouched', async () => {
    const file = join(scratch, 'a-file');
    writeFileSync(file, 'mine');
    const { code, stderr } = await runCli([...RUN, '-o', file]);
    assert.equal(code, 64, stderr);
    assert.match(stderr, /--output .*a-file: is a file, not a directory/);
    assert.equal(readFileSync(file, 'utf8'), 'mine');
  });

  it("--output onto an earlier run's directory refuses; with --force it says it replaces it, and no earlier file stays", async () => {
    const out = join(scratch, 'earlier');
    const first = await runCli([...RUN, '--strategies', 'native,bind', '-o', out]);
    assert.equal(first.code, 0, first.stderr);
    const earlier = await readRunDocument(join(out, 'run.json'));

    const refused = await runCli([...RUN, '-o', out]);
    assert.equal(refused.code, 64, refused.stderr);
    assert.match(refused.stderr, /holds an earlier run \(run\.json, .*\); choose another directory, or add --force to replace it/);
    assert.equal((await readRunDocument(join(out, 'run.json'))).id, earlier.id, 'the earlier run is untouched');

    // A file of the earlier run the new one will not write (its reports fail, say) must not pass for the new run's.
    writeFileSync(join(out, 'run.raw.json'), '{}');
    const replaced = await runCli([...RUN, '--force', '-o', out]);
    assert.equal(replaced.code, 0, replaced.stderr);
    assert.match(replaced.stderr, /replacing the earlier run in .*earlier \(--force\)/);
    const now = await readRunDocument(join(out, 'run.json'));
    assert.notEqual(now.id, earlier.id);
    assert.deepEqual(now.cells.map((c) => c.strategy), ['native']);
    assert.equal(existsSync(join(out, 'run.raw.json')), false);
  });

  it("the exit codes `run --help` lists are the README's", async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.split('\n## Exit codes\n')[1]?.split('\n## ')[0] ?? '';
    const documented = [...section.matchAll(/`(\d+)`/g)].map((m) => Number(m[1]));
    assert.ok(documented.length >= 9, `the README's Exit codes section lists the codes: ${documented.join(', ')}`);
    const { stdout } = await runCli(['run', '--help']);
    const helpLine = stdout.split('\nExit codes: ')[1]?.split('\n\n')[0] ?? '';
    const listed = [...helpLine.matchAll(/(?:^|, )(\d+) /g)].map((m) => Number(m[1]));
    assert.deepEqual(listed, documented);
  });

  it("`run --help` gives each exit code the README's meaning, and the README says which wins when several apply", async () => {
    // The meaning up to its details: the words before a parenthesis, a comma or a full stop.
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = (readme.split('\n## Exit codes\n')[1]?.split('\n## ')[0] ?? '').replace(/\s+/g, ' ');
    const documented = [...section.matchAll(/`(\d+)` ([^(,.·]+)/g)].map((m) => `${m[1]} ${m[2].trim()}`);
    const { stdout } = await runCli(['run', '--help']);
    const helpLine = (stdout.split('\nExit codes: ')[1]?.split('\n\n')[0] ?? '').replace(/\s+/g, ' ');
    const listed = [...helpLine.matchAll(/(?:^|, )(\d+) ([^(,.]+)/g)].map((m) => `${m[1]} ${m[2].trim()}`);
    assert.ok(listed.length >= 9, `run --help lists the codes: ${listed.join('; ')}`);
    assert.deepEqual(listed, documented);
    // exitCodeOf (src/commands/run.ts): a crash or bug, then an output not created, then the signal, then failed cells.
    for (const text of [section, helpLine]) assert.match(text, /70 > 73 > a signal \(129, 130, 143\) > 1 > 0 or 2/);
  });
});
