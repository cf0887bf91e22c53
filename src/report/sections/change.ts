// Per cell, the change since the baseline run of the same platform: only when the view has a baseline.
import { changeRows } from '../comparison.js';
import { strategyTitle } from '../format.js';
import { columns, paragraph, row, table, type SectionSource } from '../section.js';

const COLUMNS = columns(['Test', 'text'], ['Platform', 'wrapped'], ['Test Type', 'text'], ['Unit', 'text'], ['Baseline median', 'numeric'], ['Median now', 'numeric'], ['Change', 'text']);

export const changeSection: SectionSource = {
  id: 'change',
  build: (view) => {
    if (!view.baseline) return [];
    const rows = changeRows(view);
    return [
      {
        id: 'change',
        title: `Change since the baseline (run ${view.baseline.id}, ${view.baseline.startedAt.slice(0, 10)})`,
        nav: 'Change',
        intro: 'Now over then for each cell: the two runs are not paired, so the ratio is the unpaired Hodges–Lehmann estimate with its exact Mann–Whitney interval on log times (assumption: the new times are the old ones scaled by a constant). Faster or slower when the interval lies wholly beyond 1 ± the margin, the same when wholly within it, otherwise undecided.',
        blocks: [
          rows.length
            ? table(COLUMNS, rows.map((r) => row([r.test, r.platform, strategyTitle(r.strategy), r.unit, r.before, r.now, r.change])))
            : paragraph('No cell of the other runs matches one of the baseline (same platform, workload, fixture, measure and strategy).'),
        ],
      },
    ];
  },
};
