// Command-line wiring only: options, help, and typed errors turned into exit codes in one place.
import { Command, CommanderError, InvalidArgumentError, Option } from '@commander-js/extra-typings';
import pc from 'picocolors';
import { DEFAULT_IMAGE, OFFLINE_IMAGE } from './bench/image.js';
import { DEFAULT_MAX_RUNS, DEFAULT_PRECISION, DEFAULT_RUNS } from './bench/stop-rule.js';
import { cleanCommand } from './commands/clean.js';
import { platformsCommand } from './commands/platforms.js';
import { reportCommand } from './commands/report.js';
import { resolveRunOptions } from './commands/run-options.js';
import { runCommand } from './commands/run.js';
import { EXIT, MountbenchError } from './errors.js';
import { FORMATS } from './report/exporters.js';
import { runDocumentJsonSchema } from './results/schema.js';
import { DEFAULT_STRATEGIES, IMPLEMENTED_STRATEGIES, isImplemented, STRATEGY_CATALOG, STRATEGY_NAMES, type ImplementedStrategy } from './strategies/catalog.js';
import { TOOL_VERSION } from './version.js';
import { WORKLOAD_NAMES, workloadSummary, type WorkloadName } from './workloads/catalog.js';
import { DEFAULT_SIZES } from './workloads/generated.js';
import { NPM_INSTALL_FIXTURES } from './workloads/npm-install.js';
import { PROJECT_CONFIG_FILE } from './workloads/project-config.js';

function positiveInteger(min: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`expected an integer of at least ${min}.`);
    return n;
  };
}

function runCount(value: string): number | 'auto' {
  if (value === 'auto') return 'auto';
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a number of samples (1 or more) or auto.');
  return n;
}

/** "5%" or "5": a share of the ratio, as 0.05. */
function percentage(value: string): number {
  const n = Number(value.trim().replace(/%$/, ''));
  if (!(n > 0 && n < 100)) throw new InvalidArgumentError('expected a percentage such as 5% (more than 0, less than 100).');
  return n / 100;
}

/** "90s", "20m", "1h30m" or plain seconds, as seconds. */
function duration(value: string): number {
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text) && Number(text) > 0) return Number(text);
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)\s*(h|m|s)/g)];
  const seconds = parts.reduce((sum, [, n, unit]) => sum + Number(n) * { h: 3600, m: 60, s: 1 }[unit as 'h' | 'm' | 's'], 0);
  if (parts.map((p) => p[0]).join('') !== text.replace(/\s+/g, '') || !(seconds > 0)) throw new InvalidArgumentError('expected a duration such as 90s, 20m or 1h30m.');
  return seconds;
}

function strategyList(value: string): ImplementedStrategy[] {
  const names = value.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !isImplemented(n));
  if (unknown.length > 0) {
    const planned = unknown.filter((n) => (STRATEGY_NAMES as string[]).includes(n));
    const note = planned.length > 0 ? ` (${planned.join(', ')} ${planned.length > 1 ? 'are' : 'is'} planned, not built yet)` : '';
    throw new InvalidArgumentError(`unknown strategy ${unknown.join(', ')}${note}; choose from ${IMPLEMENTED_STRATEGIES.join(', ')}.`);
  }
  if (names.length === 0) throw new InvalidArgumentError('name at least one strategy.');
  return [...new Set(names)] as ImplementedStrategy[];
}

function workloadList(value: string): WorkloadName[] {
  const names = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (names.includes('all')) return [...WORKLOAD_NAMES];
  const unknown = names.filter((n) => !WORKLOAD_NAMES.includes(n as WorkloadName));
  if (unknown.length > 0) throw new InvalidArgumentError(`unknown workload ${unknown.join(', ')}; choose from ${WORKLOAD_NAMES.join(', ')} or all.`);
  if (names.length === 0) throw new InvalidArgumentError('name at least one workload.');
  return [...new Set(names)] as WorkloadName[];
}

/** A size in bytes: 512, 4k, 1M (powers of 1024). */
function byteSize(value: string): number {
  const match = /^(\d+)\s*([kKmM]?)i?[bB]?$/.exec(value.trim());
  if (!match || Number(match[1]) < 1) throw new InvalidArgumentError('expected a size such as 512, 4k or 1M.');
  return Number(match[1]) * (match[2] ? 1024 ** ('kKmM'.indexOf(match[2]) < 2 ? 1 : 2) : 1);
}

