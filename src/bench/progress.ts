// What the execute step tells whoever shows its progress (the terminal's live view, or nothing): the run pipeline
// itself prints nothing.
import type { Cell, Sample } from '../model/run-document.js';

export interface ProgressListener {
  platformStarted(platform: string): void;
  phase(platform: string, message: string): void;
  sampleStarted(cell: Cell, sampleIndex: number, samplesPerCell: number): void;
  sampleFinished(cell: Cell, sample: Sample): void;
  platformFinished(platform: string, error: string | null): void;
}

/** How much the execute step will do, for counts and ETAs. */
export interface ProgressPlan {
  platforms: string[];
  workloads: number;
  /** Under --runs auto samplesPerCell is the most a cell may take: counts and ETAs are upper bounds. */
  auto: boolean;
  /** Sandboxes (workload × strategy) per platform; each takes samplesPerCell samples. */
  cellsPerPlatform: number;
  samplesPerCell: number;
  warmup: number;
}
