// `mountbench history`: the runs this machine recorded, newest last, with what each measured at a glance.
import Table from 'cli-table3';
import pc from 'picocolors';
import { ratioText, strategyTitle } from '../report/format.js';
import { readHistory, type HistoryEntry } from '../results/history.js';
import { isImplemented } from '../model/strategies.js';
import { withSafeText } from '../util/safe-text.js';

/** The worst ratio to native of each platform in the run's first test: "mountbench-lab: Bind mount 2.14x". */
function glance(entry: HistoryEntry): string {
  const [first] = entry.ratios;
  if (!first) return '—';
  return entry.platforms
    .map((p) => {
      const ratios = entry.ratios.filter((r) => r.platform === p.name && r.workload === first.workload && r.measure === first.measure && r.ratio !== null);
      const worst = ratios.reduce<(typeof ratios)[number] | null>((w, r) => (!w || r.ratio! > w.ratio! ? r : w), null);
      const title = worst && isImplemented(worst.strategy) ? strategyTitle(worst.strategy) : worst?.strategy;
      return `${p.name}: ${worst ? `${title} ${ratioText(worst.ratio!)}` : 'no ratio'}`;
    })
    .join('\n');
}

export async function historyCommand(options: { file: string; json: boolean }): Promise<void> {
  const history = await readHistory(options.file);
  for (const line of history.damaged) process.stderr.write(pc.yellow(`${line}\n`));
  if (options.json) {
    process.stdout.write(`${JSON.stringify(history.entries, null, 2)}\n`);
    return;
  }
  if (history.entries.length === 0) {
    process.stdout.write(`no runs recorded yet in ${options.file}\n`);
    return;
  }
  const table = new Table({ head: ['Started', 'Run', 'Workloads', 'Status', 'Worst ratio to native', 'run.json'].map((h) => pc.bold(h)), style: { head: [], border: [] } });
  for (const e of withSafeText(history.entries)) {
    table.push([e.startedAt.slice(0, 16).replace('T', ' '), e.id, `${e.workloads.join(', ')}\n${pc.dim(e.fixture)}`, e.status, glance(e), pc.dim(e.runFile)]);
  }
  process.stdout.write(`${table.toString()}\n${pc.dim(`${history.entries.length} run(s) in ${options.file}; compare them with: mountbench compare --last N`)}\n`);
}
