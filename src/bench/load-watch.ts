// The machine between rounds of one platform: before its first round, a reading of the load that is not the run's
// own, and a warning when other work keeps it busy; with --quiet-wait, before every round, a wait for that load to
// fall (quiet-wait.ts), at most so long. What the reader of the results should know becomes run notes.
import { isBusy, loadText, type LoadReading } from './machine-load.js';
import type { ProgressListener } from './progress.js';
import { waitForQuiet } from './quiet-wait.js';

/** Seconds each reading watches the machine: long enough to see a busy program, short beside a round. */
export const LOAD_READING_SECONDS = 2;

export interface LoadWatchSettings {
  /** --quiet-wait: the most seconds to wait before each round; null: read once at the start, never wait. */
  quietWaitSeconds: number | null;
}

/** Thrown by the reader once the run is interrupted: no more waiting. */
class Interrupted extends Error {}

export class LoadWatch {
  private warned = false;
  private startWarning: string | null = null;
  /** Rounds that started on a busy machine after waiting their most, and the busiest reading among them. */
  private gaveUp = 0;
  private worst: LoadReading | null = null;
  private rounds = 0;

  constructor(
    private readonly platform: string,
    /** One reading of the machine (readMachineLoad over LOAD_READING_SECONDS). */
    private readonly readLoad: () => Promise<LoadReading>,
    private readonly listener: ProgressListener,
    private readonly settings: LoadWatchSettings,
    private readonly interrupted: () => boolean,
  ) {}

  private read = async (): Promise<LoadReading> => {
    if (this.interrupted()) throw new Interrupted();
    return this.readLoad();
  };

  /** Before a round: the start warning (once per platform), and with --quiet-wait the wait. */
  async beforeRound(): Promise<void> {
    this.rounds++;
    try {
      const wait = this.settings.quietWaitSeconds;
      if (wait === null) {
        if (!this.warned) this.firstReading(await this.read(), false);
        return;
      }
      let shownAt = -Infinity;
      const outcome = await waitForQuiet(this.read, wait, (reading, waited) => {
        this.firstReading(reading, true);
        // A line every 10 s or so: plain progress must not scroll a line per reading.
        if (waited - shownAt < 10) return;
        shownAt = waited;
        this.listener.phase(this.platform, `waiting for the machine to quiet down (${Math.round(waited)}s of at most ${wait}s, --quiet-wait): ${loadText(reading)}`);
      });
      this.firstReading(outcome.last, true);
      if (!outcome.quiet) {
        this.gaveUp++;
        if (!this.worst || outcome.last.share > this.worst.share) this.worst = outcome.last;
        this.listener.phase(this.platform, `still busy after waiting ${wait}s: going on (${loadText(outcome.last)})`);
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

  /** What the reader should know, as run notes: the start warning, rounds that began on a busy machine. */
  notes(): string[] {
    const notes = this.startWarning ? [`${this.platform}: ${this.startWarning}`] : [];
    if (this.gaveUp > 0 && this.worst) {
      notes.push(
        `${this.platform}: ${this.gaveUp} of ${this.rounds} round${this.rounds === 1 ? '' : 's'} began on a busy machine after waiting the --quiet-wait ${this.settings.quietWaitSeconds}s (at worst ${loadText(this.worst)})`,
      );
    }
    return notes;
  }
}
