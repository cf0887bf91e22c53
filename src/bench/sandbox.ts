// A cell's sandbox: where the project's files live for one strategy, and the runner that executes commands there.
// Each strategy module (src/strategies) makes its own; the executor only sees this interface.
import type Docker from 'dockerode';
import type { StrategyRecord } from '../model/run-document.js';
import type { CommandRunner } from './runner.js';

export interface Sandbox {
  runner: CommandRunner;
  /** Where the project is, as the runner sees it. */
  projectDir: string;
  /** Where the primed cache is, as the runner sees it. */
  cacheDir: string;
  /** The project as the host sees it (native, bind, hybrid; a copy kept in step with it); null when it lives only on
   * the platform. */
  hostProjectDir: string | null;
  /** Untimed, after the set-up, each reset and each timed step: wait until the project is consistent again (an
   * engine that copies it catching up). Returns the seconds it waited; throws when it never got there. Absent when there is
   * nothing to wait for. */
  settle?(): Promise<number>;
  /** What the sandbox did besides its samples, known in full once it is disposed of: fields for each of its cells
   * and notes for the run. */
  record?(): SandboxRecord;
  /** Put the project back in its starting state and remove everything this sandbox created. */
  dispose(): Promise<void>;
}

/** What a sandbox adds to each of its cells. */
export interface SandboxRecord {
  fields: StrategyRecord;
  notes: string[];
}

/** A strategy cannot run on this platform or host (an engine it needs is not installed): its cells are skipped, not failed. */
export class SandboxUnavailableError extends Error {}

/** What a strategy needs of the platform to build a sandbox there. */
export interface SandboxContext {
  runId: string;
  platformName: string;
  /** The platform's kind (docker-desktop, orbstack, docker-linux…), endpoint (unix:///…, tcp://…) and the
   * architecture of its engine (x86_64, aarch64); `ownKernel`: its containers run on a kernel other than the host's
   * (a VM's), whose CPU counters they see (vm-load.ts). */
  platform: { kind: string; endpoint: string; arch: string; ownKernel: boolean };
  docker: Docker;
  image: string;
  online: boolean;
  /** Named volume holding the primed cache on this platform. */
  cacheVolume: string;
  /** Primed cache on the host (for `native`); null when the host cannot run the workload. */
  hostCacheDir: string | null;
  /** The settings of the strategy being built, as its `settings()` made them from its flags (undefined: it has
   * none, or the caller gave none and its defaults apply). */
  settings: unknown;
  /** The run's interrupt (Ctrl-C): ends a copy into a container at once. */
  signal?: AbortSignal;
}

/** Where one sandbox may put things: its Docker object name, a host directory of its own, and its cell's id. */
export interface SandboxPlace {
  name: string;
  hostDir: string;
  cellId: string;
}
