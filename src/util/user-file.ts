// Reading a file the user named or keeps (a Compose file, mountbench.yaml, the history, a run document) so that
// what they can cause — a directory where a file should be, a FIFO, a file they cannot read — is a sentence
// naming it, never a stack trace or a read that waits for ever. A FIFO is opened without blocking and refused.
import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from 'node:fs';
import type { Document } from 'yaml';

/** yaml's own default: each alias may be expanded this many times over (a Compose file's anchors use a handful). */
const MAX_ALIAS_COUNT = 100;

/** The file cannot be read as text; `message` says why in a sentence that names it. */
export class UserFileError extends Error {}

function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOENT: 'no such file',
  ENOTDIR: 'a part of its path is not a directory',
  ELOOP: 'too many levels of symbolic links',
  EISDIR: 'it is a directory',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'over the disk quota',
  EROFS: 'a read-only file system',
  EMFILE: 'too many open files',
};

/** The reason an fs call failed, in words: "permission denied (EACCES)". */
export function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code ? `${REASONS[code] ?? 'error'} (${code})` : (error as Error).message;
}

/** The text of a regular file, or null when nothing is at `path`; throws UserFileError for anything else. */
export function readUserFile(path: string): string | null {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new UserFileError(`cannot read ${path}: ${reasonOf(error)}`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new UserFileError(`${path} is ${kindOf(stat)}, not a file`);
    return readFileSync(fd, 'utf8');
  } catch (error) {
    if (error instanceof UserFileError) throw error;
    throw new UserFileError(`cannot read ${path}: ${reasonOf(error)}`);
  } finally {
    closeSync(fd);
  }
}

/** The plain data of a parsed YAML document, aliases expanded up to yaml's limit: past it (an "alias bomb", a few
 * lines that expand to billions of nodes) a sentence instead of the memory of the machine. */
export function yamlData(doc: Document, path: string): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    throw new UserFileError(`${path}: its aliases expand too far (${error.message}); write the repeated parts out, or use fewer aliases`);
  }
}
