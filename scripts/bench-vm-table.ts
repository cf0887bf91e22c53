// The table of `npm run bench:vm` (scripts/bench-vm.sh), from its run directory: per share the VM lab's facts
// (accelerator, CPUs, memory, how long each step of `up` took), the ratios bind/volume and hybrid/volume inside the
// VM for every measure, then the seed article's Mac ratios beside them. Markdown on stdout.
//   node --import tsx scripts/bench-vm-table.ts DIR
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunDocument } from '../src/model/run-document.js';
import { readPublished } from '../src/results/published.js';
import { readRunDocument } from '../src/results/store.js';

interface LabFacts {
  accel: string;
  accelReason: string;
  cpus: number;
  memoryMiB: number;
  kernelVersion: string;
  preloadedLayer: string | null;
  seconds: { build: number | null; bootToApi: number; imageLoad: number | null; layerSave?: number | null };
}

const dir = process.argv[2];
if (!dir) throw new Error('usage: bench-vm-table.ts DIR (the run directory of npm run bench:vm)');
const shares = ['virtiofs', '9p'].filter((s) => existsSync(join(dir, `lab-${s}.json`)));
const seconds = (s: number | null | undefined, none: string) => (s == null ? none : `${s.toFixed(0)} s`);
const ratio = (r: number | null) => (r === null ? '—' : `${r.toFixed(2)}x`);

const lines: string[] = ['## The VM lab beside the seed\'s Macs', ''];
const runs = new Map<string, RunDocument>();
for (const share of shares) {
  const lab = JSON.parse(readFileSync(join(dir, `lab-${share}.json`), 'utf8')) as LabFacts;
  const s = lab.seconds;
  lines.push(
    `- **${share}**: QEMU under ${lab.accel.toUpperCase()} (${lab.accelReason}), ${lab.cpus} CPUs, ${lab.memoryMiB} MiB, kernel ${lab.kernelVersion}. ` +
      `up: build ${seconds(s.build, 'cached')}, boot to the engine's API ${seconds(s.bootToApi, '?')}, image load ${seconds(s.imageLoad, lab.preloadedLayer ? 'none (preloaded layer)' : 'none')}` +
      `${s.layerSave ? `, preloaded layer saved in ${seconds(s.layerSave, '')}` : ''}.`,
  );
  const runFile = join(dir, share, 'run.json');
  if (existsSync(runFile)) runs.set(share, await readRunDocument(runFile));
  else lines.push(`  No run document: the run on ${share} did not finish (see its output above).`);
}
if (shares.some((s) => JSON.parse(readFileSync(join(dir, `lab-${s}.json`), 'utf8')).accel === 'tcg')) {
  lines.push('', 'Under TCG every guest instruction is emulated (CPU-bound work about 20x slower than on the host): ratios to the host\'s native mean nothing there, ratios inside the VM (bind mount against volume) do.');
}

/** The median of a cell's measured samples over the volume's, per measure of the run. */
function ratios(doc: RunDocument, strategy: string): Map<string, number | null> {
  const median = (workload: string, measure: string, s: string) => {
    const cell = doc.cells.find((c) => c.workload === workload && c.measure === measure && c.strategy === s);
    return cell?.status === 'ok' && cell.summary ? cell.summary.median : null;
  };
  const out = new Map<string, number | null>();
  for (const c of doc.cells.filter((c) => c.strategy === 'volume' && c.metric.unit === 's')) {
    const [over, under] = [median(c.workload, c.measure, strategy), median(c.workload, c.measure, 'volume')];
    out.set(`${c.workload} ${c.measure}`, over !== null && under ? over / under : null);
  }
  return out;
}

const columns = [...runs.entries()].flatMap(([share, doc]) => ['bind', 'hybrid'].map((s) => ({ title: `${share} ${s}/volume`, values: ratios(doc, s) })));
if (columns.length) {
  const samples = [...runs.values()][0].settings;
  lines.push('', `Ratios of medians (${samples.runs} samples per cell after ${samples.warmup} warm-up; time measures only):`, '');
  lines.push(`| measure | ${columns.map((c) => c.title).join(' | ')} |`, `|---|${columns.map(() => '---:').join('|')}|`);
  for (const measure of new Set(columns.flatMap((c) => [...c.values.keys()]))) {
    lines.push(`| ${measure} | ${columns.map((c) => ratio(c.values.get(measure) ?? null)).join(' | ')} |`);
  }
}

// The seed measured no volume; "No volumes" (the files in the container, on the VM's own disk) stands for it.
const published = readPublished().filter((r) => r.os.startsWith('macOS') && r.fileSharing !== 'sync');
lines.push('', 'The seed\'s Macs (npm install of create-react-app, ratio of means; the seed measured no volume, its "No volumes" keeps the files on the VM\'s own disk as a volume does):', '');
lines.push('| source | platform | bind/no volumes | hybrid/no volumes |', '|---|---|---:|---:|');
for (const key of new Set(published.map((r) => `${r.source}\u0000${r.platform}`))) {
  const rows = published.filter((r) => `${r.source}\u0000${r.platform}` === key);
  const mean = (strategy: string) => rows.find((r) => r.strategy === strategy)?.mean ?? null;
  const over = (strategy: string) => (mean(strategy) !== null && mean('container') ? mean(strategy)! / mean('container')! : null);
  lines.push(`| ${rows[0].source} | ${rows[0].platform} | ${ratio(over('bind'))} | ${ratio(over('hybrid'))} |`);
}
console.log(lines.join('\n'));
