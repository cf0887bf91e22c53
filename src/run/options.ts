// What `mountbench run` was asked to do, from its flags and the project's mountbench.yaml: a flag given on the
// command line wins over the file, which wins over the defaults. Bad combinations are usage errors, found before
// anything talks to Docker.
import { UsageError } from '../errors.js';
import type { SampleOrder } from '../bench/plan.js';
import type { Sampling } from '../bench/stop-rule.js';
import { DEFAULT_QUIET_WAIT_SECONDS } from '../bench/quiet-wait.js';
import { DEFAULT_LOOKS, planLooks } from '../stats/looks.js';
import { DEFAULT_MARGIN } from '../stats/ratio-verdict.js';
import type { ImplementedStrategy } from '../model/strategies.js';
import { STRATEGIES } from '../strategies/registry.js';
import type { WorkloadName } from '../workloads/catalog.js';
import type { SizeOptions } from '../workloads/generated.js';
import type { ProjectOptions } from '../workloads/project.js';
import { PROJECT_CONFIG_FILE, readProjectConfig } from '../workloads/project-config.js';

export interface RunOptions {
  strategies: ImplementedStrategy[];
  sampling: Sampling;
  /** Ratios within 1 ± margin of native are the same (the verdict). */
  margin: number;
  warmup: number;
  image: string | null;
  workloads: WorkloadName[];
  /** Fixture of npm-install and build. */
  fixture: string;
  sizes: Omit<SizeOptions, 'workDir'>;
  /** The user's own project instead of the built-in workloads. */
  project: ProjectOptions | null;
  output: string | null;
  /** --output may name an earlier run's directory, whose files are replaced. */
  force: boolean;
  platform: string[] | null;
  allPlatforms: boolean;
  context: string | null;
  online: boolean;
  order: SampleOrder;
  progress: 'auto' | 'tty' | 'plain';
  /** Record the run in the local history. */
  history: boolean;
  /** The hidden --debug-mode: one stand-in platform that runs nothing (run/debug-mode.ts). */
  debugMode?: boolean;
  /** --quiet-wait: before each round, wait at most so many seconds for other work to fall; null or absent: never. */
  quietWait?: number | null;
  /** The settings of the chosen strategies that have flags of their own, from those flags. */
  strategySettings: Partial<Record<ImplementedStrategy, unknown>>;
}

/** The run command's flags as commander parsed them (defaults filled in). */
export interface RunFlags {
  strategies: readonly ImplementedStrategy[];
  runs: number | 'auto';
  /** Used only when given on the command line: without it, a verdict is enough. */
  precision: number;
  maxRuns: number;
  /** Absent in callers that build the flags themselves (advise --verify): the default margin and looks. */
  margin?: number;
  looks?: number[];
  maxTime?: number;
  warmup: number;
  workload: WorkloadName[];
  fixture: string;
  files: number;
  fileSize: number;
  bigfileSize: number;
  events: number;
  project?: string;
  command?: string;
  deps?: string[];
  reset?: string;
  image?: string;
  output?: string;
  force?: true;
  platform?: string[];
  allPlatforms?: true;
  context?: string;
  online?: true;
  order: SampleOrder;
  progress: 'auto' | 'tty' | 'plain';
  history: boolean;
  debugMode?: true;
  /** --quiet-wait given alone (true: the default wait) or with its seconds. */
  quietWait?: number | true;
  /** The values of the strategies' own flags, by key; absent where a caller builds the flags itself (advise
   * --verify): their defaults. */
  strategyFlags?: Readonly<Record<string, unknown>>;
}

