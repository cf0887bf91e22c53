// `mountbench report RUN.json`: render any format again from a saved run.
import { UsageError } from '../errors.js';
import { exporterFor, FORMATS } from '../report/exporters.js';
import { readRunDocument } from '../results/store.js';

export async function reportCommand(file: string, format: string): Promise<void> {
  const exporter = exporterFor(format);
  if (!exporter) throw new UsageError(`unknown format "${format}" (choose one of: ${FORMATS.join(', ')})`);
  const doc = await readRunDocument(file);
  process.stdout.write(exporter.render(doc));
}
