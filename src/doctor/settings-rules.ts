// Findings from a platform's own settings on the host (and, for Docker Desktop's mechanism, from the probe when no
// settings file was found).
import { STRATEGY_ROLES } from '../model/strategies.js';
import { sep } from 'node:path';
import type { PlatformSettings, SharedDirectory } from '../platforms/settings/settings.js';
import type { Finding, PlatformFacts, Rule } from './finding.js';
import { saysNothingOfTheShare } from '../platforms/mountinfo.js';
import { publishedRatio, publishedText } from './published.js';

/** The env switches that make the common watchers poll instead of waiting for inotify events. */
export const POLLING = 'CHOKIDAR_USEPOLLING=true (chokidar: webpack-dev-server, nodemon, Vite), WATCHPACK_POLLING=true (webpack 5, Next.js)';

const within = (path: string, dir: string) => path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);

const settingsEvidence = (s: PlatformSettings, key: keyof PlatformSettings['from']) => `${s.from[key] ?? 'not set'} (${s.source})`;

const DOCKER_DESKTOP_SLOW: Record<string, string> = { grpcfuse: 'gRPC FUSE', osxfs: 'osxfs (legacy)' };

/** gRPC FUSE or osxfs on Docker Desktop: slower than VirtioFS, whose own bind mounts the 2022 article measured. */
export const slowDockerDesktopSharing: Rule = (p, published) => {
  if (p.identity.kind !== 'docker-desktop') return [];
  const configured = p.settings?.fileSharing ?? null;
  const seen = p.identity.fileSharing?.mechanism ?? null;
  const mechanism = [configured, seen].find((m) => m !== null && m in DOCKER_DESKTOP_SLOW);
  if (!mechanism || p.settings?.vmType === 'wsl2') return [];
  const virtiofs = publishedRatio(published, 'mainardi-2022', /virtiofs/i, STRATEGY_ROLES.sharedMount);
  const linux = publishedRatio(published, 'mainardi-2022', /^Docker$/, STRATEGY_ROLES.sharedMount);
  const toLinux = virtiofs && linux ? `, ${(virtiofs.mean / linux.mean).toFixed(1)}x Docker on Linux's bind mount (${linux.mean.toFixed(2)} s)` : '';
  return [
    {
      platform: p.name,
      severity: 'slow',
      text: `file sharing is ${DOCKER_DESKTOP_SLOW[mechanism]}: bind mounts are slower than with VirtioFS${virtiofs ? `, with which a bind mount already ran npm install ${virtiofs.ratio.toFixed(1)}x native (Mainardi 2022)` : ''}`,
      evidence: configured === mechanism ? settingsEvidence(p.settings!, 'fileSharing') : `bind mount seen as ${p.identity.fileSharing?.fstype} in a container: ${p.identity.fileSharing?.mountinfo}`,
      source: virtiofs
        ? `${publishedText(virtiofs)}${toLinux}; the article found gRPC FUSE "10x times slower" than Linux where VirtioFS was "x3.5" (paolomainardi.com/posts/docker-performance-macos)`
        : 'paolomainardi.com/posts/docker-performance-macos (2022)',
      fix:
        p.settings?.vmType === 'hyper-v'
          ? { where: 'Docker Desktop → Settings → General', how: 'Use the WSL 2 based engine, and keep the project inside the WSL distribution' }
          : {
              where: 'Docker Desktop → Settings → General → Virtual Machine Options → Choose file sharing implementation',
              how: 'VirtioFS (macOS 12.5+, with the Apple Virtualization framework), or Docker VMM on Apple silicon; in settings-store.json: "UseVirtualizationFramework": true, "UseVirtualizationFrameworkVirtioFS": true',
            },
    },
  ];
};

/** Docker Desktop's synchronized file shares: a bind mount is fast only under one of them. */
export const synchronizedShare: Rule = (p, published) => {
  const s = p.settings;
  if (p.identity.kind !== 'docker-desktop' || !s?.synchronized?.length) return [];
  const share = s.synchronized.find((dir) => within(p.project, dir));
  const evidence = `${settingsEvidence(s, 'synchronized')}; project: ${p.project}`;
  const source = 'docs.docker.com/desktop/features/synchronized-file-sharing/ (bind mounts under a share use its ext4 cache in the VM; others use the normal file sharing)';
  if (share) {
    return [{ platform: p.name, severity: 'info', text: `this project's directory is in the synchronized file share ${share}: its bind mounts read a cache inside the VM, which the mount line seen in a container does not name`, evidence, source }];
  }
  const synced = publishedRatio(published, 'mainardi-2025', /synchronized/i, STRATEGY_ROLES.sharedMount);
  const plain = publishedRatio(published, 'mainardi-2025', /Apple Virtualization\)$/, STRATEGY_ROLES.sharedMount);
  const figures = synced && plain ? `: with a share a bind mount ran npm install ${synced.ratio.toFixed(2)}x native, without ${plain.ratio.toFixed(2)}x (Mainardi 2025)` : '';
  return [
    {
      platform: p.name,
      severity: 'slow',
      text: `this project's directory is not in a synchronized file share${figures}`,
      evidence,
      source: synced && plain ? `${source}; ${publishedText(synced)}; ${publishedText(plain)}` : source,
      fix: { where: 'Docker Desktop → Settings → Resources → File sharing → Synchronized file shares', how: `Create share: ${p.project} (Pro, Team or Business subscription)` },
    },
  ];
};

