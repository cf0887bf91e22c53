// The method in plain words, for the methods the runs in view used: the median's interval always; the paired, the
// unpaired or (runs recorded before them) the corner-product ratio interval; verdicts against the margin where the
// runs decided them. results.md says what the figures are under its title and how sampling stopped in a section of
// its own; the page says both here.
import type { ViewCell } from '../../results/view.js';
import { CORNER_RATIO_METHOD, MEDIAN_METHOD } from '../../stats/order-statistics.js';
import { UNPAIRED_RATIO_METHOD } from '../../stats/rank-sum.js';
import { verdictMethod } from '../../stats/ratio-verdict.js';
import { PAIRED_RATIO_METHOD } from '../../stats/signed-rank.js';
import { REFERENCE_STRATEGY } from '../../model/strategies.js';
import { lacksSamplesForInterval, stoppingLines } from '../format.js';
import { heading, list, type SectionSource } from '../section.js';

/** The ratio methods the cells used, each said once, in the order a reader meets them. */
function ratioMethods(cells: readonly ViewCell[]): string[] {
  const ratios = cells.filter((c) => c.strategy !== REFERENCE_STRATEGY && c.ratioToNative).map((c) => c.ratioToNative!);
  const used = (method: string | undefined) => ratios.some((r) => r.method === method);
  return [
    ...(used('paired-signed-rank') ? [PAIRED_RATIO_METHOD] : []),
    ...(used('unpaired-rank-sum') ? [UNPAIRED_RATIO_METHOD] : []),
    ...(used(undefined) ? [CORNER_RATIO_METHOD] : []),
  ];
}

/** The margins the verdicts used (one per run, usually one in all). */
function verdictMethods(cells: readonly ViewCell[]): string[] {
  const margins = new Set(cells.flatMap((c) => (c.ratioToNative?.verdict ? [c.ratioToNative.verdict.margin] : [])));
  return [...margins].map(verdictMethod);
}

export const methodSection: SectionSource = {
  id: 'method',
  build: (view) => {
    const stopping = stoppingLines(view);
    const methods = [MEDIAN_METHOD, ...ratioMethods(view.cells), ...verdictMethods(view.cells)];
    const figures = [
      'Median with a distribution-free confidence interval (its exact coverage in brackets, at least 95%); "vs native" is the ratio to native with its interval, the probability it holds with in brackets.',
      ...(view.cells.some(lacksSamplesForInterval) ? ['An interval needs 6 samples per cell, 7 each for a ratio: — marks where there were fewer.'] : []),
    ];
    return [
      {
        id: 'method',
        title: 'Method',
        blocks: [
          list(methods, 'markdown'),
          list([...figures, ...methods], 'html'),
          ...(stopping.length ? [heading('Sampling', 'html'), list(stopping, 'html')] : []),
        ],
      },
    ];
  },
};
