// A run directory on a disk that fills up never loses the samples: run.json is written first; what does not fit is
// named, the last line names only what was written, and no `.partial` stays. With no room for run.json at all, it
// goes to the temporary directory, which the message names. Exit 73 ("cannot create output") either way. On tiny
// tmpfs file systems (mounting needs root); the run is the stand-in platform of --debug-mode, so no engine is used.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { readRunDocument } from '../../src/results/store.js';
import { runCli } from '../helpers/cli.js';

const isRoot = process.getuid?.() === 0;
const scratch = mkdtempSync(join(tmpdir(), 'mountbench-full-disk-'));
const mounted: string[] = [];
after(() => {
  for (const dir of mounted) execFileSync('umount', [dir]);
  rmSync(scratch, { recursive: true, force: true });
});

/** A tmpfs of `size` (in pages of 4 KiB, as tmpfs counts) under the scratch directory. */
function tinyDisk(name: string, size: string): string {
  const dir = join(scratch, name);
  mkdirSync(dir);
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
  mounted.push(dir);
  return dir;
}

const project = join(scratch, 'project');
mkdirSync(project);
// Seven samples of two strategies: a run.json of about 15 KB, and reports of about 30 KB more.
const RUN = ['run', '--debug-mode', '--project', project, '--command', 'true', '--warmup', '0', '--no-history', '--runs', '7', '--strategies', 'native,bind'];

/** The files the last line says were written ("wrote DIR/{a,b}", "wrote DIR/a", "... and FILE"). */
function namedAsWritten(stderr: string): string[] {
  const line = stderr.trim().split('\n').filter((l) => l.startsWith('wrote ')).at(-1);
  assert.ok(line, stderr);
  return line
    .replace(/^wrote /, '')
    .replace(/ · .*$/, '')
    .split(' and ')
    .flatMap((part) => {
      const braces = /^(.*)\/\{(.*)\}$/.exec(part);
      return braces ? braces[2].split(',').map((name) => join(braces[1], name)) : [part];
    });
}

function partials(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.partial'));
}

describe('a run directory on a disk that fills up', { skip: isRoot ? false : 'mounting a tmpfs needs root' }, () => {
  it('with room for run.json alone: run.json kept, the reports that did not fit named, only what was written listed, exit 73', async () => {
    const disk = tinyDisk('room-for-run-json', '20k');
    const out = join(disk, 'run');
    const { code, stderr } = await runCli([...RUN, '-o', out]);
    assert.equal(code, 73, stderr);
    const doc = await readRunDocument(join(out, 'run.json'));
    assert.deepEqual(doc.cells.map((c) => c.samples.length), [7, 7], 'every sample is in run.json');
    const listed = namedAsWritten(stderr);
    assert.equal(listed[0], join(out, 'run.json'));
    for (const path of listed) assert.ok(existsSync(path), `${path} is named as written but is not there`);
    const present = readdirSync(out).filter((name) => name !== '.work');
    assert.deepEqual(present.sort(), listed.map((p) => p.slice(out.length + 1)).sort(), 'every file there is named, and nothing else');
    assert.ok(present.length < 6, `the disk was meant to be too small for every report: ${present.join(', ')}`);
    assert.match(stderr, /could not write .*report\.html.* no space left on the device \(ENOSPC\)/);
    assert.doesNotMatch(stderr, /This is a bug|^\s+at /m);
    assert.deepEqual(partials(disk), []);
  });

  it('with no room for run.json: it goes to the temporary directory, which the message names, exit 73', async () => {
    const disk = tinyDisk('no-room', '8k');
    const out = join(disk, 'run');
    const fallbackDir = mkdtempSync(join(scratch, 'tmp-'));
    const { code, stderr } = await runCli([...RUN, '-o', out], { TMPDIR: fallbackDir });
    assert.equal(code, 73, stderr);
    const kept = readdirSync(fallbackDir).map((name) => join(fallbackDir, name, 'run.json')).find((path) => existsSync(path));
    assert.ok(kept, `no run document in ${fallbackDir}: ${stderr}`);
    assert.deepEqual((await readRunDocument(kept)).cells.map((c) => c.samples.length), [7, 7], 'every sample is kept');
    assert.match(stderr, new RegExp(`could not write ${out}/run\\.json: no space left on the device \\(ENOSPC\\); every sample is kept in ${kept} instead`));
    assert.deepEqual(namedAsWritten(stderr), [kept]);
    assert.doesNotMatch(stderr, /^\s+at /m);
    assert.deepEqual(partials(disk), []);
    assert.ok(!existsSync(join(out, 'run.json')));
  });
});