// Colima's template (test/recordings/settings/colima/): "virtiofs is limited to macOS and vmType `vz`. It is the
// fastest of the options."
const MOUNT_TYPE_SOURCE = 'Colima\'s colima.yaml template: "virtiofs ... is the fastest of the options" (github.com/abiosoft/colima, embedded/defaults/colima.yaml)';

function virtiofsFix(p: PlatformFacts, s: PlatformSettings): Finding['fix'] {
  if (p.identity.kind === 'colima') {
    const profile = s.instance && s.instance !== 'default' ? ` --profile ${s.instance}` : '';
    const vz = s.vmType === 'vz' ? '' : ' --vm-type vz';
    return {
      where: s.source,
      how: `vmType and mountType cannot change once the VM exists: colima delete${profile} (removes its containers, images and volumes), then colima start${profile}${vz} --mount-type virtiofs (macOS 13+)`,
    };
  }
  if (p.identity.kind === 'lima') {
    return { where: s.source, how: `${s.change}: mountType: virtiofs${s.vmType === 'vz' ? '' : ', vmType: vz (macOS 13.5+)'}; then limactl start ${s.instance}` };
  }
  return { where: 'Rancher Desktop → Preferences → Virtual Machine → Volumes', how: 'Mount type: virtiofs (needs Emulation: VZ, macOS 13+); Apply' };
}

/** Lima, Colima and Rancher Desktop sharing through sshfs or 9p: virtiofs is faster where the VM type allows it. */
export const slowMountType: Rule = (p) => {
  const s = p.settings;
  if (!['colima', 'lima', 'rancher-desktop'].includes(p.identity.kind) || !s || (s.fileSharing !== 'sshfs' && s.fileSharing !== '9p')) return [];
  // What a container sees wins: a VM made with another mount type keeps it (modeDisagreement says so).
  const seen = p.identity.fileSharing?.mechanism;
  if (seen && seen !== s.fileSharing && !saysNothingOfTheShare(seen)) return [];
  return [
    {
      platform: p.name,
      severity: 'slow',
      text: `bind mounts go through ${s.fileSharing}, slower than virtiofs for the many small files of npm install`,
      evidence: settingsEvidence(s, 'fileSharing'),
      source: MOUNT_TYPE_SOURCE,
      fix: virtiofsFix(p, s),
    },
  ];
};

/** The longest shared directory holding the project, if any. */
function sharedHolding(shared: readonly SharedDirectory[], project: string): SharedDirectory | undefined {
  return shared.filter((d) => within(project, d.path)).sort((a, b) => b.path.length - a.path.length)[0];
}

/** Whether the settings list the directories shared with the VM and none holds the project. */
export function outsideShares(p: Pick<PlatformFacts, 'settings' | 'project'>): boolean {
  return !!p.settings?.shared && !sharedHolding(p.settings.shared, p.project);
}

/** A project outside every directory shared with the VM, or under a read-only one (Lima's home by default). */
export const projectShared: Rule = (p) => {
  const s = p.settings;
  if (!s?.shared) return [];
  const holder = sharedHolding(s.shared, p.project);
  const evidence = `${settingsEvidence(s, 'shared')}; project: ${p.project}`;
  const mountsFix = { where: s.source, how: `${s.change}: under mounts, - location: "${p.project}" with writable: true` };
  if (!holder) {
    const listed = s.shared.map((d) => d.path).join(', ') || 'none';
    const fix = p.identity.kind === 'docker-desktop' ? { where: 'Docker Desktop → Settings → Resources → File sharing', how: `add ${p.project}` } : mountsFix;
    return [{ platform: p.name, severity: 'broken', text: `this project's directory is not shared with the VM (shared: ${listed}): its bind mounts fail or show an empty directory`, evidence, source: s.source, fix }];
  }
  if (holder.writable) return [];
  return [
    {
      platform: p.name,
      severity: 'broken',
      text: `this project's directory is shared read-only (${holder.path}): containers cannot write to its bind mounts, so npm install into one fails`,
      evidence,
      source: `${s.source}; Lima mounts a directory read-only unless it says writable: true (templates/default.yaml), and its templates mount "~" without it (templates/_default/mounts.yaml)`,
      fix: mountsFix,
    },
  ];
};

/** Colima and Lima forward host file events into the VM only with mountInotify (experimental). */
export const inotifyForwarding: Rule = (p) => {
  const s = p.settings;
  if (!['colima', 'lima'].includes(p.identity.kind) || s?.inotify !== false) return [];
  return [
    {
      platform: p.name,
      severity: 'info',
      text: 'host file events are not forwarded into the VM (mountInotify off): watchers in containers miss edits made on the host, so hot reload needs polling',
      evidence: settingsEvidence(s, 'inotify'),
      source: `${s.source}; Colima's template: "Propagate inotify file events to the VM. NOTE: this is experimental."; Lima's default.yaml: "Enable inotify support for mounted directories (EXPERIMENTAL)"`,
      fix: { where: s.source, how: `${s.change}: mountInotify: true; or poll: ${POLLING}` },
    },
  ];
};

export const SETTINGS_RULES: readonly Rule[] = [slowDockerDesktopSharing, synchronizedShare, slowMountType, projectShared, inotifyForwarding];
