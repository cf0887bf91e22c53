// `mountbench report`: its options and its action.
import { Option, type Command } from '@commander-js/extra-typings';
import { reportCommand } from '../commands/report.js';
import { FORMATS } from '../report/exporters.js';

export function addReportCommand(program: Command): void {
  program
    .command('report')
    .description('render a saved run again')
    .argument('<run>', 'a run document written by mountbench run (run.json), or its run directory')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('md'))
    .action(async (file, opts) => {
      await reportCommand(file, opts.format);
    });
}
