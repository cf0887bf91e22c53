// Rootless Docker: dockerd run by the user, on the user's runtime directory, saying name=rootless in /info and
// listing its rootlesskit among the components of /version. Rootless is how an engine runs, not a product: Lima's
// docker template is rootless too, so these clues are a fallback that a product's own clue outranks.
import { join } from 'node:path';
import { endpointClues, type Clue, type PlatformKind } from './kind.js';

export const rootlessDocker: PlatformKind<'rootless-docker'> = {
  id: 'rootless-docker',
  label: 'rootless Docker',
  sockets: (de) => (de.env.XDG_RUNTIME_DIR ? [{ name: 'rootless', path: join(de.env.XDG_RUNTIME_DIR, 'docker.sock') }] : []),
  recognise: (ev) => {
    const clues: Clue[] = [];
    const option = ev.info.SecurityOptions?.find((o) => o.split(',').includes('name=rootless'));
    if (option) clues.push({ certainty: 'fallback', evidence: `SecurityOptions: ${option} — ${ev.fieldFrom['info.SecurityOptions']}` });
    if (ev.version.Components?.some((c) => c.Name === 'rootlesskit')) clues.push({ certainty: 'fallback', evidence: `a rootlesskit component — ${ev.fieldFrom['version.Components']}` });
    // The context the docker CLI's rootless setup creates; only a tie-breaker between fallbacks.
    return clues.length ? [...clues, ...endpointClues(ev, (name) => name === 'rootless').map((c) => ({ ...c, certainty: 'fallback' as const }))] : [];
  },
  claims: (name) => name === 'rootless',
  start: () => 'systemctl --user start docker',
};
