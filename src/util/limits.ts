// The largest values of the run's counts, sizes and durations that can make sense. Past them a flag is a typo or a
// test of the tool (`--runs 1e20`, `--bigfile-size 10000000`), and is refused with a sentence before anything runs
// instead of running for ever, filling the disk, or overflowing a timer (Node fires a timer of more than 2^31-1 ms,
// about 24.8 days, at once: a wait of that long became a busy loop).
export const LIMITS = {
  /** Samples per cell, fixed or the most of --runs auto: a day of one-second samples per cell is 86,400. */
  runs: 10_000,
  warmup: 100,
  /** Files in a generated tree: a large node_modules has a few hundred thousand. */
  files: 1_000_000,
  /** Bytes of one file of a generated tree. */
  fileBytes: 1024 ** 3,
  /** MiB of the bigfile workload's file: 64 GiB. */
  bigfileMb: 65_536,
  /** Files written per watch sample. */
  events: 100_000,
  /** Any duration (--max-time, --settle-timeout): a day, far below the timers' limit. */
  durationSeconds: 24 * 3600,
} as const;
