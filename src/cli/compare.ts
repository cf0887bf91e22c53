// `mountbench compare`: its options, the help that teaches them, and its action.
import { Option, type Command } from '@commander-js/extra-typings';
import { compareCommand } from '../commands/compare.js';
import { FORMATS } from '../report/exporters.js';
import { historyPath } from '../results/history.js';
import { positiveInteger } from './parsers.js';

const COMPARE_HELP = `
What is compared is what travels between machines: each platform's ratio to its own native, per test, with its
interval (absolute times only make sense on one machine; they are in the per-test tables). Runs of different
machines and days never collide: a platform is told apart by its run's date and id where titles repeat.
With one run and nothing else, compare prints exactly what \`mountbench report\` prints.

Examples:
  mountbench compare ./mountbench-results                    every run below a folder (a CI artifact folder)
  mountbench compare run-a run-b --published --format html -o report.html
  mountbench compare --last 2 --baseline run-a               did the platform update change anything?
`;

export function addCompareCommand(program: Command): void {
  program
    .command('compare')
    .description('put runs from many machines and days, and the articles\' published figures, side by side')
    .argument('[runs...]', 'run.json files, run directories, or folders holding many (e.g. a CI artifact folder)')
    .option('--published', 'add the seed articles\' figures (data/published-results.csv) as rows of their own, marked as published')
    .option('--baseline <run>', 'a run of the same platforms to check the others against: per cell faster, slower, the same within ±10% (the run\'s --margin), or undecided')
    .option('--last <n>', 'the last N runs of the local history (mountbench history)', positiveInteger(1))
    .option('--since <date>', 'the runs of the local history since DATE (e.g. 2026-11-30)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('md'))
    .option('-o, --output <file>', 'write the report to FILE instead of stdout')
    .addHelpText('after', COMPARE_HELP)
    .action(async (runs, opts) => {
      await compareCommand({
        runs,
        published: opts.published ?? false,
        baseline: opts.baseline ?? null,
        last: opts.last ?? null,
        since: opts.since ?? null,
        historyFile: historyPath(),
        format: opts.format,
        output: opts.output ?? null,
      });
    });
}
