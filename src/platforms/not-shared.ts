// A directory the platform's VM does not share: its engine refuses to bind-mount it, in words that say nothing of
// what to do ("bind source path does not exist"). Said instead in plain words, before any sample: which directories
// the VM does share (its own mountinfo, and the platform's settings where it has some) and how to measure anyway.
import type Docker from 'dockerode';
import { CannotRunError } from '../errors.js';
import { defaultEnvironment } from './discover.js';
import type { Endpoint } from './endpoint.js';
import { kindById } from './kinds/catalog.js';
import { readVmShares, type VmShare } from './vm-shares.js';

/** The engine's refusals of a bind source that its VM cannot see (Docker Engine, Docker Desktop, Podman), and the
 * probe's own finding, each with the words a user reads. */
const REFUSALS: Array<[RegExp, (match: string) => string]> = [
  [/bind source path does not exist: \S+/, (m) => `the engine said "${m}"`],
  [/Mounts denied:[^\n]*?is not shared from the host/, (m) => `the engine said "${m}"`],
  [/statfs \S+: no such file or directory/, (m) => `the engine said "${m}"`],
  // The worse case: a path the VM has of its own (/root, /home, /opt) is bind-mounted from the VM without a word.
  [/bind source is the VM's own (\S+), not the host's/, () => "a file written there on the host did not appear in a container: the engine mounted the VM's own directory of that path instead"],
];

/** Why the directory is not shared, in words to show, when an error says so; null otherwise. */
export function notSharedRefusal(error: unknown): string | null {
  const message = error instanceof Error ? error.message : String(error);
  for (const [refusal, words] of REFUSALS) {
    const match = refusal.exec(message);
    if (match) return words(match[0]);
  }
  return null;
}

// Where each kind's shares are added, when its settings did not say.
const ADD_A_SHARE: Record<string, string> = {
  'docker-desktop': 'Docker Desktop: Settings → Resources → File sharing, then Apply & restart',
  colima: 'Colima: the mounts list of colima.yaml (colima stop && colima start --edit)',
  lima: 'Lima: the mounts list of the instance (limactl stop NAME && limactl edit NAME)',
  'rancher-desktop': 'Rancher Desktop: the mounts of its Lima override (~/Library/Application Support/rancher-desktop/lima/_config/override.yaml)',
  podman: 'Podman: the machine\'s volumes (podman machine init -v HOST:VM for a new machine)',
  'linux-vm': 'whatever starts the VM decides them (for mountbench\'s VM lab: bash scripts/sharing-lab.sh down --vm, then MOUNTBENCH_LAB_SHARED="/tmp /work DIR" bash scripts/sharing-lab.sh up --vm)',
};

export interface NotShared {
  /** The directory the engine refused. */
  dir: string;
  /** How we know: the engine's refusal, or a file written on the host that a container did not see. */
  refusal: string;
  /** The VM's shares as its mountinfo has them; null when they could not be read (then `sharesProblem`). */
  shares: VmShare[] | null;
  sharesProblem: string | null;
  /** The shares as the platform's settings list them, and the file that says so. */
  settingsShares: { paths: string[]; source: string } | null;
  /** Where and how a share is added. */
  addShare: string | null;
}

/** What a user reads: what is wrong, what is shared, what to do. */
export function notSharedText(platform: string, n: NotShared): string {
  const shared = n.shares?.length
    ? `its VM shares ${n.shares.map((s) => s.path).join(', ')} (${[...new Set(n.shares.map((s) => s.mechanism))].join(', ')}, as the VM's own mount table says)`
    : n.shares
      ? 'its VM shares no host directory at all (the VM\'s own mount table has no virtiofs, 9p or FUSE mount)'
      : `what its VM shares could not be read (${n.sharesProblem})`;
  const listed = n.settingsShares ? `; its settings list ${n.settingsShares.paths.join(', ') || 'none'} (${n.settingsShares.source})` : '';
  const add = n.addShare ? `, or add it to the shares: ${n.addShare.replace('DIR', n.dir)}` : ", or add it to the VM's shares";
  return `${n.dir} is not shared with ${platform}'s VM, so its containers cannot see it through a bind mount (${n.refusal}). ${shared[0].toUpperCase()}${shared.slice(1)}${listed}. To measure bind mounts there: move the project, or the run directory (--output DIR), under a shared directory${add}.`;
}

/** A platform whose VM does not share the run's or the project's directory: skipped with this as its reason. */
export class DirectoryNotSharedError extends CannotRunError {
  constructor(
    readonly platform: string,
    readonly notShared: NotShared,
  ) {
    super(notSharedText(platform, notShared));
  }
}

/** After the engine refused `dir` with `refusal`: what the VM and the platform's settings share. */
export async function diagnoseNotShared(
  docker: Docker,
  image: string,
  endpoint: Pick<Endpoint, 'name' | 'aliases' | 'host'>,
  kind: string,
  dir: string,
  refusal: string,
  runId?: string,
): Promise<NotShared> {
  const read = await readVmShares(docker, image, kind, runId);
  const settings = kindById(kind)?.settings?.(defaultEnvironment(), endpoint) ?? null;
  return {
    dir,
    refusal,
    shares: 'shares' in read ? read.shares : null,
    sharesProblem: 'problem' in read ? read.problem : null,
    settingsShares: settings?.shared ? { paths: settings.shared.map((s) => s.path), source: settings.source } : null,
    addShare: settings && !settings.problem ? settings.change : (ADD_A_SHARE[kind] ?? null),
  };
}
