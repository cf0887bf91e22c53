// `mountbench report RUN.json|RUN-DIR`: render any format again from a saved run: a comparison of one run.
import { historyPath } from '../results/history.js';
import { compareCommand } from './compare.js';

export async function reportCommand(file: string, format: string): Promise<void> {
  await compareCommand({ runs: [file], published: false, baseline: null, last: null, since: null, historyFile: historyPath(), format, output: null });
}
