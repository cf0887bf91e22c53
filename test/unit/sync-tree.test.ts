// How the sync strategy tells that both sides agree: the listing of a real tree (fixtures/sync/tree-listing.cjs, run
// on the host here), copies that agree and changes that do not, modification times (compared apart: a microsecond off
// as unison carries them), what a difference is reported as, and the settle loop that waits on the engine.
import assert from 'node:assert/strict';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { MUTAGEN_TEMPORARY } from '../../src/strategies/sync/mutagen.js';
import { settle, SettleTimeout } from '../../src/strategies/sync/settle.js';
import { closeTimes, hostSide, listingsAgree, treeDifference, type ListingOptions, type TreeSide } from '../../src/strategies/sync/tree.js';
import { UNISON_TEMPORARY } from '../../src/strategies/sync/unison.js';

const scratch = mkdtempSync(join(tmpdir(), 'mountbench-sync-tree-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
const FULL: ListingOptions = { ignore: [], mtime: true, mode: 'full' };

function tree(name: string): string {
  const root = join(scratch, name);
  mkdirSync(join(root, 'src', 'lib'), { recursive: true });
  mkdirSync(join(root, 'node_modules', 'x'), { recursive: true });
  writeFileSync(join(root, 'src', 'a.js'), 'a\n');
  writeFileSync(join(root, 'src', 'lib', 'b.js'), 'b\n');
  writeFileSync(join(root, 'node_modules', 'x', 'index.js'), 'x\n');
  writeFileSync(join(root, 'run.sh'), '#!/bin/sh\n');
  chmodSync(join(root, 'run.sh'), 0o755);
  symlinkSync('src/a.js', join(root, 'link'));
  return root;
}

/** A copy that keeps modification times, as a sync engine that promises them does. */
function copyOf(root: string, name: string): string {
  const copy = join(scratch, name);
  cpSync(root, copy, { recursive: true, preserveTimestamps: true, verbatimSymlinks: true });
  return copy;
}

const list = (root: string, options = FULL, lines = true) => hostSide(root, options).list(lines);

describe('tree listings', () => {
  it('one line per entry: type, size, time, mode, content hash (a symlink: its target), sorted by path', async () => {
    const listing = await list(tree('listed'));
    const byPath = new Map(listing.lines!.map((l) => [l.split('\t')[0], l.split('\t')]));
    assert.deepEqual([...byPath.keys()], ['link', 'node_modules', 'node_modules/x', 'node_modules/x/index.js', 'run.sh', 'src', 'src/a.js', 'src/lib', 'src/lib/b.js']);
    assert.deepEqual(byPath.get('run.sh')!.slice(1, 3), ['f', '10']);
    assert.equal(byPath.get('run.sh')![4], '755');
    assert.equal(byPath.get('src/a.js')![5], '3f786850e387550fdab836ed7e6dc881de23001b', 'sha1 of "a\\n"');
    assert.deepEqual(byPath.get('link')!.slice(1), ['l', '', '', '', 'src/a.js']);
    assert.equal(byPath.get('src/a.js')![3], String(statSync(join(scratch, 'listed', 'src', 'a.js'), { bigint: true }).mtimeNs / 1000n), 'µs');
  });
  it('a copy agrees; a change of content, mode or time does not; ignored names are left out', async () => {
    const root = tree('original');
    const copy = copyOf(root, 'copy');
    assert.ok(listingsAgree(await list(root), await list(copy)));
    writeFileSync(join(copy, 'src', 'a.js'), 'A\n');
    assert.ok(!listingsAgree(await list(root), await list(copy)), 'same size, other content');
    const moded = copyOf(root, 'moded');
    chmodSync(join(moded, 'run.sh'), 0o644);
    assert.ok(!listingsAgree(await list(root), await list(moded)));
    assert.ok(listingsAgree(await list(root, { ...FULL, mode: 'none' }), await list(moded, { ...FULL, mode: 'none' })), 'modes not promised, not compared');
    const extra = copyOf(root, 'extra');
    writeFileSync(join(extra, 'node_modules', 'x', 'more.js'), 'more\n');
    const ignoring = { ...FULL, ignore: ['node_modules'] };
    assert.ok(listingsAgree(await list(root, ignoring), await list(extra, ignoring)));
  });
  it('an engine\'s own temporary files are never compared: a transfer it broke off leaves one on one side', async () => {
    const root = tree('before-abort');
    const left = copyOf(root, 'after-abort');
    // The name unison 2.52 left in the lab, after it stopped in the middle of a copy.
    writeFileSync(join(left, 'src', '.unison.package.json.7b283fd616c7ab0e8533dc91bb531e01.unison.tmp'), '{');
    writeFileSync(join(left, 'src', '.mutagen-temporary-cross-device-rename-1'), '{');
    assert.ok(!listingsAgree(await list(root), await list(left)), 'compared when the engine is not told');
    const unisonLike = { ...FULL, temporary: UNISON_TEMPORARY };
    assert.ok(!listingsAgree(await list(root, unisonLike), await list(left, unisonLike)), 'unison skips only its own');
    rmSync(join(left, 'src', '.mutagen-temporary-cross-device-rename-1'));
    assert.ok(listingsAgree(await list(root, unisonLike), await list(left, unisonLike)));
    writeFileSync(join(left, 'src', '.mutagen-temporary-x'), '{');
    rmSync(join(left, 'src', '.unison.package.json.7b283fd616c7ab0e8533dc91bb531e01.unison.tmp'));
    const mutagenLike = { ...FULL, temporary: MUTAGEN_TEMPORARY };
    assert.ok(listingsAgree(await list(root, mutagenLike), await list(left, mutagenLike)));
    writeFileSync(join(left, 'src', '.unison.notes'), 'a file of the user\'s own, named like one');
    assert.ok(!listingsAgree(await list(root, unisonLike), await list(left, unisonLike)));
  });
  it('sides with the same contents agree whatever their times (unison carries a time with content, not alone)', async () => {
    const root = tree('timed');
    const touched = copyOf(root, 'touched');
    utimesSync(join(touched, 'src', 'a.js'), new Date(0), new Date(0));
    const [a, b] = [await list(root), await list(touched)];
    assert.ok(listingsAgree(a, b));
    assert.equal(treeDifference(a.lines!, b.lines!), '1 differ: src/a.js (mtime)', 'but a difference names the time');
    assert.ok(closeTimes('1796250278966123', '1796250278966122'), 'a microsecond off, as unison carries it');
    assert.ok(!closeTimes('1796250278966123', '1796250278971123'));
  });
  it('reuses the hashes of unchanged files from its cache, and sees a changed file anyway', async () => {
    const root = tree('cached');
    const cache = join(scratch, 'cache.json');
    const first = await list(root, { ...FULL, cache });
    assert.ok(listingsAgree(first, await list(root, { ...FULL, cache })));
    writeFileSync(join(root, 'src', 'a.js'), 'changed\n');
    assert.ok(!listingsAgree(first, await list(root, { ...FULL, cache })));
  });
  it('says where two listings differ, in a few words', async () => {
    const root = tree('diff-a');
    const other = copyOf(root, 'diff-b');
    writeFileSync(join(other, 'src', 'a.js'), 'longer content\n');
    rmSync(join(other, 'src', 'lib', 'b.js'));
    writeFileSync(join(other, 'new.txt'), 'new\n');
    const [a, b] = [await list(root), await list(other)];
    assert.equal(treeDifference(a.lines!, b.lines!), '1 only on the host: src/lib/b.js; 1 only in the container: new.txt; 1 differ: src/a.js (size, mtime, content)');
    assert.equal(treeDifference(a.lines!, a.lines!), 'the listings agree');
  });
});

/** A side whose listing changes from one look to the next. */
function side(digests: string[]): TreeSide & { looks: number } {
  const s = {
    looks: 0,
    async list(withLines: boolean) {
      const digest = digests[Math.min(s.looks++, digests.length - 1)];
      return { count: 1, digest, ...(withLines ? { lines: [`f\tf\t1\t\t\t${digest}`] } : {}) };
    },
  };
  return s;
}

describe('settling', () => {
  it('sides that agree at the first look settle at once, with no flush', async () => {
    let flushes = 0;
    const seconds = await settle(side(['x']), side(['x']), async () => void flushes++, 5);
    assert.equal(flushes, 0);
    assert.ok(seconds < 1);
  });
  it('otherwise each further look waits for a flush of the engine', async () => {
    let flushes = 0;
    await settle(side(['x']), side(['old', 'old', 'x']), async () => void flushes++, 5);
    assert.equal(flushes, 2);
  });
  it('sides still apart after a while get a thorough cycle of the engine (its fast check may have missed a change), and again as often', async () => {
    const asked: boolean[] = [];
    let missed = true;
    const stuck: TreeSide = { list: async () => ({ count: 1, digest: missed ? 'stale' : 'x' }) };
    const flush = async (_ms: number, thorough: boolean) => {
      asked.push(thorough);
      if (thorough && asked.filter(Boolean).length === 2) missed = false;
      await new Promise((resolve) => setTimeout(resolve, 10));
    };
    await settle(side(['x']), stuck, flush, 5, 0.05);
    assert.equal(asked.filter(Boolean).length, 2, 'thorough until they agree');
    assert.equal(asked[0], false, 'plain cycles first');
  });
  it('sides that never agree fail after the timeout, saying where they differ', async () => {
    await assert.rejects(
      settle(side(['x']), side(['y']), () => new Promise((resolve) => setTimeout(resolve, 20)), 0.1),
      (error: Error) => error instanceof SettleTimeout && /did not agree within 0\.1 s: 1 differ: f \(content\)/.test(error.message),
    );
  });
});
