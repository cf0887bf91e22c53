// Does the engine keep its promises? Once per sync sandbox, before its samples: files created, changed, renamed
// and deleted on either side (a symlink and a chmod among them) must reach the other side, deleted files must stay
// deleted a few cycles later, and a directory removed in the container must go from the host. Each check passes or
// fails with what was seen; a failure is reported, it does not stop the samples.
import { createHash } from 'node:crypto';
import { chmod, mkdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SyncCheck } from '../../model/run-document.js';
import { lastLine } from '../../util/text.js';
import type { SyncPromises } from './engine.js';
import { closeTimes, type TreeSide } from './tree.js';

export const CHECK_DIR = '.mountbench-sync-check';

export interface CheckContext {
  hostRoot: string;
  /** Run a shell script in the container's project directory; throws when it fails. */
  inContainer(script: string): Promise<void>;
  settle(): Promise<number>;
  flush(): Promise<void>;
  host: TreeSide;
  container: TreeSide;
  promises: SyncPromises;
}

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');
/** What each side creates first, named `h-…` on the host and `c-…` in the container. */
const FILES = [
  ['new.txt', 'new\n'],
  ['change.txt', 'before\n'],
  ['rename.txt', 'renamed\n'],
  ['delete.txt', 'deleted\n'],
  ['mode.sh', '#!/bin/sh\n'],
] as const;
const CHANGED = 'changed on this side\n';

interface Entry {
  type: string;
  mtime: string;
  mode: string;
  content: string;
}

/** Both sides' entries under the check directory, by path relative to it. */
async function look(ctx: CheckContext): Promise<Array<Map<string, Entry>>> {
  const sides = await Promise.all([ctx.host.list(true), ctx.container.list(true)]);
  return sides.map(
    (listing) =>
      new Map(
        (listing.lines ?? [])
          .map((l) => l.split('\t'))
          .filter(([path]) => path.startsWith(`${CHECK_DIR}/`))
          .map(([path, type, , mtime, mode, content]) => [path.slice(CHECK_DIR.length + 1), { type, mtime, mode, content }]),
      ),
  );
}

const SIDES = ['the host', 'the container'];

/** One check over both sides: `expect(entries, prefix)` says what is wrong on a side, or null. */
function check(name: string, seen: Array<Map<string, Entry>>, expect: (entries: Map<string, Entry>, file: (stem: string) => string) => string | null): SyncCheck {
  const problems: string[] = [];
  for (const [i, entries] of seen.entries()) {
    for (const origin of ['h', 'c']) {
      const wrong = expect(entries, (stem) => `${origin}-${stem}`);
      if (wrong) problems.push(`on ${SIDES[i]}, from ${origin === 'h' ? 'the host' : 'the container'}: ${wrong}`);
    }
  }
  return { name, passed: problems.length === 0, detail: problems.length === 0 ? null : problems.join('; ') };
}

const hasContent = (e: Map<string, Entry>, path: string, text: string) =>
  e.get(path)?.content === sha1(text) ? null : `${path} ${e.has(path) ? 'has other content' : 'is missing'}`;
const absent = (e: Map<string, Entry>, path: string) => (e.has(path) ? `${path} is there` : null);

export async function checkCorrectness(ctx: CheckContext): Promise<{ passed: boolean; checks: SyncCheck[] }> {
  const checks: SyncCheck[] = [];
  const dir = join(ctx.hostRoot, CHECK_DIR);
  /** Wait for both sides to agree; a wait that fails is a failed check of its own. */
  const settled = async (after: string) => {
    try {
      await ctx.settle();
    } catch (error) {
      checks.push({ name: `both sides agree after ${after}`, passed: false, detail: lastLine((error as Error).message) });
    }
  };
  const both = async (host: () => Promise<void>, container: string) => {
    await Promise.all([host(), ctx.inContainer(`cd ${CHECK_DIR} && ${container}`)]);
  };

  await mkdir(dir, { recursive: true });
  await settled('a directory was created on the host');
  await both(
    async () => void (await Promise.all(FILES.map(([name, text]) => writeFile(join(dir, `h-${name}`), text)))),
    FILES.map(([name, text]) => `printf '${text.replace(/\n/g, '\\n')}' > c-${name}`).join(' && '),
  );
  await settled('files were created on both sides');
  let seen = await look(ctx);
  checks.push(check('files created on either side reach the other', seen, (e, f) => FILES.map(([name, text]) => hasContent(e, f(name), text)).find(Boolean) ?? null));

  await both(async () => {
    await writeFile(join(dir, 'h-change.txt'), CHANGED);
    await rename(join(dir, 'h-rename.txt'), join(dir, 'h-renamed.txt'));
    await rm(join(dir, 'h-delete.txt'));
    await chmod(join(dir, 'h-mode.sh'), 0o755);
    if (ctx.promises.symlinks) await symlink('h-new.txt', join(dir, 'h-link'));
  }, `echo 'changed on this side' > c-change.txt && mv c-rename.txt c-renamed.txt && rm c-delete.txt && chmod 755 c-mode.sh${ctx.promises.symlinks ? ' && ln -s c-new.txt c-link' : ''}`);
  await settled('files were changed, renamed and deleted on both sides');
  seen = await look(ctx);
  checks.push(check('changes on either side reach the other', seen, (e, f) => hasContent(e, f('change.txt'), CHANGED)));
  checks.push(check('renames on either side reach the other', seen, (e, f) => absent(e, f('rename.txt')) ?? hasContent(e, f('renamed.txt'), 'renamed\n')));
  checks.push(check('deletions on either side reach the other', seen, (e, f) => absent(e, f('delete.txt'))));
  if (ctx.promises.mode !== 'none') {
    const want = ctx.promises.mode === 'full' ? '755' : 'x';
    checks.push(check('chmod +x on either side reaches the other', seen, (e, f) => (e.get(f('mode.sh'))?.mode === want ? null : `${f('mode.sh')} has mode ${e.get(f('mode.sh'))?.mode ?? 'none'}`)));
  }
  if (ctx.promises.mtime) {
    // Each file's time on one side against the other's: they travel with the content.
    const [onHost, inContainer] = seen;
    const off = [...onHost].filter(([path, e]) => e.type === 'f' && inContainer.get(path)?.type === 'f' && !closeTimes(e.mtime, inContainer.get(path)!.mtime)).map(([path]) => path);
    checks.push({ name: 'modification times travel with the files', passed: off.length === 0, detail: off.length === 0 ? null : `other times on each side: ${off.join(', ')}` });
  }
  if (ctx.promises.symlinks) {
    checks.push(check('symlinks on either side arrive as symlinks', seen, (e, f) => (e.get(f('link'))?.type === 'l' ? null : `${f('link')} is ${e.get(f('link'))?.type ?? 'missing'}`)));
  }

  // Deleted files must not come back with the engine's next cycles (a stale archive would bring them back).
  await ctx.flush();
  await ctx.flush();
  seen = await look(ctx);
  checks.push(check('deleted files stay deleted', seen, (e, f) => absent(e, f('delete.txt')) ?? absent(e, f('rename.txt'))));

  await ctx.inContainer(`rm -rf ${CHECK_DIR}`);
  await settled('the directory was removed in the container');
  const gone = (await ctx.host.list(true)).lines?.some((l) => l.startsWith(`${CHECK_DIR}\t`) || l.startsWith(`${CHECK_DIR}/`));
  checks.push({ name: 'a directory removed in the container goes from the host', passed: !gone, detail: gone ? `${CHECK_DIR} is still on the host` : null });
  return { passed: checks.every((c) => c.passed), checks };
}
