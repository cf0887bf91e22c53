// A run directory: its run.json (saved by results/, so that no run is ever lost) and every report beside it. Each
// report is written on its own; one that cannot render does not stop the others. A report the file system refuses
// (a full disk) is an output that could not be created (exit 73); one that cannot render is a bug (exit 70).
import { dirname, join } from 'node:path';
import { EXIT } from '../errors.js';
import type { RunDocument } from '../model/run-document.js';
import { saveRunDocument, type Saved, type SaveOptions } from '../results/save.js';
import { writeAtomically } from '../util/atomic-write.js';
import { reasonOf } from '../util/user-file.js';
import { viewOf } from '../results/view.js';
import { EXPORTERS } from './exporters.js';
import type { RenderOptions } from './section.js';

/** `options.sections`: the sections contributed from outside report/ (the strategies'). */
export async function writeRunDirectory(runDir: string, measured: RunDocument, options: RenderOptions & SaveOptions = {}): Promise<Saved> {
  const saved = await saveRunDocument(runDir, measured, { madeBefore: options.madeBefore });
  // The document went elsewhere: the run directory cannot take files, and the reports can be made from it later.
  if (saved.written[0] && dirname(saved.written[0]) !== runDir) return saved;
  const problems = [...saved.problems];
  const written = [...saved.written];
  let failure = saved.failure;
  const refused = new Map<string, string[]>();
  const view = viewOf([saved.reported]);
  for (const exporter of EXPORTERS) {
    if (!exporter.fileName || exporter.format === 'json') continue;
    let text: string;
    try {
      text = exporter.render(view, options);
    } catch (error) {
      problems.push(`mountbench: could not render ${exporter.fileName}: ${(error as Error).message}. This is a bug: please report it.`);
      failure = EXIT.internal;
      continue;
    }
    const path = join(runDir, exporter.fileName);
    try {
      await writeAtomically(path, text);
      written.push(path);
    } catch (error) {
      const reason = reasonOf(error);
      refused.set(reason, [...(refused.get(reason) ?? []), exporter.fileName]);
    }
  }
  for (const [reason, files] of refused) {
    problems.push(`mountbench: could not write ${files.join(', ')} in ${runDir}: ${reason} (mountbench report ${saved.runFile ?? runDir} --format FORMAT renders any of them again)`);
    failure ??= EXIT.cannotCreateOutput;
  }
  return { ...saved, problems, written, failure };
}
