// Samples taken while other work kept the host, or the VM the engine runs in, busy: they competed with it for the
// CPU, so their times may be longer than the platform's own. Absent when no sample was (or the run did not measure it).
import { BUSY_SHARE } from '../../bench/machine-load.js';
import { busySampleLines } from '../load.js';
import { list, type SectionSource } from '../section.js';

export const loadSection: SectionSource = {
  id: 'load',
  build: (view) => {
    const lines = busySampleLines(view);
    if (lines.length === 0) return [];
    return [
      {
        id: 'load',
        title: 'Machine load',
        intro: [
          `Other work (the host's busy CPU less the sample's, the sharing layer's or VM's, the engine's and mountbench's; ` +
            "on a VM platform also the VM's own busy CPU, read inside it, less the sample's container) " +
            `kept more than ${BUSY_SHARE * 100}% of the host's or the VM's cores busy while these samples were timed: they competed with it for the CPU. ` +
            'Their figures are kept: a paired ratio cancels load that its whole round shared, not load that came and went within it. ' +
            'Close what was running (in the VM: other containers), or run again with ',
          { code: '--quiet-wait' },
          '.',
        ],
        blocks: [list(lines)],
      },
    ];
  },
};
