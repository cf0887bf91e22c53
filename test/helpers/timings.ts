// Simulated benchmark times for the ratio intervals' coverage simulations (tests and scripts/simulate-verdicts.ts):
// lognormal noise of a given CV, a per-round load factor shared by the round's two samples, one-sided slow outliers.
// Native's median time is 10 s and the strategy's is `ratio` times that, so the true ratio is known exactly.
import type { Random } from './random.js';

/** σ of the log of a lognormal with this coefficient of variation: CV² = exp(σ²) - 1. */
export const sigmaForCv = (cv: number): number => Math.sqrt(Math.log(1 + cv * cv));

/** A standard normal draw (Box–Muller; 1 - random() lies in (0, 1], so the logarithm is finite). */
export function standardNormal(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Slow outliers: with probability `share` a sample takes 1 + Exp(mean `extra`) times as long (a GC, a cold cache). */
export interface Outliers {
  share: number;
  extra: number;
}

export const SLOW_OUTLIERS: Outliers = { share: 0.1, extra: 0.5 };

function noise(random: Random, cv: number, outliers: Outliers | null): number {
  const slow = outliers && random() < outliers.share ? 1 - outliers.extra * Math.log(1 - random()) : 1;
  return Math.exp(sigmaForCv(cv) * standardNormal(random)) * slow;
}

export interface PairedModel {
  ratio: number;
  /** Each sample's own noise, the same law on both sides (so the per-round log ratio is symmetric). */
  cv: number;
  /** The round's load, shared by both samples: it cancels in the ratio. */
  loadCv?: number;
  outliers?: Outliers | null;
}

/** n rounds of [strategy time, native time]. */
export function pairedRounds(random: Random, n: number, model: PairedModel): Array<[number, number]> {
  return Array.from({ length: n }, () => {
    const load = Math.exp(sigmaForCv(model.loadCv ?? 0.3) * standardNormal(random));
    const outliers = model.outliers ?? null;
    return [10 * model.ratio * load * noise(random, model.cv, outliers), 10 * load * noise(random, model.cv, outliers)];
  });
}

export interface UnpairedModel {
  ratio: number;
  strategyCv: number;
  referenceCv: number;
  outliers?: Outliers | null;
}

/** Independent samples: m strategy times and n native times. */
export function unpairedSamples(random: Random, m: number, n: number, model: UnpairedModel): { strategy: number[]; reference: number[] } {
  const outliers = model.outliers ?? null;
  return {
    strategy: Array.from({ length: m }, () => 10 * model.ratio * noise(random, model.strategyCv, outliers)),
    reference: Array.from({ length: n }, () => 10 * noise(random, model.referenceCv, outliers)),
  };
}

/** Three standard errors of a coverage c observed over `trials` replicates. */
export const threeStandardErrors = (c: number, trials: number): number => 3 * Math.sqrt((c * (1 - c)) / trials);
