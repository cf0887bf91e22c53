// Where a cell's commands run: a host process (native) or `docker exec` into the cell's long-lived container.
import type { HarnessResult } from './harness.js';

export interface CommandRunner {
  /** Run a shell command in the project directory through the timing harness. */
  run(command: string): Promise<HarnessResult>;
  /** Text of /proc/self/mountinfo where the command runs (null on a host without /proc). */
  mountinfo(): Promise<string | null>;
  /** Stop whatever is running now (Ctrl-C); later calls fail. */
  abort(): void;
}
