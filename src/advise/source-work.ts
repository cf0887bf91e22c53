// Work on the sources themselves (git, walking the tree, a build reading them) crosses the file sharing whatever
// volumes hold the dependencies. What helps is keeping the sources in the engine with a sync, or a faster sharing
// mechanism; which setting that is depends on the platform. The `sync` strategy measures the first.
import { ratioText } from '../report/format.js';
import type { SourceWork } from './evidence.js';

const SYNC = 'a sync, the sources in a volume kept in step with the host (unison, Mutagen, Docker Desktop\'s synchronized file shares)';

/** The sync option, with what the same run measured under `sync`, or the command that measures it. */
export function syncNote(work: SourceWork): string {
  const measured = work.ratios.filter((r) => r.synced !== null);
  if (measured.length === 0) return `${SYNC}: mountbench run --strategies native,bind,sync --workload ${work.test.replaceAll(' ', '')} measures it`;
  return `${SYNC}: ${measured.map((r) => `${r.test} ${ratioText(r.synced!)}`).join(', ')} native under sync in the same run`;
}

/** The file-sharing setting to try, by platform kind (src/platforms/kinds). */
const SETTINGS: Record<string, string> = {
  'docker-desktop': 'Settings › General: VirtioFS file sharing; or Settings › Resources › File sharing: synchronized file shares (Docker Desktop 4.27+, paid plans)',
  lima: 'vmType: vz and mountType: virtiofs in the instance\'s lima.yaml (macOS 13+); Lima\'s reverse-sshfs is the slow one',
  colima: 'colima start --vm-type vz --mount-type virtiofs (macOS 13+)',
  'rancher-desktop': 'Preferences › Virtual Machine: VZ emulation and virtiofs volumes (macOS 13+)',
};

/** The setting for a platform kind; a general word when the kind has none listed. */
export function sharingSetting(kind: string, fileSharing: string | null): string {
  return SETTINGS[kind] ?? `a faster file-sharing mechanism than ${fileSharing ?? 'this one'}, where the platform offers one (virtiofs)`;
}
