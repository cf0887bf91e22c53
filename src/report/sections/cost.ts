// What each strategy burned besides its time, per workload and platform: when the run measured it.
import { costTables } from '../cost.js';
import { columns, heading, list, row, table, type SectionSource } from '../section.js';

const COLUMNS = columns(['Test Type', 'text'], ...['Command CPU (s)', 'Container CPU (s)', 'Sharing layer CPU (s)', 'Host CPU (s)', 'Host CPU vs native', 'Peak memory', 'Read', 'Written', 'Energy (J)']
  .map((head): [string, 'numeric'] => [head, 'numeric']));

export const costSection: SectionSource = {
  id: 'cost',
  build: (view) => {
    const tables = costTables(view);
    if (tables.length === 0) return [];
    return [
      {
        id: 'cost',
        title: 'Cost',
        intro:
          'Medians per sample of the timed step: CPU seconds of the command\'s own processes (counted by the timer), of the ' +
          'container (its cgroup), of the processes serving the bind mounts, and of the whole host; peak memory, I/O and ' +
          'energy. — where the platform does not allow a figure; the notes say why.',
        blocks: tables.flatMap((t) => [
          heading(`${t.workload} on ${t.platform.title}`),
          table(COLUMNS, t.rows.map((r) => row([r.strategy, r.commandCpu, r.containerCpu, r.sharingCpu, r.hostCpu, r.hostCpuVsNative, r.peakMemory, r.read, r.written, r.energy]))),
          list(t.notes),
        ]),
      },
    ];
  },
};