function nameList(value: string): string[] {
  return value.split(',').map((s) => s.trim()).filter(Boolean);
}

const contextOption = () => new Option('--context <name>', 'use this docker context as the current platform (like docker --context)');

const WORKLOAD_HELP = `
Workloads (--workload; each is measured under every strategy):
${WORKLOAD_NAMES.map((name) => `  ${name.padEnd(13)}${workloadSummary(name)}`).join('\n')}
`;

const STRATEGY_LINES = STRATEGY_NAMES.map((name) => {
  const { title, help } = STRATEGY_CATALOG[name];
  return `  ${name.padEnd(11)}${help}${title.toLowerCase() === name ? '' : ` ("${title}")`}`;
});

const STRATEGY_HELP = `
Strategies (where the project's files live while the workload runs):
${STRATEGY_LINES.join('\n')}

How samples are timed:
  Inside the container with a monotonic clock (container start-up and API round trips are not counted), one
  long-lived container per strategy, the project reset and the disk flushed (sync) untimed before each sample,
  warm-ups recorded but not summarised. Workload scripts time their own phases, without node's start-up.
  The npm cache is primed once per platform, untimed; samples run \`npm ci --offline\` with no network unless
  --online. Cold passes drop the kernel's caches first, or say in the notes why they could not. Samples of all
  cells are interleaved round by round to cancel drift.

How the figures are summarised:
  The median of each cell with a distribution-free confidence interval (order statistics; its exact coverage is
  printed, at least 95%; none with fewer than 6 samples), and the ratio of medians to native with an interval
  that holds with at least the probability printed (none with fewer than 7 samples each). --runs auto keeps
  sampling round by round until every ratio's interval is within --precision of it, or --max-runs/--max-time.

Output: a run directory (run.json, results.md, results.csv, samples.csv, chart.svg) and a table on stdout;
progress goes to stderr. Every container and volume carries the label mountbench.run=<id> and is removed at
the end, also on failure and Ctrl-C (\`mountbench clean\` removes leftovers of crashed runs).

Exit codes: 0 all cells measured, 1 some cells failed, 2 nothing could run (no engine, no image),
64 bad usage, 130 interrupted.

Examples:
  mountbench run                                  the seed benchmark on the current platform
  mountbench run --fixture small --runs 3         a quick check (too few samples for intervals)
  mountbench run --fixture medium --runs auto --precision 5% --max-time 20m
                                                  sample until every ratio to native is known to ±5%
  mountbench run --all-platforms                  every platform that answers (Docker Desktop, OrbStack, ...)
  mountbench run --platform colima,orbstack --strategies native,bind,hybrid
  mountbench run --image node:22-slim --output ./results/node22
  mountbench run --workload files,traverse,watch  what the file sharing costs, and whether hot reload works
  mountbench run --workload all --fixture small --files 1000 --bigfile-size 32 --runs 3
  mountbench run --project . --command "npm ci --prefer-offline" --deps node_modules --online
                                                  your own project (samples have no network unless --online)
  mountbench run --project ~/code/app            the same, from the project's ${PROJECT_CONFIG_FILE}

${PROJECT_CONFIG_FILE} (in the project; flags win over it):
  command: npm ci                 required: what to time
  deps: [node_modules]            directories the command fills
  reset: rm -rf dist              untimed before each sample (default: empty the deps)
  image: node:22                  strategies: [native, bind, hybrid]      runs: 7 (or auto)      warmup: 1`;

