// npm run bench:site [-- COUNT]: a site built from 10,000 made-up shared results (test/helpers/generated-results.ts),
// laid out as a results repository holds them, timed from reading the folder to the last file written.
// Prints the build time, the total size, the overview's and the largest page's size.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { readPublished } from '../src/results/published.js';
import { resultPath } from '../src/share/layout.js';
import { buildSite } from '../src/site/build.js';
import { loadResults } from '../src/site/load.js';
import { generatedResults } from '../test/helpers/generated-results.js';

const count = Number(process.argv[2] ?? 10_000);
const scratch = mkdtempSync(join(tmpdir(), 'mountbench-bench-site-'));
const mib = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
try {
  let t = performance.now();
  const results = generatedResults(count);
  for (const r of results) {
    const file = join(scratch, 'results', resultPath(r));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(r, null, 2)}\n`);
  }
  console.log(`generated ${count.toLocaleString('en')} results in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  t = performance.now();
  const loaded = loadResults(join(scratch, 'results'), { check: true });
  const read = (performance.now() - t) / 1000;
  if (loaded.refused.length) throw new Error(`${loaded.refused.length} generated results refused: ${JSON.stringify(loaded.refused.slice(0, 3))}`);
  const stats = buildSite(loaded.results.map((r) => r.result), readPublished(), join(scratch, 'site'));
  const seconds = (performance.now() - t) / 1000;
  console.log(`site of ${loaded.results.length.toLocaleString('en')} results: build ${seconds.toFixed(1)} s (reading and checking ${read.toFixed(1)} s)`);
  console.log(`total ${mib(stats.totalBytes)} in ${stats.files.toLocaleString('en')} files; overview (index.html) ${kib(stats.overviewBytes)}; largest page ${stats.largestPage.file} ${kib(stats.largestPage.bytes)}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
