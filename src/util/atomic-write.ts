// Write a file so that a reader sees the old content or the new, never half of it, and so that nothing already in
// the directory can redirect the write: the temporary file is created exclusively under a random name beside the
// target (O_EXCL|O_NOFOLLOW: a planted file or link of that name makes the open fail instead of being followed), and
// renamed over the target.
//
// A target that is a symbolic link is replaced by the new file; its link's target is left alone. mountbench writes
// into directories it does not own (a cloned project, a CI artifact folder): following a link there would let
// whoever made it choose which file gets overwritten (`compose.override.yaml -> ~/.bashrc`).
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const CREATE_NEW = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;

/** The mode a regular file at `path` has now (kept by the new file), or null when there is none to keep. */
async function modeToKeep(path: string): Promise<number | null> {
  const stat = await lstat(path).catch(() => null);
  return stat?.isFile() ? stat.mode & 0o7777 : null;
}

export async function writeAtomically(path: string, content: string): Promise<void> {
  const mode = await modeToKeep(path);
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.partial`);
  const file = await open(temporary, CREATE_NEW, 0o666);
  try {
    try {
      await file.writeFile(content);
      // The open's mode went through the umask; the file it replaces keeps its own mode exactly.
      if (mode !== null) await file.chmod(mode);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}
