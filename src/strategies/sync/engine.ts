// What the sync strategy asks of a sync engine (unison, Mutagen, Docker Desktop's synchronized file shares): start
// it on a host directory and a volume, wait for it to catch up, stop it. Which one runs is chosen in choose.ts.

export const SYNC_ENGINES = ['unison', 'mutagen', 'docker-desktop'] as const;
export type SyncEngineName = (typeof SYNC_ENGINES)[number];
export type SyncEngineChoice = SyncEngineName | 'auto';

/** What the run was asked for (--sync-engine, --sync-ignore, --settle-timeout). */
export interface SyncSettings {
  engine: SyncEngineChoice;
  /** Names left out of the sync wherever they are (e.g. node_modules: only the container needs it). */
  ignore: string[];
  /** How long a settle may wait for both sides to agree before its sample fails. */
  settleTimeoutSeconds: number;
}

export const DEFAULT_SETTLE_TIMEOUT_SECONDS = 600;
export const DEFAULT_SYNC_SETTINGS: SyncSettings = { engine: 'auto', ignore: [], settleTimeoutSeconds: DEFAULT_SETTLE_TIMEOUT_SECONDS };

/** What an engine promises to carry across: comparisons and checks ask no more of it. */
export interface SyncPromises {
  /** Modification times of files, carried with their content (checked once per sandbox, not at each settle). */
  mtime: boolean;
  /** Permission bits: all of them, only whether a file is executable (Mutagen's portable mode), or none. */
  mode: 'full' | 'executable' | 'none';
  symlinks: boolean;
  /** The names of its own temporary files, as a regular expression: it never carries them, and a transfer it broke
   * off leaves one behind, so they are never compared. */
  temporary?: string;
}

/** A running engine, from its initial sync to its end. */
export interface SyncSession {
  /** The engine and its version: "unison 2.52.1". */
  readonly title: string;
  /** How it finds and carries changes, in a few words for the report. */
  readonly how: string;
  readonly promises: SyncPromises;
  /** Seconds its initial sync took (untimed for the samples). */
  readonly initialSyncSeconds: number;
  /** What went wrong and was recovered from (an engine that stopped and was started again). */
  readonly incidents: readonly string[];
  /** Return after a full cycle of the engine that began after this call (or at once when it cannot tell).
   * `thorough`: a cycle that compares contents too, for an engine whose fast check of sizes and times can miss a
   * change (a settle asks for it when the trees stay apart); engines without such a check ignore it. */
  flush(timeoutMs: number, thorough?: boolean): Promise<void>;
  /** CPU seconds of its own processes on the host so far, or null where they cannot be read. */
  cpuSeconds(): number | null;
  /** Stop it now, synchronously where it can (Ctrl-C), and for good. */
  kill(): void;
  stop(): Promise<void>;
}
