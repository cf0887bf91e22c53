// `mountbench site DIR --output SITE [--check]`: a static site from a folder of shared results and run documents.
// Refused files are listed with their reasons: with --check they fail it (exit 1, what a results repository's pull
// request check runs), without it they are skipped with a warning and the site is built from the rest.
import pc from 'picocolors';
import { EXIT, UsageError } from '../errors.js';
import { readPublished } from '../results/published.js';
import { buildSite } from '../site/build.js';
import { loadResults } from '../site/load.js';

export interface SiteCommandOptions {
  dir: string;
  output: string | null;
  check: boolean;
}

const sizeText = (bytes: number) => (bytes >= 1024 ** 2 ? `${(bytes / 1024 ** 2).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`);

export async function siteCommand(options: SiteCommandOptions): Promise<number> {
  if (!options.check && !options.output) throw new UsageError('name the folder to write the site to with --output SITE (or check the results only with --check)');
  const started = performance.now();
  const { results, refused } = loadResults(options.dir, { check: options.check });
  const err = (line: string) => process.stderr.write(`${line}\n`);
  const warn = options.check ? pc.red : pc.yellow;
  for (const r of refused) err(warn(`${options.check ? 'refused' : 'skipped'} ${r.file}: ${r.reasons.join('; ')}`));
  if (options.check) {
    err(`${results.length} result${results.length === 1 ? '' : 's'} pass${results.length === 1 ? 'es' : ''}, ${refused.length} refused`);
    if (refused.length) return EXIT.cellsFailed;
  }
  if (!options.output) return EXIT.ok;
  const stats = buildSite(results.map((r) => r.result), readPublished(), options.output, refused.length);
  const seconds = (performance.now() - started) / 1000;
  err(
    `${pc.bold('wrote')} ${options.output}: ${results.length} results (${results.filter((r) => r.fromRun).length} shared from run documents), ` +
      `${stats.files} files, ${sizeText(stats.totalBytes)}; overview ${sizeText(stats.overviewBytes)}, largest page ${stats.largestPage.file} ${sizeText(stats.largestPage.bytes)}; ${seconds.toFixed(1)} s`,
  );
  return EXIT.ok;
}
