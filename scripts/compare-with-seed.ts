// Ratios to native of a run, next to the published ones (data/published-results.csv): one Markdown table.
//   node --import tsx scripts/compare-with-seed.ts RUN.json data/published-results.csv
import { readFileSync } from 'node:fs';
import { readRunDocument } from '../src/results/store.js';
import { platformTitle, STRATEGY_TITLES } from '../src/report/format.js';
import type { StrategyName } from '../src/results/schema.js';

const [runFile, publishedFile] = process.argv.slice(2);
if (!runFile || !publishedFile) {
  process.stderr.write('usage: compare-with-seed.ts RUN.json published-results.csv\n');
  process.exit(64);
}
const doc = await readRunDocument(runFile);
// The published file is plain CSV without quoted commas; its columns are named in its first line.
const [header, ...rows] = readFileSync(publishedFile, 'utf8').trim().split('\n').map((l) => l.split(','));
const col = (name: string) => header.indexOf(name);
const published = rows
  .filter((r) => r[col('source')] === 'mainardi-2025')
  .map((r) => ({ platform: r[col('platform')], os: r[col('os')], strategy: r[col('strategy')] as StrategyName, mean: Number(r[col('mean_s')]) }));
const seedPlatforms = [...new Set(published.map((p) => p.platform))];
const strategies = (['container', 'hybrid', 'bind'] as StrategyName[]).filter((s) => doc.cells.some((c) => c.workload === 'npm-install' && c.strategy === s));

const ratioText = (value: number | undefined) => (value === undefined ? '—' : `${value.toFixed(2)}x`);
const lines = [
  `| Platform | Source | ${strategies.map((s) => STRATEGY_TITLES[s]).join(' | ')} |`,
  `|---|---|${'---:|'.repeat(strategies.length)}`,
];
for (const p of doc.platforms) {
  const ratios = strategies.map((s) => ratioText(doc.cells.find((c) => c.workload === 'npm-install' && c.platform === p.name && c.strategy === s)?.ratioToNative?.value));
  lines.push(`| ${platformTitle(doc, p.name)} | this run | ${ratios.join(' | ')} |`);
}
for (const platform of seedPlatforms) {
  const mean = (s: string) => published.find((p) => p.platform === platform && p.strategy === s)?.mean;
  const native = mean('native');
  const ratios = strategies.map((s) => ratioText(native && mean(s) ? mean(s)! / native : undefined));
  const os = published.find((p) => p.platform === platform)?.os;
  lines.push(`| ${platform} | seed article (${os}) | ${ratios.join(' | ')} |`);
}
process.stdout.write(`\nRatio to native (this run: ratio of medians; seed: ratio of published means, mainardi-2025)\n\n${lines.join('\n')}\n`);
