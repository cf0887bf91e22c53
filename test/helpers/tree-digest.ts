// A digest of a directory tree that changes when anything in it does: each entry's path, type and mode, a file's
// content, a link's text. Compared before and after, it says whether a run modified a directory.
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join, relative } from 'node:path';

export function treeDigest(root: string): string[] {
  const lines: string[] = [];
  const visit = (path: string): void => {
    const stat = lstatSync(path);
    const name = relative(root, path) || '.';
    const mode = (stat.mode & 0o7777).toString(8);
    if (stat.isSymbolicLink()) lines.push(`${name} link ${readlinkSync(path)}`);
    else if (stat.isFile()) lines.push(`${name} file ${mode} ${createHash('sha256').update(readFileSync(path)).digest('hex')}`);
    else if (stat.isDirectory()) {
      lines.push(`${name} dir ${mode}`);
      for (const entry of readdirSync(path).sort()) visit(join(path, entry));
    } else lines.push(`${name} other ${mode}`);
  };
  visit(root);
  return lines;
}
