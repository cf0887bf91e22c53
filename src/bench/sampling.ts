// Taking a workload's samples: round by round across its sandboxes (every sandbox one more sample per round, so
// drift on the machine spreads evenly over the strategies) until the sampling rule says stop, or each sandbox to
// its end (sequential, fixed counts only). A sandbox whose cells failed takes no more samples; the others go on.
import type { Stopping } from '../model/run-document.js';
import type { ImplementedStrategy } from '../model/strategies.js';
import type { ColdPass } from './cache-drop.js';
import type { CostMeter } from './cost.js';
import type { ProgressListener } from './progress.js';
import type { SampleOrder } from './plan.js';
import { takeSample, type LiveSandbox } from './sample.js';
import { lookLines, maxRuns, stopAfterRound, waitBudget, type Sampling } from './stop-rule.js';

export interface SamplingContext {
  sampling: Sampling;
  warmup: number;
  order: SampleOrder;
  dropCaches(strategy: ImplementedStrategy): Promise<ColdPass>;
  meter: CostMeter | null;
  listener: ProgressListener;
  interrupted(): boolean;
  /** Untimed, before each round (each sample, in sequential order): the machine's load read, or waited for at most
   * `budgetSeconds` (what --max-time leaves the wait: waiting counts toward it; null: no limit). */
  beforeRound?(budgetSeconds: number | null): Promise<void>;
}

/** Sample the sandboxes; returns the rule that ended it and how many measured samples each cell took. */
export async function sampleSandboxes(live: LiveSandbox[], ctx: SamplingContext): Promise<Omit<Stopping, 'platform' | 'workload'>> {
  const { sampling, warmup } = ctx;
  const perCell = warmup + maxRuns(sampling);
  const cells = live.flatMap((l) => l.cells);
  const take = (l: LiveSandbox, index: number) =>
    takeSample(l, index, {
      warmup,
      samplesPerCell: perCell,
      dropCaches: () => ctx.dropCaches(l.strategy),
      meter: ctx.meter,
      listener: ctx.listener,
      interrupted: ctx.interrupted,
    });
  const stillSampling = (l: LiveSandbox) => l.cells.every((c) => c.status === 'ok');
  const interrupted = (samples: number) => ({ rule: 'interrupted' as const, samples, worstHalfWidth: null });

  if (ctx.order === 'sequential') {
    for (const l of live) {
      for (let index = 0; index < perCell && stillSampling(l); index++) {
        await ctx.beforeRound?.(null);
        if (ctx.interrupted()) return interrupted(0);
        await take(l, index);
      }
    }
    return { ...(stopAfterRound(sampling, maxRuns(sampling), cells, 0) ?? { rule: 'runs', worstHalfWidth: null }), samples: maxRuns(sampling) };
  }
  const started = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
  let longestRound: number | null = null;
  for (let round = 0; ; round++) {
    const measured = round + 1 - warmup;
    // The rounds the stop rule cannot skip: the warm-ups and one measured round, or just this one.
    const owed = Math.max(1, warmup + 1 - round);
    if (live.some(stillSampling)) await ctx.beforeRound?.(waitBudget(sampling, elapsed(), owed, longestRound));
    const roundStarted = elapsed();
    for (const l of live.filter(stillSampling)) {
      if (ctx.interrupted()) return interrupted(Math.max(0, measured - 1));
      await take(l, round);
    }
    longestRound = Math.max(longestRound ?? 0, elapsed() - roundStarted);
    if (!live.some(stillSampling)) return { rule: 'no-samples', samples: Math.max(0, measured), worstHalfWidth: null };
    if (measured < 1) continue;
    // At a planned look, what each undecided cell would still take: the run shows it as it goes.
    for (const line of lookLines(sampling, measured, cells)) ctx.listener.phase(cells[0].platform, line);
    const stop = stopAfterRound(sampling, measured, cells, elapsed());
    if (stop) return { ...stop, samples: measured };
  }
}
