// WSL's own settings: %UserProfile%\.wslconfig, an INI file whose [wsl2] section decides how Windows drives reach a
// distribution (and its Docker engine) under /mnt/<drive>: 9p by default, virtiofs with `virtiofs=true`
// (microsoft/WSL#40790's repro; #14301 shows both mounts: "C:\ on /mnt/c type 9p (...aname=drvfs...)" and
// "drvfsC0 on /mnt/c type virtiofs"). Files inside the distribution are on its own ext4 disk, shared with nothing.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DiscoveryEnvironment } from '../environment.js';
import { emptySettings, numberOrNull, readText, type PlatformSettings } from './settings.js';

const CHANGE = '%UserProfile%\\.wslconfig, [wsl2] section; then wsl --shutdown';

/** The .wslconfig files that could be this user's: from Windows, USERPROFILE; from inside WSL, /mnt/c/Users/<user>. */
function candidates(de: Pick<DiscoveryEnvironment, 'env' | 'root'>): string[] {
  if (de.env.USERPROFILE) return [join(de.env.USERPROFILE, '.wslconfig')];
  const users = join(de.root ?? '/', 'mnt', 'c', 'Users');
  try {
    return readdirSync(users).map((user) => join(users, user, '.wslconfig'));
  } catch {
    return [];
  }
}

export function readWslSettings(de: Pick<DiscoveryEnvironment, 'env' | 'root'>): PlatformSettings | null {
  const found = candidates(de).flatMap((file) => {
    const text = readText(file);
    return text === null ? [] : [{ file, text }];
  });
  // More than one Windows user with a .wslconfig: which is ours cannot be told from inside WSL.
  return found.length === 1 ? parseWslConfig(found[0].text, found[0].file) : null;
}

/** The [wsl2] section's keys, lower-cased (WSL reads them case-insensitively: virtiofs, virtioFS). */
function wsl2Section(text: string): Map<string, string> {
  const keys = new Map<string, string>();
  let section = '';
  for (const raw of text.replace(/\r/g, '').split('\n')) {
    const line = raw.replace(/[#;].*$/, '').trim();
    const header = /^\[(.+)\]$/.exec(line);
    if (header) section = header[1].trim().toLowerCase();
    else if (section === 'wsl2' && line.includes('=')) {
      const [key, ...value] = line.split('=');
      keys.set(key.trim().toLowerCase(), value.join('=').trim());
    }
  }
  return keys;
}

export function parseWslConfig(text: string, source: string): PlatformSettings {
  const keys = wsl2Section(text);
  const settings = emptySettings(source, CHANGE);
  const virtiofs = keys.get('virtiofs');
  settings.vmType = 'wsl2';
  settings.from.vmType = 'the WSL 2 utility VM (Hyper-V)';
  settings.fileSharing = virtiofs?.toLowerCase() === 'true' ? 'virtiofs' : '9p';
  settings.from.fileSharing = virtiofs === undefined ? 'virtiofs not set: Windows drives through 9p (the default)' : `virtiofs=${virtiofs}: Windows drives through ${settings.fileSharing}`;
  settings.cpus = numberOrNull(Number(keys.get('processors')));
  const memory = /^(\d+)\s*(GB|MB)$/i.exec(keys.get('memory') ?? '');
  settings.memoryMiB = memory ? Number(memory[1]) * (memory[2].toUpperCase() === 'GB' ? 1024 : 1) : null;
  if (settings.cpus !== null) settings.from.cpus = `processors=${settings.cpus}`;
  if (memory) settings.from.memoryMiB = `memory=${keys.get('memory')}`;
  return settings;
}
