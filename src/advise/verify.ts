// `advise --verify`: the project's own command timed under the current layout (the `bind` strategy of
// `mountbench run --project`) and the advised one (`hybrid`, a volume over each advised directory), with `volume`
// as the yardstick, by the run machinery itself; then the gain of advised over current with its interval. Native
// is measured too, so that the run in the history has its ratios and the next advice can quote this project. The
// command runs the pipeline; this builds its options and reads its outcome.
import { STRATEGY_ROLES } from '../model/strategies.js';
import { DEFAULT_MAX_RUNS, DEFAULT_PRECISION, DEFAULT_RUNS } from '../bench/stop-rule.js';
import { resolveRunOptions, type RunFlags, type RunOptions } from '../run/options.js';
import type { RunOutcome } from '../run/pipeline.js';
import type { Cell } from '../model/run-document.js';
import { changeOf, type Change } from '../stats/change.js';
import type { ImplementedStrategy } from '../model/strategies.js';
import { HEADLINE_WORKLOAD } from '../workloads/catalog.js';
import { DEFAULT_SIZES } from '../workloads/generated.js';

export const VERIFY_STRATEGIES: ImplementedStrategy[] = [STRATEGY_ROLES.reference, STRATEGY_ROLES.sharedMount, STRATEGY_ROLES.hybridFix, STRATEGY_ROLES.allInVolume];

export interface VerifyRequest {
  project: string;
  /** The advised directories at the top of the project (what --deps takes). */
  deps: string[];
  command: string | null;
  runs: number | 'auto' | null;
  platform: string | null;
  online: boolean;
  /** The run directory (default: ./mountbench-results/<run id>). */
  output: string | null;
}

/** The run's options, built the way `mountbench run --project` builds them: mountbench.yaml fills what is not given. */
export function verifyOptions(request: VerifyRequest): RunOptions {
  const flags: RunFlags = {
    strategies: VERIFY_STRATEGIES,
    runs: request.runs ?? DEFAULT_RUNS,
    precision: DEFAULT_PRECISION,
    maxRuns: DEFAULT_MAX_RUNS,
    warmup: 1,
    workload: [HEADLINE_WORKLOAD],
    fixture: 'cra',
    files: DEFAULT_SIZES.files,
    fileSize: DEFAULT_SIZES.fileBytes,
    bigfileSize: DEFAULT_SIZES.bigfileMb,
    events: DEFAULT_SIZES.events,
    project: request.project,
    command: request.command ?? undefined,
    deps: request.deps,
    output: request.output ?? undefined,
    platform: request.platform ? [request.platform] : undefined,
    online: request.online ? true : undefined,
    order: 'interleaved',
    progress: 'auto',
    history: true,
  };
  // The strategies and directories are the advice's; the number of samples is the user's, or mountbench.yaml's.
  const given = new Set<string>(['strategies', 'deps', ...(request.runs !== null ? (['runs'] as const) : [])]);
  return resolveRunOptions(flags, (flag) => given.has(flag));
}

export interface Verification {
  runDir: string;
  exitCode: number;
  /** Advised over current: below 1 is faster. */
  gain: Change | null;
  /** Advised over everything in a volume. */
  toVolume: Change | null;
  cells: Partial<Record<ImplementedStrategy, Cell>>;
}

/** What the run of the verification says: the advised layout against the current one and against a volume. */
export function verificationOf(outcome: RunOutcome, exitCode: number): Verification {
  const cells = Object.fromEntries(
    VERIFY_STRATEGIES.flatMap((s) => outcome.doc.cells.filter((c) => c.strategy === s && c.measure === 'time').slice(0, 1).map((c) => [s, c])),
  ) as Verification['cells'];
  const change = (baseline?: Cell, now?: Cell) => (baseline && now ? changeOf(baseline, now) : null);
  return { runDir: outcome.runDir, exitCode, gain: change(cells[STRATEGY_ROLES.sharedMount], cells[STRATEGY_ROLES.hybridFix]), toVolume: change(cells[STRATEGY_ROLES.allInVolume], cells[STRATEGY_ROLES.hybridFix]), cells };
}
