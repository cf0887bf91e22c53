// The engine's answers as JSON: GET /info and GET /version as the API gives them, `docker info --format json`,
// `docker version --format json` ({"Client", "Server"}), and this project's recordings ({"info", "version"}).
import { isRecord } from '../settings/settings.js';
import type { Info, Piece, Version } from './evidence.js';

const INFO_KEYS = ['ServerVersion', 'NCPU', 'OperatingSystem', 'KernelVersion', 'DockerRootDir', 'MemTotal'];
const VERSION_KEYS = ['ApiVersion', 'Components', 'Platform', 'MinAPIVersion', 'GoVersion'];

const has = (json: Record<string, unknown>, keys: string[]) => keys.some((k) => Object.hasOwn(json, k));

export function engineJson(json: unknown): Piece[] {
  if (!isRecord(json)) return [];
  if (isRecord(json.info) || isRecord(json.version)) {
    return [{ format: 'recorded engine answers (JSON)', info: (json.info ?? {}) as Info, version: (json.version ?? {}) as Version }];
  }
  if (isRecord(json.Server) && 'Client' in json) return [{ format: 'docker version --format json', version: json.Server as Version }];
  // /info has the answers /version has none of (its own ServerVersion, NCPU); a bare /version has ApiVersion.
  if (has(json, INFO_KEYS)) {
    // `docker info --format json` adds the client's part, whose Context is the endpoint's own name.
    const context = isRecord(json.ClientInfo) && typeof json.ClientInfo.Context === 'string' ? json.ClientInfo.Context : undefined;
    return [{ format: 'docker info (JSON)', info: json as Info, ...(context ? { endpoint: { name: context } } : {}) }];
  }
  if (has(json, VERSION_KEYS)) return [{ format: 'docker version (JSON, the API\'s /version)', version: json as Version }];
  return [];
}
