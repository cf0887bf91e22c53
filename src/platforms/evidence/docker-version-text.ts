// `docker version` as printed (text): "Server: <platform>", then one block per component ("Engine", "containerd",
// Podman's "Podman Engine", "OCI Runtime (crun)"), back into GET /version.
import type { Piece, Version } from './evidence.js';
import { clientContext, indent, serverLines } from './docker-info-text.js';

// An unindented "Client:" or "Server: ..." starts another block; crun's multi-line version ("commit: ...",
// "+SYSTEMD ...") is unindented too but lower-case or not a key, and belongs to its component.
const HEADING = /^[A-Z][\w ]*:(\s|$)/;

export function parseVersionText(text: string): Version {
  const { header, lines } = serverLines(text);
  if (header === null) return {};
  const components: Array<{ Name: string; Version?: string; ApiVersion?: string }> = [];
  for (const line of lines) {
    const component = /^ (\S.*):\s*$/.exec(line);
    const detail = /^\s{2,}(Version|API version):\s*(\S+)/.exec(line);
    if (component) components.push({ Name: component[1] });
    else if (detail && components.length > 0) components.at(-1)![detail[1] === 'Version' ? 'Version' : 'ApiVersion'] ??= detail[2];
    else if (indent(line) === 0 && HEADING.test(line)) break;
  }
  // A block with no Version is a heading of `docker info` ("Plugins:", "Security Options:"), not a component.
  const versioned = components.filter((c) => c.Version !== undefined);
  const engine = versioned.find((c) => c.Name === 'Engine');
  const version: Version = {
    Platform: header ? { Name: header } : undefined,
    Version: engine?.Version,
    ApiVersion: engine?.ApiVersion,
    Components: versioned.length ? versioned.map(({ Name, Version }) => ({ Name, Version })) : undefined,
  };
  return Object.fromEntries(Object.entries(version).filter(([, v]) => v !== undefined)) as Version;
}

export function dockerVersionText(text: string): Piece[] {
  const version = parseVersionText(text);
  const context = clientContext(text);
  return Object.keys(version).length > 0 ? [{ format: 'docker version (text)', version, ...(context ? { endpoint: { name: context } } : {}) }] : [];
}
