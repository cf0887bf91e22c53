// Where a cell's commands run: a host process (native) or `docker exec` into the cell's long-lived container.
import type { HarnessResult } from './harness.js';

export interface StreamedResult {
  exitCode: number;
  /** The last part of stdout and stderr. */
  outputTail: string;
  /** The figures the command printed on its stdout ({} when none). */
  values: Record<string, unknown>;
}

export interface CommandRunner {
  /** Run a shell command in the project directory through the timing harness. */
  run(command: string): Promise<HarnessResult>;
  /** Run a shell command in the project directory without the harness, handing each stdout line over as it comes. */
  stream(command: string, onLine: (line: string) => void): Promise<StreamedResult>;
  /** Text of /proc/self/mountinfo where the command runs (null on a host without /proc). */
  mountinfo(): Promise<string | null>;
  /** Stop whatever is running now (Ctrl-C); later calls fail. */
  abort(): void;
}

/** Splits a byte stream into lines as they arrive. */
export function lineSplitter(onLine: (line: string) => void): { push(chunk: Buffer | string): void; end(): void } {
  let pending = '';
  return {
    push(chunk) {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) onLine(line);
    },
    end() {
      if (pending) onLine(pending);
      pending = '';
    },
  };
}
