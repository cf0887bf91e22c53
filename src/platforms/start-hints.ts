// How to start each platform, for the error that no engine answers.
import type { Endpoint } from './endpoint.js';

export function startHint(endpoint: Endpoint): string {
  const name = endpoint.name;
  if (name.startsWith('desktop-')) return 'start Docker Desktop (open -a Docker)';
  if (name === 'orbstack') return 'start OrbStack (orb start)';
  if (name === 'colima') return 'colima start';
  if (name.startsWith('colima-')) return `colima start --profile ${name.slice('colima-'.length)}`;
  if (name === 'rancher-desktop') return 'start Rancher Desktop';
  if (name.startsWith('lima-')) return `limactl start ${name.slice('lima-'.length)}`;
  if (name.startsWith('podman')) return 'podman machine start (macOS) or podman system service --time=0 (Linux)';
  if (name === 'rootless') return 'systemctl --user start docker';
  return process.platform === 'linux'
    ? 'sudo systemctl start docker (on a fresh Linux machine as root: npm run engine)'
    : 'start Docker Desktop, OrbStack, Colima, Lima, Rancher Desktop or Podman';
}
