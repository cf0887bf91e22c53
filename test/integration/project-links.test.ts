// The user's project is never modified through its own links: every strategy gets a copy in which links are links
// (relative ones with their text), a link out of the project dangles, and the run says which ones did. A command
// writes through every kind of link; the project and the directory beside it are then byte for byte as they were.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type Docker from 'dockerode';
import { readRunDocument } from '../../src/results/store.js';
import { startCli } from '../helpers/cli.js';
import { leftovers, requireEngine } from '../helpers/engine.js';
import { treeDigest } from '../helpers/tree-digest.js';

const scratch = mkdtempSync(join(tmpdir(), 'mountbench-links-'));
let docker: Docker;
before(async () => {
  docker = await requireEngine();
});
after(() => rmSync(scratch, { recursive: true, force: true }));

/** A project full of links, and a directory beside it that some of them lead into. */
function projectFullOfLinks(): { project: string; outside: string } {
  const outside = join(scratch, 'outside');
  const project = join(scratch, 'app');
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret.txt'), 'outside\n');
  mkdirSync(join(project, 'data'), { recursive: true });
  mkdirSync(join(project, 'out'));
  writeFileSync(join(project, 'data', 'a.txt'), 'a\n');
  writeFileSync(join(project, 'data', 'b.txt'), 'b\n');
  writeFileSync(join(project, 'out', 'built.js'), 'built\n');
  symlinkSync('data/a.txt', join(project, 'rel-a'));
  symlinkSync('data/b.txt', join(project, 'rel-b'));
  symlinkSync('data', join(project, 'rel-dir'));
  symlinkSync('out', join(project, 'dist'));
  symlinkSync(join(project, 'data', 'a.txt'), join(project, 'abs-in'));
  symlinkSync(join(outside, 'secret.txt'), join(project, 'abs-out'));
  symlinkSync('../outside', join(project, 'up'));
  // Inside by its text (data/updir/.. is data), outside once data/updir, a link to the project, is followed.
  symlinkSync('..', join(project, 'data', 'updir'));
  symlinkSync('data/updir/../outside', join(project, 'sneaky'));
  symlinkSync('nowhere.txt', join(project, 'dangling'));
  symlinkSync('loop', join(project, 'loop'));
  symlinkSync('loop-b', join(project, 'loop-a'));
  symlinkSync('loop-a', join(project, 'loop-b'));
  return { project, outside };
}

// Reads through the links that stay inside (they must work in every copy), then writes through every link.
const COMMAND = [
  'test "$(cat rel-a)" = a && test "$(cat abs-in)" = a && test -f rel-dir/a.txt && test -f dist/built.js && test ! -e up/secret.txt',
  'for l in rel-b abs-in abs-out dangling up/secret.txt sneaky/secret.txt loop; do echo written > "$l" 2>/dev/null; done',
  'echo new > rel-dir/new.txt; rm -rf dist/* up/* sneaky/* 2>/dev/null; true',
].join('; ');

describe('a project with links, under every strategy', () => {
  it('is byte for byte unchanged after a command wrote through each of its links, and the run names the links out of it', async () => {
    const { project, outside } = projectFullOfLinks();
    const [projectBefore, outsideBefore] = [treeDigest(project), treeDigest(outside)];
    const out = join(scratch, 'run');
    const { code, stderr } = await startCli([
      'run', '--project', project, '--command', COMMAND, '--reset', 'true', '--deps', 'node_modules',
      '--strategies', 'native,container,bind,hybrid,volume', '--runs', '1', '--warmup', '0', '--output', out, '--progress', 'plain',
    ]).done;
    const doc = await readRunDocument(join(out, 'run.json'));
    assert.deepEqual(treeDigest(project), projectBefore, 'the project is unchanged');
    assert.deepEqual(treeDigest(outside), outsideBefore, 'the directory beside it is unchanged');
    assert.equal(code, 0, stderr);
    assert.deepEqual(doc.cells.map((c) => `${c.strategy} ${c.status}`), ['native', 'container', 'bind', 'hybrid', 'volume'].map((s) => `${s} ok`));
    const outward = doc.notes.filter((n) => n.includes('leads out of the project')).map((n) => n.match(/link (\S+) ->/)?.[1]).sort();
    assert.deepEqual(outward, ['abs-out', 'sneaky', 'up']);
    assert.equal(await leftovers(docker, doc.id), 0);
  });
});
