// A throw-away project directory made of the files a test names (paths relative to it; a trailing / makes a
// directory). All of them live under one scratch directory, removed when the test file ends.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after } from 'node:test';

const scratch = mkdtempSync(join(tmpdir(), 'mountbench-advise-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

export function projectOf(files: Record<string, string>, name = 'app'): string {
  const dir = join(mkdtempSync(join(scratch, 'p-')), name);
  mkdirSync(dir, { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(path.endsWith('/') ? full : dirname(full), { recursive: true });
    if (!path.endsWith('/')) writeFileSync(full, text);
  }
  return dir;
}
