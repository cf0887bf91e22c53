// A run directory: its run.json (saved by results/, so that no run is ever lost) and every report beside it. Each
// report is written on its own; one that cannot render does not stop the others.
import { join } from 'node:path';
import type { RunDocument } from '../model/run-document.js';
import { saveRunDocument, type Saved } from '../results/save.js';
import { writeAtomically } from '../util/atomic-write.js';
import { viewOf } from '../results/view.js';
import { EXPORTERS } from './exporters.js';
import type { RenderOptions } from './section.js';

/** `options.sections`: the sections contributed from outside report/ (the strategies'). */
export async function writeRunDirectory(runDir: string, measured: RunDocument, options: RenderOptions = {}): Promise<Saved> {
  const saved = await saveRunDocument(runDir, measured);
  const problems = [...saved.problems];
  const view = viewOf([saved.reported]);
  for (const exporter of EXPORTERS) {
    if (!exporter.fileName || exporter.format === 'json') continue;
    try {
      await writeAtomically(join(runDir, exporter.fileName), exporter.render(view, options));
    } catch (error) {
      problems.push(`mountbench: could not write ${exporter.fileName}: ${(error as Error).message}. This is a bug: please report it.`);
    }
  }
  return { ...saved, problems };
}
