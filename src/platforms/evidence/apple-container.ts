// Apple's `container system status`: a table (FIELD / VALUE: status, appRoot, apiserver.version ...), the older
// one-line "apiserver is running", or `--format json` ({"status", "server": {"version"}, "client", "host"}).
// Each container runs in its own lightweight VM (Virtualization.framework); socktainer serves the Docker API.
import { at, isRecord, stringOrNull } from '../settings/settings.js';
import { vmReport, type Piece } from './evidence.js';

const report = (running: boolean, version: string | null, tool: string): Piece => ({
  format: tool,
  vms: [vmReport({ kind: 'apple-container', tool, vmType: 'apple-virtualization', mountType: 'virtiofs', version, running })],
});

export function containerStatusText(text: string): Piece[] {
  const table = /^status\s+(\w+)/m.exec(text);
  const apiserver = /^apiserver.version\s+container-apiserver version (\S+)/m.exec(text);
  if (table && (apiserver || /^appRoot\s/m.test(text))) return [report(table[1] === 'running', apiserver?.[1] ?? null, 'container system status')];
  const line = /^apiserver is (not )?running/m.exec(text);
  return line ? [report(!line[1], null, 'container system status')] : [];
}

export function containerStatusJson(json: unknown): Piece[] {
  if (!isRecord(json) || typeof json.status !== 'string') return [];
  const server = stringOrNull(at(json, 'server.appName'));
  if (server !== 'container-apiserver' && !isRecord(json.paths)) return [];
  return [report(json.status === 'running', stringOrNull(at(json, 'server.version')) ?? stringOrNull(at(json, 'client.version')), 'container system status --format json')];
}
