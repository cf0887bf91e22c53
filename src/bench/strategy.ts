// What a strategy brings to a run, through one interface that the engine and the commands use without knowing which
// strategy it is (as testcontainers-node's client is handed its ordered list of strategies): the sandbox its cells
// run in and, where it needs them, flags of its own, the settings they make, and the clean-up of leftovers that no
// engine holds. The facts about a strategy (title, on the host or through the file sharing) are data in
// model/strategies.ts; the list of modules is strategies/registry.ts.
import type { ImplementedStrategy } from '../model/strategies.js';
import type { Workload } from '../workloads/workload.js';
import type { Sandbox, SandboxContext, SandboxPlace } from './sandbox.js';

/** A flag a strategy adds to `mountbench run`; given without its strategy, it is a usage error. */
export interface StrategyFlag {
  /** As commander writes it: '--engine-name <name>'. */
  flags: string;
  description: string;
  choices?: readonly string[];
  /** The typed text as a value; throws an Error saying what it expected. */
  parse?: (text: string) => unknown;
  default: unknown;
  /** How the default reads in --help when its value does not say it (600 seconds as "10m"). */
  defaultText?: string;
}

export interface Strategy {
  /** Place the workload's starting files and return the sandbox that runs its commands. A sandbox that must wait
   * after each timed step gives itself a `settle`; one with more to record than its samples, a `record`. */
  createSandbox(ctx: SandboxContext, workload: Workload, place: SandboxPlace): Promise<Sandbox>;
  /** Its flags, by the key commander gives their values (camelCase of the long flag). */
  readonly flags?: Readonly<Record<string, StrategyFlag>>;
  /** The settings its sandboxes read (`ctx.settings`), from its flags' values (defaults filled in). Recorded in
   * the run document's settings under the strategy's name. */
  settings?(values: Readonly<Record<string, unknown>>): unknown;
  /** End what crashed runs of it left outside the engines (containers and volumes are the engines'), never what a
   * live run uses. Returns a sentence of what it did, or null when there was nothing to do. */
  cleanLeftovers?(scope: LeftoverScope): string | null;
}

/** Whose leftovers `clean` removes: one run's, or (runId null) every run's but the live ones. */
export interface LeftoverScope {
  runId: string | null;
  /** Runs still going on this machine: theirs are left alone. */
  live: ReadonlySet<string>;
}

/** Every built strategy, by name: handed to the engine, never imported by it. */
export type StrategyList = Readonly<Record<ImplementedStrategy, Strategy>>;
