// Exit codes scripts can trust, mapped in one place (cli.ts).
export const EXIT = {
  ok: 0,
  /** The run finished but some cells failed. */
  cellsFailed: 1,
  /** Nothing could run: no reachable engine, no image, an unreadable run file. */
  cannotRun: 2,
  /** Bad flags or arguments. */
  usage: 64,
  /** A bug in mountbench: please report it. */
  internal: 70,
  /** Ctrl-C. */
  interrupted: 130,
} as const;

/** An error the user can fix; its message says what went wrong and what to do. */
export class CannotRunError extends Error {
  readonly exitCode = EXIT.cannotRun;
}

export class UsageError extends Error {
  readonly exitCode = EXIT.usage;
}
