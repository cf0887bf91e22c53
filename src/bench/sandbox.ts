// A cell's sandbox: where the project's files live for one strategy, and the runner that executes commands there.
// Each strategy module (src/strategies) makes its own; the executor only sees this interface.
import type Docker from 'dockerode';
import type { CommandRunner } from './runner.js';

export interface Sandbox {
  runner: CommandRunner;
  /** Where the project is, as the runner sees it. */
  projectDir: string;
  /** Where the primed cache is, as the runner sees it. */
  cacheDir: string;
  /** The project as the host sees it (native, bind, hybrid); null when it lives only on the platform. */
  hostProjectDir: string | null;
  /** Untimed, after each timed step: wait until the project is consistent again (a sync engine catching up).
   * Absent when there is nothing to wait for. */
  settle?(): Promise<void>;
  /** Put the project back in its starting state and remove everything this sandbox created. */
  dispose(): Promise<void>;
}

/** What a strategy needs of the platform to build a sandbox there. */
export interface SandboxContext {
  runId: string;
  platformName: string;
  docker: Docker;
  image: string;
  online: boolean;
  /** Named volume holding the primed cache on this platform. */
  cacheVolume: string;
  /** Primed cache on the host (for `native`); null when the host cannot run the workload. */
  hostCacheDir: string | null;
}

/** Where one sandbox may put things: its Docker object name, a host directory of its own, and its cell's id. */
export interface SandboxPlace {
  name: string;
  hostDir: string;
  cellId: string;
}
