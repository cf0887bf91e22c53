// Rootless Docker: dockerd run by the user, on the user's runtime directory, saying name=rootless in /info and
// listing its rootlesskit among the components of /version.
import { join } from 'node:path';
import type { PlatformKind } from './kind.js';

export const rootlessDocker: PlatformKind<'rootless-docker'> = {
  id: 'rootless-docker',
  label: 'rootless Docker',
  sockets: (de) => (de.env.XDG_RUNTIME_DIR ? [{ name: 'rootless', path: join(de.env.XDG_RUNTIME_DIR, 'docker.sock') }] : []),
  recognise: (facts) =>
    (facts.info.SecurityOptions?.some((o) => o.split(',').includes('name=rootless')) ?? false) ||
    (facts.version.Components?.some((c) => c.Name === 'rootlesskit') ?? false),
  claims: (name) => name === 'rootless',
  start: () => 'systemctl --user start docker',
};
