// `docker context inspect`: the endpoint's own name and host, which a platform's context is named after
// ("colima", "colima-work", "lima-docker", "orbstack", "desktop-linux", "socktainer").
import { at, isRecord, stringOrNull } from '../settings/settings.js';
import type { Piece } from './evidence.js';

export function dockerContextJson(json: unknown): Piece[] {
  const contexts = (Array.isArray(json) ? json : [json]).filter((c) => isRecord(c) && isRecord(c.Endpoints));
  return contexts.flatMap((c) => {
    const name = stringOrNull(at(c, 'Name'));
    const host = stringOrNull(at(c, 'Endpoints.docker.Host'));
    return name || host ? [{ format: 'docker context inspect', endpoint: { name: name ?? undefined, host: host ?? undefined } }] : [];
  });
}
