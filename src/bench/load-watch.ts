// The machine between rounds of one platform: before its first round, a reading of the load that is not the run's
// own, and a warning when other work keeps it busy (the host; and, where the engine runs in a VM of its own, that
// VM, read once from inside it); with --quiet-wait, before every round, a wait for the host's load to fall
// (quiet-wait.ts), at most so long, and never past what --max-time leaves. What the reader of the results should
// know becomes run notes.
import { isBusy, loadText, type LoadReading } from './machine-load.js';
import type { ProgressListener } from './progress.js';
import { waitForQuiet } from './quiet-wait.js';

/** Seconds each reading watches the machine: long enough to see a busy program, short beside a round. */
export const LOAD_READING_SECONDS = 2;

export interface LoadWatchSettings {
  /** --quiet-wait: the most seconds to wait before each round; null: read once at the start, never wait. */
  quietWaitSeconds: number | null;
  /** Where the host's readings come from instead of its counters (readMachineLoad): a test's stand-in. */
  readLoad?: () => Promise<LoadReading>;
}

/** Thrown by the reader once the run is interrupted: no more waiting. */
class Interrupted extends Error {}

/** "other work in it kept 1.5 of its 4 cores busy": a VM's processes cannot be named from a container. */
const vmLoadText = (r: LoadReading) => `other work in it kept ${(r.share * r.cores).toFixed(1)} of its ${r.cores} core${r.cores === 1 ? '' : 's'} busy`;

export class LoadWatch {
  private warned = false;
  private startWarning: string | null = null;
  private vmWarning: string | null = null;
  /** Rounds that started on a busy machine after waiting their most, and the busiest reading among them. */
  private gaveUp = 0;
  private worst: LoadReading | null = null;
  /** Rounds whose wait --max-time cut short or left no time for. */
  private cut = 0;
  private rounds = 0;
  /** How long the last reading took: a wait starts none that would end past its limit. */
  private readingSeconds = 0;

  constructor(
    private readonly platform: string,
    /** One reading of the host (readMachineLoad over LOAD_READING_SECONDS). */
    private readonly readLoad: () => Promise<LoadReading>,
    private readonly listener: ProgressListener,
    private readonly settings: LoadWatchSettings,
    private readonly interrupted: () => boolean,
    /** One reading of the VM the engine runs in, before the first round; absent or null: no VM of its own. */
    private readonly readVmLoad?: () => Promise<LoadReading | null>,
  ) {}

  private read = async (): Promise<LoadReading> => {
    if (this.interrupted()) throw new Interrupted();
    const started = performance.now();
    const reading = await this.readLoad();
    this.readingSeconds = (performance.now() - started) / 1000;
    return reading;
  };

  /** Before a round: the start warnings (once per platform), and with --quiet-wait the wait, which takes at most
   * `budgetSeconds` (what --max-time leaves it; null: no such limit). */
  async beforeRound(budgetSeconds: number | null = null): Promise<void> {
    this.rounds++;
    // Read while the host is: the VM's probe is a container of its own, and the reading costs no extra time.
    const vm = this.rounds === 1 && this.readVmLoad ? this.readVmLoad().catch(() => null) : null;
    try {
      await this.hostBeforeRound(budgetSeconds);
    } finally {
      if (vm) this.vmReading(await vm);
    }
  }

  private async hostBeforeRound(budgetSeconds: number | null): Promise<void> {
    try {
      const wait = this.settings.quietWaitSeconds;
      if (wait === null) {
        if (!this.warned) this.firstReading(await this.read(), false);
        return;
      }
      const limit = budgetSeconds === null ? wait : Math.min(wait, budgetSeconds);
      // No time to wait: not even one reading, once the start has been read.
      if (this.warned && limit < this.readingSeconds) {
        this.cut++;
        return;
      }
      let shownAt = -Infinity;
      const outcome = await waitForQuiet(this.read, limit, (reading, waited) => {
        this.firstReading(reading, true);
        // A line every 10 s or so: plain progress must not scroll a line per reading.
        if (waited - shownAt < 10) return;
        shownAt = waited;
        this.listener.phase(this.platform, `waiting for the machine to quiet down (${Math.round(waited)}s of at most ${Math.round(limit)}s, --quiet-wait): ${loadText(reading)}`);
      });
      this.firstReading(outcome.last, true);
      if (!outcome.quiet) {
        this.gaveUp++;
        if (limit < wait) this.cut++;
        if (!this.worst || outcome.last.share > this.worst.share) this.worst = outcome.last;
        const waited = limit < wait ? `${Math.round(outcome.waitedSeconds)}s, all that --max-time left` : `${wait}s`;
        this.listener.phase(this.platform, `still busy after waiting ${waited}: going on (${loadText(outcome.last)})`);
      }
    } catch (error) {
      if (!(error instanceof Interrupted)) throw error;
    }
  }

  /** The platform's first reading (later ones are ignored): a warning in the progress and the notes when busy. */
  private firstReading(reading: LoadReading, waiting: boolean): void {
    if (this.warned) return;
    this.warned = true;
    if (!isBusy(reading.share)) return;
    const advice = waiting
      ? 'waiting for it to fall before each round (--quiet-wait)'
      : 'samples taken now compete with it for the CPU and are flagged in the report; close those programs, or run with --quiet-wait to wait for them before each round';
    this.startWarning = `the machine is busy at the start: ${loadText(reading)}; ${advice}`;
    this.listener.phase(this.platform, `warning: ${this.startWarning}`);
  }

  /** The VM's reading at the start: a warning when other work in it keeps it busy. --quiet-wait watches the host only. */
  private vmReading(reading: LoadReading | null): void {
    if (!reading || !isBusy(reading.share) || this.interrupted()) return;
    this.vmWarning =
      `the VM the engine runs in is busy at the start: ${vmLoadText(reading)}; samples taken now compete with it for the CPU ` +
      'and are flagged in the report; stop what else runs in it (other containers of this platform)';
    this.listener.phase(this.platform, `warning: ${this.vmWarning}`);
  }

  /** What the reader should know, as run notes: the start warnings, rounds that began on a busy machine or waited
   * less for --max-time. */
  notes(): string[] {
    const notes = [this.startWarning, this.vmWarning].flatMap((w) => (w ? [`${this.platform}: ${w}`] : []));
    const of = `of ${this.rounds} round${this.rounds === 1 ? '' : 's'}`;
    if (this.gaveUp > 0 && this.worst) {
      notes.push(`${this.platform}: ${this.gaveUp} ${of} began on a busy machine after waiting the --quiet-wait ${this.settings.quietWaitSeconds}s (at worst ${loadText(this.worst)})`);
    }
    if (this.cut > 0) notes.push(`${this.platform}: ${this.cut} ${of} waited less than the --quiet-wait ${this.settings.quietWaitSeconds}s, or not at all, so that sampling ended by --max-time`);
    return notes;
  }
}
