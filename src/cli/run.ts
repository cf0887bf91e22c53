// `mountbench run`: its options, the help that teaches them, and its action.
import { Option, type Command } from '@commander-js/extra-typings';
import { DEFAULT_IMAGE, OFFLINE_IMAGE } from '../docker/images.js';
import { DEFAULT_MAX_RUNS, DEFAULT_PRECISION, DEFAULT_RUNS } from '../bench/stop-rule.js';
import { DEFAULT_QUIET_WAIT_SECONDS } from '../bench/quiet-wait.js';
import { DEFAULT_LOOKS } from '../stats/looks.js';
import { DEFAULT_MARGIN } from '../stats/ratio-verdict.js';
import { resolveRunOptions } from '../run/options.js';
import { HISTORY_ENV } from '../results/history.js';
import { runCommand } from '../commands/run.js';
import { DEFAULT_STRATEGIES, IMPLEMENTED_STRATEGIES, STRATEGY_CATALOG, STRATEGY_NAMES } from '../model/strategies.js';
import { STRATEGIES } from '../strategies/registry.js';
import { WORKLOAD_NAMES, workloadSummary, type WorkloadName } from '../workloads/catalog.js';
import { DEFAULT_SIZES } from '../workloads/generated.js';
import { NPM_INSTALL_FIXTURES } from '../workloads/npm-install.js';
import { PROJECT_CONFIG_FILE } from '../workloads/project-config.js';
import { LIMITS } from '../util/limits.js';
import { contextOption } from './options.js';
import { byteSize, commanderParser, duration, lookList, nameList, percentage, positiveInteger, runCount, strategyList, workloadList } from './parsers.js';

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
  long-lived container per strategy, the project reset and flushed to disk untimed before each sample,
  warm-ups recorded but not summarised. Workload scripts time their own phases, without node's start-up.
  The npm cache is primed once per platform, untimed; samples run \`npm ci --offline\` with no network unless
  --online. Cold passes drop the kernel's caches first, or say in the notes why they could not. Samples of all
  cells are interleaved round by round to cancel drift.

How the figures are summarised:
  The median of each cell with a distribution-free confidence interval (order statistics; its exact coverage is
  printed, at least 95%; none with fewer than 6 samples). The ratio to native pairs the rounds: each round's
  ratio strategy/native, a load shared by the round cancelling out; the estimate is their Hodges-Lehmann median,
  the interval the exact Wilcoxon signed-rank one (95.3% at 7 rounds). It assumes the rounds are independent and
  each round's ratio as likely to land a given factor above the true ratio as below it. Rounds that do not pair
  (--order sequential, a failed sample) give the unpaired rank (Mann-Whitney) interval, which assumes the
  strategy's times are native's scaled by a constant.
  Verdict: slower or faster when the interval lies wholly beyond 1 ± --margin, the same when wholly within it,
  else undecided, with the samples a verdict would take at the spread seen.
  --runs auto looks only at --looks (10, 20, 30 samples at 99%, 98.5%, 97.5%, so that whichever look stops, the
  interval holds with at least 95%) and stops at the first where every ratio has its verdict (and is within
  --precision, when given), or at the last look or --max-time.
  A busy machine: before the first round the run watches the host for 2 s, and during every timed step it
  counts the CPU other work took (the host's busy time less the sample's, the sharing layer's or VM's, the
  engine's and its own); where the engine runs in a VM, also the VM's own (its /proc/stat, read in the
  container, less the container's CPU). Above a tenth of the host's or the VM's cores it warns at the start,
  and the report flags the samples taken under that load, saying whose. --quiet-wait waits for the host's load
  to fall before each round (at most so long, then goes on and notes it), so that fewer samples compete with
  it; its waiting counts toward --max-time.

Output: a run directory (run.json, results.md, results.csv, samples.csv, chart.svg, report.html) and a table on stdout;
progress goes to stderr. Every container and volume carries the label mountbench.run=<id> and is removed at
the end, also on failure and Ctrl-C (\`mountbench clean\` removes leftovers of crashed runs).

Exit codes: 0 every cell that could run was measured (a skipped cell says why), 1 some or all cells failed
(their commands ran), 2 nothing could run (no engine, no image), 64 bad usage, 70 a bug in mountbench, 73 an
output could not be created (a full disk: run.json then goes to the temporary directory, named), 129 stopped by
SIGHUP (a closed terminal), 130 interrupted (Ctrl-C), 143 stopped by SIGTERM. When several apply, the first wins:
70 > 73 > a signal (129, 130, 143) > 1 > 0 or 2.

Examples:
  mountbench run                                  the seed benchmark on the current platform
  mountbench run --fixture small --runs 3         a quick check (too few samples for intervals)
  mountbench run --fixture medium --runs auto --max-time 20m
                                                  sample until every ratio to native has its verdict
  mountbench run --runs auto --quiet-wait 5m      on a busy machine: before each round, wait for other work to end
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

/** The flags the strategies bring, each introduced by the strategy it goes with; their values by key. */
const STRATEGY_FLAGS = Object.entries(STRATEGIES).flatMap(([name, strategy]) =>
  Object.entries(strategy.flags ?? {}).map(([key, flag]) => {
    const option = new Option(flag.flags, `with the ${name} strategy: ${flag.description}`).default(flag.default, flag.defaultText);
    if (flag.choices) option.choices(flag.choices);
    if (flag.parse) option.argParser(commanderParser(flag.parse));
    return { key, option };
  }),
);

export function addRunCommand(program: Command): void {
  const run = program
    .command('run')
    .description('benchmark npm install (or another workload, or your own project) under each mount strategy on the chosen Docker platforms')
    .addOption(
      new Option('-s, --strategies <list>', `comma-separated strategies: ${IMPLEMENTED_STRATEGIES.join(', ')}`)
        .argParser(strategyList)
        .default([...DEFAULT_STRATEGIES], DEFAULT_STRATEGIES.join(',')),
    )
    .addOption(
      new Option('-n, --runs <n|auto>', `measured samples per cell (${DEFAULT_RUNS}: a paired interval of 95.3%), or auto: until every ratio to native has its verdict (see --looks)`)
        .argParser(runCount)
        .default(DEFAULT_RUNS as number | 'auto'),
    )
    .option('--margin <percent>', 'ratios within 1 ± this of native are "the same" in the verdict', percentage, DEFAULT_MARGIN)
    .option('--looks <list>', `with --runs auto: the sample counts at which to judge (default ${DEFAULT_LOOKS.join(',')}; the last is the most)`, lookList)
    .option('--precision <percent>', 'with --runs auto: besides its verdict, the half-width each ratio\'s interval must reach, relative to the ratio', percentage, DEFAULT_PRECISION)
    .option('--max-runs <n>', `with --runs auto: at most this many samples per cell, a last look (default ${DEFAULT_MAX_RUNS}, the last of --looks)`, positiveInteger(DEFAULT_RUNS, LIMITS.runs), DEFAULT_MAX_RUNS)
    .option('--max-time <duration>', 'with --runs auto: stop sampling a platform\'s workload after this long (90s, 20m, 1h)', duration)
    .option('--quiet-wait [duration]', `before each round, wait until other work keeps less than a tenth of the cores busy, at most this long (default ${DEFAULT_QUIET_WAIT_SECONDS}s; then it goes on, noted; counted in --max-time)`, duration)
    .option('-w, --warmup <n>', 'warm-up samples per cell (recorded, not summarised)', positiveInteger(0, LIMITS.warmup), 1)
    .addOption(
      new Option('-W, --workload <list>', `comma-separated workloads, or all: ${WORKLOAD_NAMES.join(', ')}`)
        .argParser(workloadList)
        .default(['npm-install'] as WorkloadName[], 'npm-install'),
    )
    .addOption(new Option('--fixture <name>', 'npm-install and build project: cra (create-react-app 5, ~1,500 packages), medium (an Express API and its linter, ~220; npm-install only) or small (a handful, for quick checks)').choices(NPM_INSTALL_FIXTURES).default('cra'))
    .option('--files <n>', 'files in the trees of files, traverse and git', positiveInteger(1, LIMITS.files), DEFAULT_SIZES.files)
    .option('--file-size <size>', 'bytes per file in those trees (512, 4k, ...)', byteSize, DEFAULT_SIZES.fileBytes)
    .option('--bigfile-size <MiB>', 'size of the bigfile workload\'s file in MiB', positiveInteger(1, LIMITS.bigfileMb), DEFAULT_SIZES.bigfileMb)
    .option('--events <n>', 'files written per watch sample', positiveInteger(1, LIMITS.events), DEFAULT_SIZES.events)
    .option('--project <dir>', `benchmark your own project instead: a copy of DIR (DIR itself is never modified), with the flags below or DIR/${PROJECT_CONFIG_FILE}`)
    .option('--command <cmd>', 'with --project: the command to time, run by sh in the copy of the project')
    .option('--deps <list>', 'with --project: comma-separated directories the command fills (not copied; emptied before each sample; hybrid puts a volume on each)', nameList)
    .option('--reset <cmd>', 'with --project: untimed command before each sample (default: empty the --deps directories)')
    .option('--image <ref>', `image with node and npm (default: ${DEFAULT_IMAGE}; ${OFFLINE_IMAGE} when no registry answers)`)
    .option('-o, --output <dir>', 'run directory (default: ./mountbench-results/<run id>)')
    .option('--force', 'with --output: replace the earlier run in that directory')
    .option('-p, --platform <names>', 'comma-separated platform names from `mountbench platforms` (default: the current one)', nameList)
    .option('-a, --all-platforms', 'every platform that answers')
    .addOption(contextOption())
    .option('--online', 'let npm use the registry during samples, as the seed article did (default: offline from a primed cache)')
    .addOption(new Option('--order <order>', 'interleave cells round by round, or run each cell to the end').choices(['interleaved', 'sequential'] as const).default('interleaved' as const))
    .option('--no-history', `do not record the run in the local history (mountbench history; ${HISTORY_ENV} moves it)`)
    .addOption(new Option('--progress <mode>', 'live view on a terminal, plain lines otherwise').choices(['auto', 'tty', 'plain'] as const).default('auto' as const))
    // Hidden, as hyperfine's: the whole CLI on a stand-in platform that runs nothing, for tests without an engine.
    .addOption(new Option('--debug-mode').hideHelp())
    .addHelpText('after', WORKLOAD_HELP + STRATEGY_HELP)
    .action(async (opts, command) => {
      const strategyFlags = Object.fromEntries(STRATEGY_FLAGS.map(({ key }) => [key, command.getOptionValue(key)]));
      const options = resolveRunOptions({ ...opts, strategyFlags }, (flag) => command.getOptionValueSource(flag) === 'cli');
      const outcome = await runCommand(options, ['mountbench', ...process.argv.slice(2)]);
      process.exitCode = outcome.exitCode;
    });
  for (const { option } of STRATEGY_FLAGS) run.addOption(option);
}
