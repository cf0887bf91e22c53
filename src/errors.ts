// Exit codes scripts can trust, and the one error class that carries them. Every error a user can act on extends
// MountbenchError; the single catch in cli.ts prints its message and exits with its code. Nothing else exits.
export const EXIT = {
  ok: 0,
  /** The run finished but some cells failed (also every cell: their commands ran and failed). */
  cellsFailed: 1,
  /** Nothing could run: no reachable engine, no image, an unreadable run file. */
  cannotRun: 2,
  /** Bad flags or arguments. */
  usage: 64,
  /** A bug in mountbench: please report it. */
  internal: 70,
  /** An output file or directory cannot be created (sysexits' EX_CANTCREAT). */
  cannotCreateOutput: 73,
  /** Stopped by a closed terminal or ssh session (SIGHUP): 128 + 1. */
  hangUp: 129,
  /** Ctrl-C (SIGINT): 128 + 2. */
  interrupted: 130,
  /** Stopped by SIGTERM: 128 + 15. */
  terminated: 143,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error the user can fix; its message says what went wrong and what to do. */
export class MountbenchError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad flags, arguments or configuration: exit 64. */
export class UsageError extends MountbenchError {
  constructor(message: string) {
    super(message, EXIT.usage);
  }
}

/** Nothing could run (no engine, no image, an unreadable file): exit 2. */
export class CannotRunError extends MountbenchError {
  constructor(message: string) {
    super(message, EXIT.cannotRun);
  }
}

/** An output file or directory cannot be created or replaced: exit 73. */
export class CannotCreateOutputError extends MountbenchError {
  constructor(message: string) {
    super(message, EXIT.cannotCreateOutput);
  }
}
