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
        intro: 'Median now over median then, with its interval: faster or slower when the interval excludes 1, otherwise no detectable change.',
        blocks: [
          rows.length
            ? table(COLUMNS, rows.map((r) => row([r.test, r.platform, strategyTitle(r.strategy), r.unit, r.before, r.now, r.change])))
            : paragraph('No cell of the other runs matches one of the baseline (same platform, workload, fixture, measure and strategy).'),
        ],
      },
    ];
  },
};
