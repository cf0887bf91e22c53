// The whole site written to a folder: the overview, a page per platform version and per result, the compare page,
// each result's JSON and compact script, and the downloads. Returns what it weighs, so its growth is measured.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CannotRunError } from '../errors.js';
import type { PublishedRow } from '../results/published.js';
import type { SharedResult } from '../share/schema.js';
import { overview, publishedRows } from './aggregate.js';
import { compactScript, comparePage } from './compare-page.js';
import { indexJson, overviewCsv, overviewJson, resultsCsv } from './downloads.js';
import { overviewPage } from './overview-page.js';
import { slug } from './page.js';
import { platformPage } from './platform-page.js';
import { resultPage } from './result-page.js';

/** Marks a folder as a site this command wrote, so building again may replace it. */
const MARKER = '.mountbench-site';

export interface SiteStats {
  files: number;
  totalBytes: number;
  largestPage: { file: string; bytes: number };
  overviewBytes: number;
}

function prepare(out: string): void {
  if (existsSync(out) && readdirSync(out).length > 0) {
    if (!existsSync(join(out, MARKER))) throw new CannotRunError(`${out} is not empty and not a site mountbench built: choose a new or empty folder`);
    rmSync(out, { recursive: true, force: true });
  }
  for (const dir of ['', 'platform', 'result', 'data', 'data/r']) mkdirSync(join(out, dir), { recursive: true });
  writeFileSync(join(out, MARKER), 'built by mountbench site; building again replaces this folder\n');
}

/** Platform labels to page files, told apart where two labels make the same name. */
function platformFiles(results: readonly SharedResult[]): Map<string, string> {
  const files = new Map<string, string>();
  const used = new Set<string>();
  for (const label of [...new Set(results.flatMap((r) => r.platforms.map((p) => p.label)))].sort()) {
    let name = slug(label);
    for (let i = 2; used.has(name); i++) name = `${slug(label)}-${i}`;
    used.add(name);
    files.set(label, `platform/${name}.html`);
  }
  return files;
}

export function buildSite(results: readonly SharedResult[], published: readonly PublishedRow[], out: string, refused = 0): SiteStats {
  prepare(out);
  const stats: SiteStats = { files: 0, totalBytes: 0, largestPage: { file: '', bytes: 0 }, overviewBytes: 0 };
  const write = (file: string, text: string) => {
    writeFileSync(join(out, file), text);
    const bytes = Buffer.byteLength(text);
    stats.files++;
    stats.totalBytes += bytes;
    if (file.endsWith('.html') && bytes > stats.largestPage.bytes) stats.largestPage = { file, bytes };
  };
  const measured = overview(results);
  const publishedByTest = publishedRows(published, measured);
  const onlyPublished = [...publishedByTest.entries()].filter(([key]) => !measured.some((t) => t.test.key === key)).map(([, rows]) => ({ test: rows[0].test, rows: [] }));
  const tests = [...measured, ...onlyPublished].sort((a, b) => a.test.key.localeCompare(b.test.key));
  const pages = platformFiles(results);
  const index = overviewPage({ tests, published: publishedByTest, results: results.length, refused, platformPage: (label) => pages.get(label) ?? 'index.html' });
  write('index.html', index);
  stats.overviewBytes = Buffer.byteLength(index);
  write('compare.html', comparePage());
  const byLabel = new Map<string, SharedResult[]>();
  for (const r of results) for (const label of new Set(r.platforms.map((p) => p.label))) byLabel.set(label, [...(byLabel.get(label) ?? []), r]);
  for (const [label, file] of pages) write(file, platformPage(label, byLabel.get(label) ?? []));
  for (const r of results) {
    write(`result/${r.id}.html`, resultPage(r));
    write(`data/r/${r.id}.json`, `${JSON.stringify(r)}\n`);
    write(`data/r/${r.id}.js`, compactScript(r));
  }
  const rows = [...tests.flatMap((t) => t.rows), ...[...publishedByTest.values()].flat()];
  write('data/overview.csv', overviewCsv(rows));
  write('data/overview.json', overviewJson(rows));
  write('data/results.csv', resultsCsv(results));
  write('data/index.json', indexJson(results));
  return stats;
}

/** The size of every file below a folder, for checks and the benchmark. */
export function folderBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? folderBytes(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0);
}
