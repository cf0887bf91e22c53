// Copies of a project, on the host and into a container, as util/project-tree.ts decides: links stay links (a
// relative one keeps its text), a link out of the project dangles in the copy, and an entry no copy can take (a
// FIFO, a socket, a file the user cannot read) fails the copy at once, naming it, instead of leaving the engine's
// untar waiting for the rest of an archive that never comes.
import * as fs from 'node:fs';
import { cp, mkdir, readlink, rm, symlink, unlink } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type Docker from 'dockerode';
import tar from 'tar-fs';
import { uploadArchive } from '../docker/upload.js';
import { scanTree, type TreeScan } from '../util/project-tree.js';

/** The scan of a tree about to be copied; throws naming what cannot be copied. */
function scanForCopy(source: string, exclude: readonly string[]): TreeScan {
  const scan = scanTree(source, exclude);
  if (scan.uncopyable.length > 0) {
    const more = scan.uncopyable.length > 3 ? ` (and ${scan.uncopyable.length - 3} more)` : '';
    throw new Error(`cannot copy ${source}: ${scan.uncopyable.slice(0, 3).join('; ')}${more}`);
  }
  return scan;
}

/** Copy `source` to a fresh `dest`, leaving out the top-level entries named in `exclude`. */
export async function copyTreeOnHost(source: string, dest: string, exclude: readonly string[] = []): Promise<void> {
  const scan = scanForCopy(source, exclude);
  await rm(dest, { recursive: true, force: true });
  await mkdir(dest, { recursive: true });
  const skipped = new Set(exclude.map((name) => join(source, name)));
  await cp(source, dest, { recursive: true, verbatimSymlinks: true, filter: (path) => !skipped.has(path) });
  for (const [path, text] of scan.links) {
    const copy = join(dest, path);
    if ((await readlink(copy)) === text) continue;
    await unlink(copy);
    await symlink(text, copy);
  }
}

/** Copy `source` into `containerDir` of a container, leaving out the top-level entries named in `exclude`; `signal`
 * (the run's interrupt) ends it at once. */
export async function copyTreeIntoContainer(container: Docker.Container, source: string, containerDir: string, exclude: readonly string[] = [], signal?: AbortSignal): Promise<void> {
  const scan = scanForCopy(source, exclude);
  const skipped = new Set(exclude.map((name) => join(source, name)));
  // tar-fs reads each link's text through the fs it is given: the copy's text.
  const linksAsCopied = {
    ...fs,
    readlink: (path: string, done: (error: Error | null, text?: string) => void) => {
      const text = scan.links.get(relative(source, path));
      if (text === undefined) fs.readlink(path, done);
      else done(null, text);
    },
  };
  const pack: tar.Pack = tar.pack(source, {
    ignore: (path) => skipped.has(path),
    // tar-fs ends a file's entry on a read error but not the archive; end the archive, so the upload fails now.
    mapStream: (stream, header) => {
      stream.once('error', (error: NodeJS.ErrnoException) => pack.destroy(new Error(`cannot copy ${join(source, header.name)}: ${error.code ?? error.message}`)));
      return stream;
    },
    fs: linksAsCopied,
  } as tar.PackOptions);
  await uploadArchive(container, pack, containerDir, { what: source, ...(signal ? { signal } : {}) });
}
