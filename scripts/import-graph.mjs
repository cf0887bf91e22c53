// Folder-to-folder imports of src/ (type-only imports count): one line per pair, with the files behind it.
// Usage: node scripts/import-graph.mjs [src] [--files] — the picture the README's "Development" section draws.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, dirname, resolve, relative } from 'node:path';

const args = process.argv.slice(2);
const showFiles = args.includes('--files');
const src = resolve(args.find((a) => !a.startsWith('--')) ?? 'src');
const files = [];
(function walk(dir) {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) walk(path);
    else if (/\.ts$/.test(entry) && !entry.endsWith('.d.ts')) files.push(path);
  }
})(src);

const importPattern = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
function resolveImport(from, spec) {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, base.replace(/\.js$/, '.ts'), `${base}.ts`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}
const folderOf = (file) => {
  const parts = relative(src, file).split('/');
  return parts.length === 1 ? parts[0] : `${parts[0]}/`;
};
const pairs = new Map();
for (const file of files) {
  const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  for (const match of text.matchAll(importPattern)) {
    const target = resolveImport(file, match[1] ?? match[2]);
    if (!target) continue;
    const [a, b] = [folderOf(file), folderOf(target)];
    if (a === b) continue;
    const key = `${a} -> ${b}`;
    if (!pairs.has(key)) pairs.set(key, new Set());
    pairs.get(key).add(`${relative(src, file)} -> ${relative(src, target)}`);
  }
}
for (const key of [...pairs.keys()].sort()) {
  console.log(`${key}  (${pairs.get(key).size})`);
  if (showFiles) for (const edge of [...pairs.get(key)].sort()) console.log(`    ${edge}`);
}
