// Everything `mountbench advise` has to say about a project, as data: the layout it advises (for Compose and for a
// devcontainer), what the measurements say it is worth, and the two remedies the layout cannot give (polling for a
// watcher that misses events, a sync or a platform setting for slow work on the sources).
import { basename, dirname, relative } from 'node:path';
import { UsageError } from '../errors.js';
import type { HistoryEntry } from '../results/history.js';
import type { PublishedRow } from '../results/published.js';
import { findComposeProject } from './compose-files.js';
import { findDevcontainer } from './devcontainer.js';
import { installEffect, publishedEffects, SLOW_SOURCE_RATIO, sourceWork, watchMisses, type InstallEffect, type PublishedEffect, type SourceWork, type WatchMisses } from './evidence.js';
import { boundMounts, composeLayout, pending, volumeName, type BoundMount, type ComposeLayout } from './layout.js';
import { planOverride, type OverridePlan } from './override.js';
import { pollingSwitches, type PollingSwitch } from './polling.js';
import { sharingSetting, syncNote } from './source-work.js';

export interface DevcontainerAdvice {
  file: string;
  /** Image-based: the workspace's bind mount and what to put in volumes under it. */
  mounts: BoundMount[];
  /** Entries to add to its "mounts". */
  entries: string[];
  /** Compose-based: the override to add to its "dockerComposeFile" (relative to it), unless listed already. */
  composeFile: string | null;
  /** A non-root user: a new volume is root's until chowned. */
  user: string | null;
}

export interface Advice {
  project: string;
  platform: string | null;
  compose: { files: string[]; layout: ComposeLayout; override: OverridePlan } | null;
  devcontainer: DevcontainerAdvice | null;
  effect: { history: InstallEffect | null; published: PublishedEffect[] };
  /** Polling switches only when the history shows events missed through a bind mount on the platform. */
  watch: { misses: WatchMisses | null; switches: PollingSwitch[] };
  /** Sync or a platform setting only when git or traverse were slow through a bind mount on the platform. */
  sourceWork: { evidence: SourceWork; slow: boolean; setting: string; sync: string } | null;
}

export interface Measurements {
  platform: string | null;
  history: readonly HistoryEntry[];
  published: readonly PublishedRow[];
}

export async function adviseProject(projectDir: string, measurements: Measurements): Promise<Advice> {
  const composeProject = findComposeProject(projectDir);
  const dc = findDevcontainer(projectDir);
  if (!composeProject && !dc) {
    throw new UsageError(`no compose.yaml, docker-compose.yml or .devcontainer/devcontainer.json in ${projectDir}: nothing to advise`);
  }
  const layout = composeProject && composeLayout(composeProject, projectDir);
  const override = composeProject && layout && planOverride(composeProject, layout.mounts);

  let devcontainer: DevcontainerAdvice | null = null;
  if (dc) {
    const mounts = dc.workspace ? boundMounts('devcontainer', [dc.workspace, ...dc.mounts], projectDir, (rel, dir) => `\${localWorkspaceFolderBasename}-${volumeName([rel, dir])}`) : [];
    const entries = pending(mounts).map(({ dir }) => `source=${dir.volume},target=${dir.target},type=volume`);
    // Only a devcontainer running the project's own compose file can take its override, and only one that exists.
    const files = dc.compose?.files ?? [];
    const takesOverride = override && files.includes(composeProject.files[0]) && !files.includes(override.file) && (override.exists || override.added.length > 0);
    const composeFile = takesOverride ? relative(dirname(dc.file), override.file) : null;
    devcontainer = { file: dc.file, mounts, entries, composeFile, user: dc.user };
  }

  const { platform, history } = measurements;
  const hosts = [...(layout?.mounts ?? []), ...(devcontainer?.mounts ?? [])].map((m) => m.bind.source!);
  const misses = platform ? await watchMisses(history, platform) : null;
  const source = platform ? sourceWork(history, platform) : null;
  return {
    project: projectDir,
    platform,
    compose: composeProject && layout && override ? { files: composeProject.files, layout, override } : null,
    devcontainer,
    effect: { history: platform ? installEffect(history, platform, basename(projectDir)) : null, published: publishedEffects(measurements.published) },
    watch: { misses, switches: misses && misses.missed > 0 ? pollingSwitches(hosts) : [] },
    sourceWork: source && {
      evidence: source,
      slow: source.ratios.some((r) => r.ratio >= SLOW_SOURCE_RATIO),
      setting: sharingSetting(source.kind, source.fileSharing),
      sync: syncNote(source),
    },
  };
}

/** The directories --verify can measure: those at the top of the project's own bind mount (what --deps takes). */
export function verifiableDirs(advice: Advice): { deps: string[]; left: string[] } {
  const mounts = [...(advice.compose?.layout.mounts ?? []), ...(advice.devcontainer?.mounts ?? [])];
  const dirs = mounts.flatMap((m) => m.dirs.map((d) => (m.relative === '' ? d.dir : `${m.relative}/${d.dir}`)));
  const unique = [...new Set(dirs)];
  return { deps: unique.filter((d) => !d.includes('/')), left: unique.filter((d) => d.includes('/')) };
}
