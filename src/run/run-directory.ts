// The run directory, made before anything talks to Docker, so that a place that cannot take the results is said at
// once rather than after an hour of samples: not a file, not a live run's, not an earlier run's unless --force says
// to replace it (whose files are then removed, so that none of them is mistaken for the new run's).
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CannotCreateOutputError, UsageError } from '../errors.js';
import { EXPORTERS } from '../report/exporters.js';
import { registeredRuns } from '../results/live-runs.js';
import { RAW_RUN_FILE } from '../results/save.js';
import { reasonOf } from '../util/user-file.js';

/** The files a run writes in its directory. */
const RUN_FILES = [...EXPORTERS.flatMap((e) => (e.fileName ? [e.fileName] : [])), RAW_RUN_FILE];

/** Makes `runDir` ready for a run; returns what the user should know (an earlier run replaced), or null. */
export function prepareRunDirectory(runDir: string, force: boolean): string | null {
  const stat = statSync(runDir, { throwIfNoEntry: false });
  if (stat && !stat.isDirectory()) throw new UsageError(`--output ${runDir}: is a file, not a directory; name a directory for the run's results`);
  let notice: string | null = null;
  const earlier = RUN_FILES.filter((name) => existsSync(join(runDir, name)));
  if (earlier.length > 0) {
    if (registeredRuns().some((run) => run.live && run.workDir === join(runDir, '.work'))) {
      throw new UsageError(`--output ${runDir}: a run still going writes there; choose another directory`);
    }
    if (!force) throw new UsageError(`--output ${runDir}: holds an earlier run (${earlier.join(', ')}); choose another directory, or add --force to replace it`);
    notice = `replacing the earlier run in ${runDir} (--force): its ${earlier.join(', ')} removed`;
  }
  try {
    for (const name of earlier) rmSync(join(runDir, name), { force: true });
    mkdirSync(runDir, { recursive: true });
  } catch (error) {
    throw new CannotCreateOutputError(`cannot make the run directory ${runDir} ready: ${reasonOf(error)}; choose another --output`);
  }
  return notice;
}
