// The method in plain words. results.md says what the figures are under its title and how sampling stopped in a
// section of its own; the page says both here.
import { MEDIAN_METHOD, RATIO_METHOD } from '../../stats/order-statistics.js';
import { lacksSamplesForInterval, stoppingLines } from '../format.js';
import { heading, list, type SectionSource } from '../section.js';

export const methodSection: SectionSource = {
  id: 'method',
  build: (view) => {
    const stopping = stoppingLines(view);
    const figures = [
      'Median with a distribution-free confidence interval (its exact coverage in brackets, at least 95%); "vs native" is the ratio of medians with an interval that holds with at least the probability shown.',
      ...(view.cells.some(lacksSamplesForInterval) ? ['An interval needs 6 samples per cell, 7 each for a ratio: — marks where there were fewer.'] : []),
    ];
    return [
      {
        id: 'method',
        title: 'Method',
        blocks: [
          list([MEDIAN_METHOD, RATIO_METHOD], 'markdown'),
          list([...figures, MEDIAN_METHOD, RATIO_METHOD], 'html'),
          ...(stopping.length ? [heading('Sampling', 'html'), list(stopping, 'html')] : []),
        ],
      },
    ];
  },
};
