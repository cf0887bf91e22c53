// `mountbench report RUN.json|RUN-DIR`: render any format again from a saved run.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { exporterFor, FORMATS } from '../report/exporters.js';
import { readRunDocument } from '../results/store.js';
import { viewOf } from '../results/view.js';

export async function reportCommand(file: string, format: string): Promise<void> {
  const exporter = exporterFor(format);
  if (!exporter) throw new UsageError(`unknown format "${format}" (choose one of: ${FORMATS.join(', ')})`);
  // A run directory stands for its run.json.
  const isDir = (() => {
    try {
      return statSync(file).isDirectory();
    } catch {
      return false;
    }
  })();
  const doc = await readRunDocument(isDir ? join(file, 'run.json') : file);
  process.stdout.write(exporter.render(viewOf([doc])));
}
