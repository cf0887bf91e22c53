// Files are written atomically, and nothing already in the directory can redirect the write: a link planted where
// the temporary file used to go (`<file>.partial`) is never followed, and a target that is a link is replaced, not
// written through. Each writer is tried: advise --write, compare -o, and the run directory.
import assert from 'node:assert/strict';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { RunDocument } from '../../src/model/run-document.js';
import { writeRunDirectory } from '../../src/report/write-run-directory.js';
import { parseRunDocument } from '../../src/results/store.js';
import { writeAtomically } from '../../src/util/atomic-write.js';
import { runCli } from '../helpers/cli.js';
import { projectOf } from '../helpers/project-files.js';

const scratch = mkdtempSync(join(tmpdir(), 'mountbench-atomic-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
const RECORDING = new URL('../recordings/runs/small-docker-linux.json', import.meta.url).pathname;
const VICTIM_TEXT = 'the user\'s own file\n';

/** A file outside the directory being written, and a link to it planted at `<name>.partial` in `dir`. */
function plantPartial(dir: string, name: string): string {
  const victim = join(mkdtempSync(join(scratch, 'victim-')), 'victim');
  writeFileSync(victim, VICTIM_TEXT);
  symlinkSync(victim, join(dir, `${name}.partial`));
  return victim;
}

function assertUntouched(victim: string, link: string): void {
  assert.equal(readFileSync(victim, 'utf8'), VICTIM_TEXT, 'the file the planted link points to is unchanged');
  assert.equal(readlinkSync(link), victim, 'the planted link is left as it was');
}

describe('atomic writes', () => {
  it('advise --write does not follow a planted compose.override.yaml.partial link', async () => {
    const dir = projectOf({ 'package.json': '{}', 'compose.yaml': 'services:\n  web:\n    volumes: [".:/app"]\n' });
    const victim = plantPartial(dir, 'compose.override.yaml');
    const { code, stderr } = await runCli(['advise', '--project', dir, '--write', '--json']);
    assert.equal(code, 0, stderr);
    assertUntouched(victim, join(dir, 'compose.override.yaml.partial'));
    assert.match(readFileSync(join(dir, 'compose.override.yaml'), 'utf8'), /web_node_modules/);
  });

  it('compare -o does not follow a planted <output>.partial link', async () => {
    const dir = mkdtempSync(join(scratch, 'compare-'));
    const victim = plantPartial(dir, 'report.md');
    const { code, stderr } = await runCli(['compare', RECORDING, '-o', join(dir, 'report.md')]);
    assert.equal(code, 0, stderr);
    assertUntouched(victim, join(dir, 'report.md.partial'));
    assert.match(readFileSync(join(dir, 'report.md'), 'utf8'), /^# /);
  });

  it('the run directory\'s writer does not follow planted run.json.partial and results.md.partial links', async () => {
    const dir = mkdtempSync(join(scratch, 'run-'));
    const victims = ['run.json', 'results.md'].map((name) => ({ name, victim: plantPartial(dir, name) }));
    const doc: RunDocument = parseRunDocument(JSON.parse(readFileSync(RECORDING, 'utf8')), 'recording');
    const saved = await writeRunDirectory(dir, doc);
    assert.deepEqual(saved.problems, []);
    for (const { name, victim } of victims) assertUntouched(victim, join(dir, `${name}.partial`));
    assert.equal(parseRunDocument(JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')), 'run.json').id, doc.id);
  });

  it('replaces a target that is a link with a file, leaving the link\'s target alone', async () => {
    const dir = mkdtempSync(join(scratch, 'link-'));
    const elsewhere = join(scratch, 'elsewhere.yaml');
    writeFileSync(elsewhere, VICTIM_TEXT);
    symlinkSync(elsewhere, join(dir, 'out.yaml'));
    await writeAtomically(join(dir, 'out.yaml'), 'new\n');
    assert.equal(readFileSync(elsewhere, 'utf8'), VICTIM_TEXT);
    assert.ok(lstatSync(join(dir, 'out.yaml')).isFile(), 'the link became a regular file');
    assert.equal(readFileSync(join(dir, 'out.yaml'), 'utf8'), 'new\n');
  });

  it('keeps the mode of the file it replaces and leaves no temporary file behind', async () => {
    const dir = mkdtempSync(join(scratch, 'mode-'));
    writeFileSync(join(dir, 'script.sh'), 'old\n');
    chmodSync(join(dir, 'script.sh'), 0o750);
    await writeAtomically(join(dir, 'script.sh'), 'new\n');
    assert.equal(statSync(join(dir, 'script.sh')).mode & 0o7777, 0o750);
    assert.deepEqual(readdirSync(dir), ['script.sh']);
  });

  it('fails without leaving a temporary file when the target cannot be replaced (a directory)', async () => {
    const dir = mkdtempSync(join(scratch, 'dir-'));
    mkdirSync(join(dir, 'report.html'));
    await assert.rejects(writeAtomically(join(dir, 'report.html'), 'x'));
    assert.deepEqual(readdirSync(dir), ['report.html']);
  });
});
