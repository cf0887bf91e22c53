// A throw-away project directory made of the files a test names (paths relative to it; a trailing / makes a directory).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export function projectOf(files: Record<string, string>, name = 'app'): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'mountbench-advise-')), name);
  for (const [path, text] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(path.endsWith('/') ? full : dirname(full), { recursive: true });
    if (!path.endsWith('/')) writeFileSync(full, text);
  }
  mkdirSync(dir, { recursive: true });
  return dir;
}
