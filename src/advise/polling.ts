// Hot reload through a mount that drops file events (FUSE sharing such as sshfs carries none from the host): the
// watcher has to poll. Each tool has its own switch; the project's package.json says which tools it has.
import { dependencyNames } from './ecosystems.js';

export interface PollingSwitch {
  tool: string;
  /** What to set, where. */
  how: string;
}

const SWITCHES: Array<PollingSwitch & { packages: string[] }> = [
  { tool: 'webpack (watchpack)', packages: ['webpack', 'webpack-dev-server', 'react-scripts', 'next'], how: 'environment: WATCHPACK_POLLING: "true"' },
  { tool: 'chokidar', packages: ['chokidar', '@vue/cli-service', 'nuxt'], how: 'environment: CHOKIDAR_USEPOLLING: "true"' },
  { tool: 'Vite', packages: ['vite'], how: 'vite.config: server: { watch: { usePolling: true } }' },
  { tool: 'nodemon', packages: ['nodemon'], how: 'nodemon --legacy-watch (or "legacyWatch": true in nodemon.json)' },
];

/** When the project names none of these tools: the switches most Node watchers read. */
const GENERIC: PollingSwitch[] = SWITCHES.slice(0, 2);

/** The polling switches of the tools the projects in `dirs` (host directories with a package.json) depend on. */
export function pollingSwitches(dirs: readonly string[]): PollingSwitch[] {
  const packages = new Set(dirs.flatMap((d) => [...dependencyNames(d)]));
  const found = SWITCHES.filter((s) => s.packages.some((p) => packages.has(p))).map(({ tool, how }) => ({ tool, how }));
  return found.length > 0 ? found : GENERIC.map(({ tool, how }) => ({ tool, how }));
}
