// `mountbench site`: its options and its action.
import type { Command } from '@commander-js/extra-typings';
import { siteCommand } from '../commands/site.js';

export function addSiteCommand(program: Command): void {
  program
    .command('site')
    .description('build a static site of shared results (and run documents) side by side: overview, pages per platform and result, comparisons by URL')
    .argument('<dir>', 'a folder of shared results and run documents (e.g. a results repository\'s results/)')
    .option('-o, --output <dir>', 'where to write the site (required unless --check)')
    .option('--check', 'only check every result (schema, anonymity, id = hash, place, no duplicates); exit 1 listing those refused')
    .addHelpText(
      'after',
      `
Examples:
  mountbench site results/ -o _site        then open _site/index.html (no server needed)
  mountbench site results/ --check         what a results repository's pull-request check runs`,
    )
    .action(async (dir, opts) => {
      process.exitCode = await siteCommand({ dir, output: opts.output ?? null, check: opts.check ?? false });
    });
}
