// The small recording (test/recordings/runs/small-docker-linux.json, two samples a cell) given seven measured
// samples per cell around chosen medians, summarised anew: every ratio then has a paired interval and a verdict.
import { readFileSync } from 'node:fs';
import type { RunDocument } from '../../src/model/run-document.js';
import { parseRunDocument } from '../../src/results/store.js';
import { summariseCells } from '../../src/stats/summarise-cells.js';

export const recording = (name: string) =>
  parseRunDocument(JSON.parse(readFileSync(new URL(`../recordings/runs/${name}`, import.meta.url), 'utf8')), name);

// In step, every strategy's spread follows the same order across the rounds: every round's ratio is the same and
// the paired interval (issue 21) is that ratio. Shuffled, each strategy has its own order, and rounds pair imperfectly
// as a real run's do.
const SPREAD = [0.97, 0.98, 0.99, 1, 1.01, 1.02, 1.03];
const SHUFFLED: Record<string, number> = { native: 0, container: 2, hybrid: 4, bind: 5, volume: 3 };

/** The small recording with seven measured samples per cell, spread ±3% around each strategy's median. */
export function withSamples(medians: Record<string, number>, order: 'in step' | 'shuffled' = 'in step'): RunDocument {
  const doc = recording('small-docker-linux.json');
  const cells = doc.cells.map((c) => ({
    ...c,
    samples: SPREAD.map((_, index) => ({ ...c.samples[0], index, warmup: false, value: medians[c.strategy] * SPREAD[(index + (order === 'shuffled' ? SHUFFLED[c.strategy] : 0)) % SPREAD.length] })),
  }));
  return { ...doc, cells: summariseCells(cells) };
}