/** --max-runs from maxRuns. */
function flagName(key: string): string {
  return `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** `givenOnCommandLine(flag)`: whether the user typed the flag (commander's option value source is 'cli'). */
/** Each chosen strategy's settings from its own flags; a flag of a strategy that was not chosen is a usage error. */
function strategySettingsOf(strategies: readonly ImplementedStrategy[], values: Readonly<Record<string, unknown>>, givenOnCommandLine: (flag: string) => boolean) {
  const settings: Partial<Record<ImplementedStrategy, unknown>> = {};
  for (const [name, strategy] of Object.entries(STRATEGIES) as Array<[ImplementedStrategy, (typeof STRATEGIES)[ImplementedStrategy]]>) {
    const keys = Object.keys(strategy.flags ?? {});
    if (!strategies.includes(name)) {
      const given = keys.filter(givenOnCommandLine);
      if (given.length > 0) throw new UsageError(`${given.map(flagName).join(', ')} go${given.length > 1 ? '' : 'es'} with the ${name} strategy (--strategies …,${name})`);
    } else if (strategy.settings) {
      settings[name] = strategy.settings(Object.fromEntries(keys.map((key) => [key, values[key]])));
    }
  }
  return settings;
}

/** The planned looks: --looks, or the default ones up to --max-runs with --max-runs the last. */
function lookPlanOf(flags: RunFlags, givenOnCommandLine: (flag: string) => boolean) {
  let looks = flags.looks ?? [...DEFAULT_LOOKS];
  if (givenOnCommandLine('maxRuns')) {
    if (flags.looks && flags.looks[flags.looks.length - 1] !== flags.maxRuns) {
      throw new UsageError(`--max-runs ${flags.maxRuns} is not the last of --looks ${flags.looks.join(',')}: give one of them, or make them agree`);
    }
    looks = [...looks.filter((n) => n < flags.maxRuns), flags.maxRuns];
  }
  const plan = planLooks(looks);
  if ('reason' in plan) throw new UsageError(`--looks ${looks.join(',')}: ${plan.reason}`);
  return plan;
}

export function resolveRunOptions(flags: RunFlags, givenOnCommandLine: (flag: string) => boolean): RunOptions {
  if (!flags.project && (flags.command || flags.deps || flags.reset)) throw new UsageError('--command, --deps and --reset go with --project DIR');
  if (flags.project && givenOnCommandLine('workload')) throw new UsageError('--workload and --project do not go together: --project times your own command');
  const config = flags.project ? readProjectConfig(flags.project) : null;
  const command = flags.command ?? config?.command;
  if (flags.project && !command) {
    throw new UsageError(`--project needs --command "what to time" (e.g. --command "npm ci"), or a ${PROJECT_CONFIG_FILE} in ${flags.project}`);
  }
  const pick = <K extends 'strategies' | 'runs' | 'warmup'>(flag: K, fromFile: RunFlags[K] | undefined): RunFlags[K] =>
    fromFile !== undefined && !givenOnCommandLine(flag) ? fromFile : flags[flag];
  const runs = pick('runs', config?.runs);
  const autoOnly = (['precision', 'maxRuns', 'maxTime', 'looks'] as const).filter(givenOnCommandLine);
  if (runs !== 'auto' && autoOnly.length > 0) {
    throw new UsageError(`${autoOnly.map(flagName).join(', ')} go${autoOnly.length > 1 ? '' : 'es'} with --runs auto`);
  }
  if (runs === 'auto' && flags.order === 'sequential') throw new UsageError('--runs auto samples round by round; it needs --order interleaved');
  const strategies = [...pick('strategies', config?.strategies)];
  const strategySettings = strategySettingsOf(strategies, flags.strategyFlags ?? {}, givenOnCommandLine);
  const margin = flags.margin ?? DEFAULT_MARGIN;
  const sampling: Sampling =
    runs === 'auto'
      ? { kind: 'auto', looks: lookPlanOf(flags, givenOnCommandLine), margin, precision: givenOnCommandLine('precision') ? flags.precision : null, maxSeconds: flags.maxTime ?? null }
      : { kind: 'fixed', runs };
  return {
    strategies,
    sampling,
    margin,
    warmup: pick('warmup', config?.warmup),
    image: flags.image ?? config?.image ?? null,
    workloads: flags.workload,
    fixture: flags.fixture,
    sizes: { files: flags.files, fileBytes: flags.fileSize, bigfileMb: flags.bigfileSize, events: flags.events },
    project:
      flags.project && command
        ? { dir: flags.project, command, deps: flags.deps ?? config?.deps ?? [], reset: flags.reset ?? config?.reset ?? null }
        : null,
    output: flags.output ?? null,
    force: flags.force ?? false,
    platform: flags.platform ?? null,
    allPlatforms: flags.allPlatforms ?? false,
    context: flags.context ?? null,
    online: flags.online ?? false,
    order: flags.order,
    progress: flags.progress,
    history: flags.history,
    strategySettings,
    debugMode: flags.debugMode ?? false,
    quietWait: flags.quietWait === true ? DEFAULT_QUIET_WAIT_SECONDS : (flags.quietWait ?? null),
  };
}