export function buildProgram(): Command {
  const program = new Command()
    .name('mountbench')
    .description('Measure, explain and fix container file-sharing performance: how much slower npm install runs in a bind mount than natively, on every Docker platform you have.')
    .version(TOOL_VERSION)
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({ outputError: () => undefined });

  program
    .command('run')
    .description('benchmark npm install (or another workload, or your own project) under each mount strategy on the chosen Docker platforms')
    .addOption(
      new Option('-s, --strategies <list>', `comma-separated strategies: ${IMPLEMENTED_STRATEGIES.join(', ')}`)
        .argParser(strategyList)
        .default([...DEFAULT_STRATEGIES], 'all that are built'),
    )
    .addOption(
      new Option('-n, --runs <n|auto>', `measured samples per cell (${DEFAULT_RUNS}: the fewest with which every interval exists), or auto: until every ratio to native is known to within --precision`)
        .argParser(runCount)
        .default(DEFAULT_RUNS as number | 'auto'),
    )
    .option('--precision <percent>', 'with --runs auto: the half-width each ratio\'s interval must reach, relative to the ratio', percentage, DEFAULT_PRECISION)
    .option('--max-runs <n>', 'with --runs auto: at most this many samples per cell', positiveInteger(DEFAULT_RUNS), DEFAULT_MAX_RUNS)
    .option('--max-time <duration>', 'with --runs auto: stop sampling a platform\'s workload after this long (90s, 20m, 1h)', duration)
    .option('-w, --warmup <n>', 'warm-up samples per cell (recorded, not summarised)', positiveInteger(0), 1)
    .addOption(
      new Option('-W, --workload <list>', `comma-separated workloads, or all: ${WORKLOAD_NAMES.join(', ')}`)
        .argParser(workloadList)
        .default(['npm-install'] as WorkloadName[], 'npm-install'),
    )
    .addOption(new Option('--fixture <name>', 'npm-install and build project: cra (create-react-app 5, ~1,500 packages), medium (an Express API and its linter, ~220; npm-install only) or small (a handful, for quick checks)').choices(NPM_INSTALL_FIXTURES).default('cra'))
    .option('--files <n>', 'files in the trees of files, traverse and git', positiveInteger(1), DEFAULT_SIZES.files)
    .option('--file-size <size>', 'bytes per file in those trees (512, 4k, ...)', byteSize, DEFAULT_SIZES.fileBytes)
    .option('--bigfile-size <MiB>', 'size of the bigfile workload\'s file in MiB', positiveInteger(1), DEFAULT_SIZES.bigfileMb)
    .option('--events <n>', 'files written per watch sample', positiveInteger(1), DEFAULT_SIZES.events)
    .option('--project <dir>', `benchmark your own project instead: a copy of DIR (DIR itself is never modified), with the flags below or DIR/${PROJECT_CONFIG_FILE}`)
    .option('--command <cmd>', 'with --project: the command to time, run by sh in the copy of the project')
    .option('--deps <list>', 'with --project: comma-separated directories the command fills (not copied; emptied before each sample; hybrid puts a volume on each)', nameList)
    .option('--reset <cmd>', 'with --project: untimed command before each sample (default: empty the --deps directories)')
    .option('--image <ref>', `image with node and npm (default: ${DEFAULT_IMAGE}; ${OFFLINE_IMAGE} when no registry answers)`)
    .option('-o, --output <dir>', 'run directory (default: ./mountbench-results/<run id>)')
    .option('-p, --platform <names>', 'comma-separated platform names from `mountbench platforms` (default: the current one)', nameList)
    .option('-a, --all-platforms', 'every platform that answers')
    .addOption(contextOption())
    .option('--online', 'let npm use the registry during samples, as the seed article did (default: offline from a primed cache)')
    .addOption(new Option('--order <order>', 'interleave cells round by round, or run each cell to the end').choices(['interleaved', 'sequential'] as const).default('interleaved' as const))
    .addOption(new Option('--progress <mode>', 'live view on a terminal, plain lines otherwise').choices(['auto', 'tty', 'plain'] as const).default('auto' as const))
    .addHelpText('after', WORKLOAD_HELP + STRATEGY_HELP)
    .action(async (opts, command) => {
      const options = resolveRunOptions(opts, (flag) => command.getOptionValueSource(flag) === 'cli');
      const outcome = await runCommand(options, ['mountbench', ...process.argv.slice(2)]);
      process.exitCode = outcome.exitCode;
    });

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
    .command('report')
    .description('render a saved run again')
    .argument('<run>', 'a run document written by mountbench run (run.json), or its run directory')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('md'))
    .action(async (file, opts) => {
      await reportCommand(file, opts.format);
    });

  program
    .command('schema')
    .description('print the JSON Schema of run.json')
    .action(() => {
      process.stdout.write(`${JSON.stringify(runDocumentJsonSchema(), null, 2)}\n`);
    });

  program
    .command('clean')
    .description('remove containers and volumes left behind by crashed runs (everything labelled mountbench.run)')
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
