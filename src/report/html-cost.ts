// What strategies cost besides their time, on report.html: the run's cost tables (CPU, memory, I/O, energy), and
// what the sync strategy saved and cost (its settles, initial sync, engine CPU, correctness check).
import type { ResultsView } from '../results/view.js';
import { costTables } from './cost.js';
import { escapeHtml as esc } from './html-charts.js';
import { list, table, tr, type Column } from './html-table.js';
import { syncRows, syncSandboxLines } from './sync.js';

/** What each strategy burned besides its time: the run's cost tables, when it measured them. */
export function costSection(view: ResultsView): string {
  const tables = costTables(view);
  if (tables.length === 0) return '';
  const head = ['Test Type', 'Command CPU (s)', 'Container CPU (s)', 'Sharing layer CPU (s)', 'Host CPU (s)', 'Host CPU vs native', 'Peak memory', 'Read', 'Written', 'Energy (J)'];
  const columns: Column[] = ['', 'num', 'num', 'num', 'num', 'num', 'num', 'num', 'num', 'num'];
  return [
    '<section id="cost">\n<h2>Cost</h2>',
    `<p>${esc('Medians per sample of the timed step: CPU seconds of the command, of the container (its cgroup), of the processes serving the bind mounts and of the whole host; peak memory, I/O and energy. — where the platform does not allow a figure; the notes below each table say why.')}</p>`,
    ...tables.map((t) =>
      [
        `<h3>${esc(`${t.workload} on ${t.platform.title}`)}</h3>`,
        table(head, columns, t.rows.map((r) => tr([r.strategy, r.commandCpu, r.containerCpu, r.sharingCpu, r.hostCpu, r.hostCpuVsNative, r.peakMemory, r.read, r.written, r.energy].map(esc), columns))),
        list(t.notes.map(esc)),
      ].join('\n'),
    ),
    '</section>',
  ].join('\n');
}

/** The Markdown of a sandbox line as HTML: escaped, its **bold** kept. */
const fromMarkdown = (line: string) => esc(line).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>');

/** Each sync cell against native, the volume and the bind mount, its settles, and per sandbox what the engine did. */
export function syncSection(view: ResultsView): string {
  const rows = syncRows(view);
  if (rows.length === 0) return '';
  const columns: Column[] = ['', '', 'num', 'num', 'num', 'num', 'num', 'num'];
  return [
    '<section id="sync">\n<h2>Sync</h2>',
    `<p>${esc('Each sync cell next to native, the volume and the bind mount of its platform (ratios of medians, with their interval where the samples allow one), and the untimed wait after its step until the host copy and the volume agreed again (settle).')}</p>`,
    table(
      ['Test', 'Platform', 'Median', 'vs native', 'vs volume', 'vs bind mount', 'Settle median (s)', 'Settle max (s)'],
      columns,
      rows.map((r) => tr([r.test, r.platform, r.median, r.vsNative, r.vsVolume, r.vsBind, r.settleMedian, r.settleMax].map(esc), columns)),
    ),
    list(syncSandboxLines(view).map(fromMarkdown)),
    '</section>',
  ].join('\n');
}
