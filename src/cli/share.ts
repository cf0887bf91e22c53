// `mountbench share`: its options and its action.
import type { Command } from '@commander-js/extra-typings';
import { shareCommand } from '../commands/share.js';

export function addShareCommand(program: Command): void {
  program
    .command('share')
    .description('make a run fit to publish: figures and the machine\'s fingerprint, no host, user, home, project, path or address; its id is its hash')
    .argument('<run>', 'a run document (run.json) or its run directory')
    .option('-o, --output <file>', 'where to write the shared result (default: <id>.json here)')
    .option('--include-project', 'share a --project run too (its name and paths are still replaced by <project>)')
    .option('--submit <owner/repo>', 'open a pull request adding it to a results repository (with gh; otherwise prints what to run)')
    .addHelpText(
      'after',
      `
Host, user and home names, project paths, addresses, sockets under home and environment values are replaced by
stable placeholders; what was removed is printed, then a Markdown summary to paste into an issue.

Examples:
  mountbench share ./mountbench-results/20261207-101500-ab12          writes <id>.json here
  mountbench share run.json -o result.json --submit my-team/mountbench-results`,
    )
    .action(async (run, opts) => {
      await shareCommand({ run, output: opts.output ?? null, includeProject: opts.includeProject ?? false, submit: opts.submit ?? null });
    });
}
