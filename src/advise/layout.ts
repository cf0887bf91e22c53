// The advised layout: for every service (or devcontainer) that bind-mounts the project, the dependency and build
// directories under the mount that are not in a volume yet, each with the named volume that should hold it.
import { existsSync, statSync } from 'node:fs';
import { posix, relative, sep } from 'node:path';
import type { ComposeProject } from './compose-files.js';
import { dependencyDirs, type DependencyDir } from './ecosystems.js';
import { isWithin, type Mount } from './mounts.js';

export interface AdvisedDir extends DependencyDir {
  /** Where it is in the container: /app/node_modules. */
  target: string;
  /** The named volume advised for it. */
  volume: string;
  /** The mount that already covers it (then nothing is advised), as the user wrote it. */
  coveredBy: string | null;
}

/** A service's bind mount of (part of) the project, and what to do under it. */
export interface BoundMount {
  service: string;
  bind: Mount;
  /** The bound host directory relative to the project, POSIX-style: '' for the project itself. */
  relative: string;
  dirs: AdvisedDir[];
}

/** A volume name from its parts: `app`, `frontend`, `.venv` → app_frontend_venv (dots leading a part dropped). */
export function volumeName(parts: string[]): string {
  return parts
    .flatMap((p) => p.split('/'))
    .map((p) => p.replace(/^\.+/, ''))
    .filter(Boolean)
    .join('_')
    .replace(/[^A-Za-z0-9_.-]/g, '_');
}

/** The binds of `mounts` that bring in the project or a directory of it, with their advised directories. */
export function boundMounts(service: string, mounts: readonly Mount[], projectDir: string, volumeOf: (relative: string, dir: string) => string): BoundMount[] {
  return mounts.flatMap((bind) => {
    if (bind.type !== 'bind' || !bind.source || !isWithin(bind.source, projectDir)) return [];
    if (!existsSync(bind.source) || !statSync(bind.source).isDirectory()) return [];
    const rel = relative(projectDir, bind.source).split(sep).join('/');
    const dirs = dependencyDirs(bind.source).map((found) => {
      const target = posix.join(bind.target, found.dir);
      // Another mount at or above the directory, below the project's own mount: the user has placed it already.
      const cover = mounts.find((m) => m !== bind && m.target !== bind.target && isWithin(m.target, bind.target) && isWithin(target, m.target));
      return { ...found, target, volume: volumeOf(rel, found.dir), coveredBy: cover?.text ?? null };
    });
    return [{ service, bind, relative: rel, dirs }];
  });
}

export interface ComposeLayout {
  mounts: BoundMount[];
  /** Services that do not bind-mount the project: nothing to advise for them. */
  others: string[];
}

export function composeLayout(project: ComposeProject, projectDir: string): ComposeLayout {
  const mounts = project.services.flatMap((s) => boundMounts(s.name, s.mounts, projectDir, (rel, dir) => volumeName([s.name, rel, dir])));
  return { mounts, others: project.services.map((s) => s.name).filter((name) => !mounts.some((m) => m.service === name)) };
}

/** Directories still to be put in a volume. */
export function pending(mounts: readonly BoundMount[]): Array<{ mount: BoundMount; dir: AdvisedDir }> {
  return mounts.flatMap((mount) => mount.dirs.filter((d) => !d.coveredBy).map((dir) => ({ mount, dir })));
}
