// Command-line wiring only: options, help, and typed errors turned into exit codes in one place.
import { Command, CommanderError, Option } from '@commander-js/extra-typings';
import pc from 'picocolors';
import { addAdviseCommand } from './cli/advise-command.js';
import { positiveInteger } from './cli/parsers.js';
import { addRunCommand, contextOption } from './cli/run-command.js';
import { compareCommand } from './commands/compare.js';
import { doctorCommand } from './commands/doctor.js';
import { historyCommand } from './commands/history.js';
import { cleanCommand } from './commands/clean.js';
import { platformsCommand } from './commands/platforms.js';
import { reportCommand } from './commands/report.js';
import { shareCommand } from './commands/share.js';
import { siteCommand } from './commands/site.js';
import { EXIT, MountbenchError } from './errors.js';
import { FORMATS } from './report/exporters.js';
import { HISTORY_ENV, historyPath } from './results/history.js';
import { runDocumentJsonSchema } from './model/run-document.js';
import { TOOL_VERSION } from './version.js';

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

const DOCTOR_HELP = `
Per platform: its kind, engine and VM; how a bind mount of the project reaches a container (read from the
container's /proc/self/mountinfo) and how the platform's own settings configure file sharing (Docker Desktop's
settings-store.json, Colima's colima.yaml, Lima's lima.yaml, Rancher Desktop's settings.json, podman machine
inspect); then findings (broken, slow, info), each with its evidence, its source (a file, a run of this machine's
history, a published article) and, where a setting changes it, where and how.

Examples:
  mountbench doctor                        the project is the current directory
  mountbench doctor --project ~/code/app
  mountbench doctor --json | jq '.[] | {name, findings: [.findings[] | select(.severity != "info") | .text]}'

Exit status: 0 when at least one platform answered, 2 when none did.
`;

export function buildProgram(): Command {
  const program = new Command()
    .name('mountbench')
    .description('Measure, explain and fix container file-sharing performance: how much slower npm install runs in a bind mount than natively, on every Docker platform you have.')
    .version(TOOL_VERSION)
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({ outputError: () => undefined });

  addRunCommand(program);
  addAdviseCommand(program);

  program
    .command('platforms')
    .description('list the Docker endpoints found (contexts, DOCKER_HOST, well-known sockets), whether they answer, and what they are')
    .option('--json', 'print JSON instead of a table')
    .option('--image <ref>', 'local image for the file-sharing probe (default: the first of the default images found locally)')
    .addOption(contextOption())
    .action(async (opts) => {
      process.exitCode = await platformsCommand({ context: opts.context ?? null, json: opts.json ?? false, image: opts.image ?? null });
    });

  program
    .command('doctor')
    .description('say how each platform shares files (engine, container, its own settings), what that costs, and what to change')
    .option('--json', 'print the reports as JSON, for scripts')
    .option('--project <dir>', 'the project whose bind mounts are in question (default: the current directory)')
    .option('--image <ref>', 'local image for the file-sharing probe (default: the first of the default images found locally)')
    .addOption(contextOption())
    .addHelpText('after', DOCTOR_HELP)
    .action(async (opts) => {
      process.exitCode = await doctorCommand({ context: opts.context ?? null, json: opts.json ?? false, image: opts.image ?? null, project: opts.project ?? process.cwd(), historyFile: historyPath() });
    });

  program
    .command('report')
    .description('render a saved run again')
    .argument('<run>', 'a run document written by mountbench run (run.json), or its run directory')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('md'))
    .action(async (file, opts) => {
      await reportCommand(file, opts.format);
    });

  program
    .command('compare')
    .description('put runs from many machines and days, and the articles\' published figures, side by side')
    .argument('[runs...]', 'run.json files, run directories, or folders holding many (e.g. a CI artifact folder)')
    .option('--published', 'add the seed articles\' figures (data/published-results.csv) as rows of their own, marked as published')
    .option('--baseline <run>', 'a run of the same platforms to check the others against: per cell faster, slower, or no detectable change')
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

  program
    .command('share')
    .description('make a run fit to publish: figures and the machine\'s fingerprint, no host, user, home, project, path or address; its id is its hash')
    .argument('<run>', 'a run document (run.json) or its run directory')
    .option('-o, --output <file>', 'where to write the shared result (default: <id>.json here)')
    .option('--include-project', 'share a --project run too (its name and paths are still replaced by <project>)')
    .option('--submit <owner/repo>', 'open a pull request adding it to a results repository (with gh; otherwise prints what to run)')
    .action(async (run, opts) => {
      await shareCommand({ run, output: opts.output ?? null, includeProject: opts.includeProject ?? false, submit: opts.submit ?? null });
    });

  program
    .command('site')
    .description('build a static site of shared results (and run documents) side by side: overview, pages per platform and result, comparisons by URL')
    .argument('<dir>', 'a folder of shared results and run documents (e.g. a results repository\'s results/)')
    .option('-o, --output <dir>', 'where to write the site (required unless --check)')
    .option('--check', 'only check every result (schema, anonymity, id = hash, place, no duplicates); exit 1 listing those refused')
    .action(async (dir, opts) => {
      process.exitCode = await siteCommand({ dir, output: opts.output ?? null, check: opts.check ?? false });
    });

  program
    .command('history')
    .description(`list the runs recorded on this machine (${HISTORY_ENV} moves the file)`)
    .option('--json', 'print the entries as JSON')
    .action(async (opts) => {
      await historyCommand({ file: historyPath(), json: opts.json ?? false });
    });

  program
    .command('schema')
    .description('print the JSON Schema of run.json')
    .action(() => {
      process.stdout.write(`${JSON.stringify(runDocumentJsonSchema(), null, 2)}\n`);
    });

  program
    .command('clean')
    .description('remove containers, volumes and Mutagen sessions left behind by crashed runs (everything labelled mountbench.run)')
    .option('--run <id>', 'only what this run created')
    .addOption(contextOption())
    .action(async (opts) => {
      process.exitCode = await cleanCommand({ context: opts.context ?? null, run: opts.run ?? null });
    });

  return program;
}

/** The help line of the option an error names, so a usage error shows how to use that option. */
function relevantHelpLine(program: Command, message: string): string | null {
  const flag = message.match(/'(-[-\w]+)/)?.[1] ?? message.match(/(--[\w-]+)/)?.[1];
  if (!flag) return null;
  for (const command of [program, ...program.commands]) {
    const option = command.options.find((o) => o.flags.split(/[ ,|]+/).includes(flag) || o.long === flag);
    if (option) return `  ${option.flags}  ${option.description}`;
  }
  return null;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return Number(process.exitCode ?? 0);
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
      const line = relevantHelpLine(program, error.message);
      process.stderr.write(`${pc.red(error.message)}\n${line ? `${line}\n` : ''}(see mountbench --help, or mountbench <command> --help)\n`);
      return EXIT.usage;
    }
    if (error instanceof MountbenchError) {
      process.stderr.write(`${pc.red(`error: ${error.message}`)}\n`);
      return error.exitCode;
    }
    throw error;
  }
}
