// `mountbench clean`: its options, the help that teaches them, and its action.
import type { Command } from '@commander-js/extra-typings';
import { cleanCommand } from '../commands/clean.js';
import { contextOption } from './options.js';
import { nameList } from './parsers.js';

export function addCleanCommand(program: Command): void {
  program
    .command('clean')
    .description('remove what crashed runs left behind: containers and volumes labelled mountbench.run, and what they left on this machine: work copies, sync relay directories, native processes')
    .option('--run <id>', 'only what this run created')
    .option('-p, --platform <names>', 'only these engines: comma-separated names from `mountbench platforms` (default: every one found)', nameList)
    .option('-n, --dry-run', 'list what would be removed, remove nothing')
    .addOption(contextOption())
    .addHelpText('after', '\nA run that is still going (its process alive on this machine) or another machine\'s run is never touched: it is left, and listed.\nExit codes: 0 cleaned (or nothing to clean), 1 something could not be removed (each is listed), 2 no engine answers.')
    .action(async (opts) => {
      process.exitCode = await cleanCommand({ context: opts.context ?? null, run: opts.run ?? null, platforms: opts.platform ?? null, dryRun: opts.dryRun ?? false });
    });
}
