// `mountbench history`: its options and its action.
import type { Command } from '@commander-js/extra-typings';
import { historyCommand } from '../commands/history.js';
import { HISTORY_ENV, historyPath } from '../results/history.js';

export function addHistoryCommand(program: Command): void {
  program
    .command('history')
    .description(`list the runs recorded on this machine (${HISTORY_ENV} moves the file)`)
    .option('--json', 'print the entries as JSON')
    .action(async (opts) => {
      await historyCommand({ file: historyPath(), json: opts.json ?? false });
    });
}
