// Which sync engine a sandbox gets: the one asked for (--sync-engine), or with auto the best one present — the
// platform's own synchronized share where the project is inside one, then Mutagen, then unison. What is missing is
// said with what to install, and the sync cells are skipped with that reason.
import { spawnSync } from 'node:child_process';
import { homedir } from 'node:os';
import { readDockerDesktopSettings } from '../../platforms/settings/docker-desktop.js';
import { synchronizedShareFor, type SynchronizedShare } from './docker-desktop.js';
import type { SyncEngineChoice } from './engine.js';
import { parseMutagenVersion } from './mutagen.js';
import { findUnison, type UnisonBinary } from './unison.js';

type Missing = { why: string };

/** What this host and platform offer, each engine found or why not. */
export interface FoundEngines {
  dockerDesktop: SynchronizedShare | Missing;
  mutagen: { version: string } | Missing;
  unison: { binary: UnisonBinary } | Missing;
}

export type ChosenEngine =
  | { engine: 'docker-desktop'; share: SynchronizedShare }
  | { engine: 'mutagen'; version: string }
  | { engine: 'unison'; binary: UnisonBinary };

const INSTALL =
  'install unison (apt-get install unison; the host must be Linux of the engine\'s architecture, as its binary is copied into the container) ' +
  'or Mutagen (mutagen.io, with the docker CLI), or put the run directory (--output) inside a Docker Desktop synchronized file share';

export function chooseSyncEngine(choice: SyncEngineChoice, found: FoundEngines): ChosenEngine | Missing {
  const { dockerDesktop: dd, mutagen, unison } = found;
  const pick = {
    'docker-desktop': () => ('share' in dd ? { engine: 'docker-desktop' as const, share: dd } : null),
    mutagen: () => ('version' in mutagen ? { engine: 'mutagen' as const, version: mutagen.version } : null),
    unison: () => ('binary' in unison ? { engine: 'unison' as const, binary: unison.binary } : null),
  };
  if (choice !== 'auto') {
    const missing = { 'docker-desktop': dd, mutagen, unison }[choice] as Missing;
    return pick[choice]() ?? { why: `--sync-engine ${choice}: ${missing.why}` };
  }
  const chosen = pick['docker-desktop']() ?? pick.mutagen() ?? pick.unison();
  if (chosen) return chosen;
  const whys = [['unison', unison], ['Mutagen', mutagen], ['synchronized file share', dd]].map(([name, m]) => `${name}: ${(m as Missing).why}`);
  return { why: `no sync engine (${whys.join('; ')}): ${INSTALL}` };
}

/** The engine's architecture in Node's words (the engine says x86_64 or aarch64). */
function nodeArch(engineArch: string): string {
  return ({ x86_64: 'x64', amd64: 'x64', aarch64: 'arm64' } as Record<string, string>)[engineArch] ?? engineArch;
}

/** Look for each engine on this host, for a sandbox on a platform of this kind and architecture. */
export function findSyncEngines(platform: { kind: string; arch: string }, hostDir: string): FoundEngines {
  const settings = platform.kind === 'docker-desktop' ? readDockerDesktopSettings({ home: homedir(), env: process.env }) : null;
  const version = parseMutagenVersion(spawnSync('mutagen', ['version'], { encoding: 'utf8', timeout: 10_000 }).stdout ?? '');
  const docker = spawnSync('docker', ['--version'], { stdio: 'ignore', timeout: 10_000 }).status === 0;
  const binary = findUnison();
  return {
    dockerDesktop: synchronizedShareFor(platform.kind, settings, hostDir),
    mutagen: !version ? { why: 'the mutagen command is not on PATH' } : !docker ? { why: 'its docker:// transport needs the docker command, not on PATH' } : { version },
    unison: !binary
      ? { why: 'the unison command is not on PATH' }
      : process.platform !== 'linux' || nodeArch(platform.arch) !== process.arch
        ? { why: `the unison server in the container must be the host's own build, which runs there only from a Linux host of the engine's architecture (${platform.arch})` }
        : { binary },
  };
}
