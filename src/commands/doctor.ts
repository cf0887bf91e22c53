// `mountbench doctor`: every platform found, what it is and how it shares files (seen from a container, and as its
// own settings configure it), and what follows, each finding with its evidence, its source and, where a setting can
// change it, where and how.
import { release } from 'node:os';
import { resolve } from 'node:path';
import pc from 'picocolors';
import { pastRuns } from '../doctor/past-runs.js';
import { renderDoctor } from '../doctor/render.js';
import { modeOf } from '../doctor/mode.js';
import { diagnose } from '../doctor/rules.js';
import { EXIT } from '../errors.js';
import { defaultEnvironment } from '../platforms/discover.js';
import { kindById } from '../platforms/kinds/catalog.js';
import { readHistoryOrWarn } from '../results/history.js';
import { readPublished } from '../results/published.js';
import type { PlatformIdentity } from '../model/run-document.js';
import { listPlatforms } from '../platforms/list.js';
import type { PlatformReport } from '../doctor/platform-report.js';

export interface DoctorOptions {
  context: string | null;
  json: boolean;
  image: string | null;
  /** The project whose bind mounts are in question. */
  project: string;
  historyFile: string;
}

/** Whether the engine shares this machine's kernel (the host's dockerd, the lab, Podman on Linux), so no VM. */
function onThisKernel(identity: PlatformIdentity): boolean {
  return process.platform === 'linux' && identity.engine.kernel === release();
}

export async function doctorCommand(options: DoctorOptions): Promise<number> {
  const project = resolve(options.project);
  const de = defaultEnvironment(options.context ?? undefined);
  const [listed, history] = await Promise.all([listPlatforms(de, options.image, project), readHistoryOrWarn(options.historyFile)]);
  for (const line of history.damaged) process.stderr.write(pc.yellow(`${line}\n`));
  const published = readPublished();

  const reports: PlatformReport[] = [];
  for (const l of listed) {
    if (!l.identity) {
      reports.push({ ...l, onThisKernel: false, settings: null, mode: null, findings: [] });
      continue;
    }
    const settings = kindById(l.identity.kind)?.settings?.(de, { name: l.name, aliases: l.aliases, host: l.endpoint }) ?? null;
    const facts = {
      name: l.name,
      identity: l.identity,
      vm: l.identification?.vm ?? null,
      settings,
      onThisKernel: onThisKernel(l.identity),
      project,
      runs: await pastRuns(history.entries, { name: l.name, kind: l.identity.kind }),
      notShared: l.notShared,
    };
    reports.push({ ...l, onThisKernel: facts.onThisKernel, settings, mode: modeOf(facts), findings: diagnose(facts, published) });
  }

  process.stdout.write(options.json ? `${JSON.stringify(reports, null, 2)}\n` : renderDoctor(reports, project));
  return reports.some((r) => r.reachable) ? EXIT.ok : EXIT.cannotRun;
}
