// What users paste in issues and READMEs, `docker info` and `docker version` as printed (or as JSON), turned back
// into the engine's answers (GET /info, /version) that platform kinds recognise engines by. Only the fields the
// kinds read are taken; the rest of the text is left alone.
import type { EngineFacts } from '../../src/platforms/engine.js';

type Info = EngineFacts['info'];
type Version = EngineFacts['version'];

const UNITS: Record<string, number> = { B: 1, KiB: 2 ** 10, MiB: 2 ** 20, GiB: 2 ** 30, TiB: 2 ** 40 };

/** "7.735GiB" → bytes, as docker prints MemTotal (binary units). */
function bytes(text: string): number | undefined {
  const match = /^([\d.]+)\s*(B|KiB|MiB|GiB|TiB)$/.exec(text);
  return match ? Math.round(Number(match[1]) * UNITS[match[2]]) : undefined;
}

const indent = (line: string) => line.length - line.trimStart().length;

/** The lines after "Server:" when the text has one (the client's plugins and versions come before), else all. */
function serverLines(text: string): { header: string | null; lines: string[] } {
  const lines = text.replace(/\r/g, '').split('\n');
  const at = lines.findIndex((l) => /^Server:/.test(l));
  return at < 0 ? { header: null, lines } : { header: lines[at].slice('Server:'.length).trim(), lines: lines.slice(at + 1) };
}

/**
 * "Security Options:" and the block under it, as the API lists them: "  seccomp" + "   Profile: builtin" is
 * "name=seccomp,profile=builtin". An option is a bare word; a "Key: value" indented deeper than its option belongs to
 * it; anything else ends the block.
 */
function securityOptions(lines: string[], from: number): string[] {
  const options: Array<{ indent: number; parts: string[] }> = [];
  for (const line of lines.slice(from + 1)) {
    const word = /^\s+([\w-]+)$/.exec(line);
    const detail = /^\s+(\w+):\s*(.*)$/.exec(line);
    const last = options.at(-1);
    if (word) options.push({ indent: indent(line), parts: [`name=${word[1]}`] });
    else if (detail && last && indent(line) > last.indent) last.parts.push(`${detail[1].toLowerCase()}=${detail[2]}`);
    else break;
  }
  return options.map((o) => o.parts.join(','));
}

/** `docker info` as printed: the engine's part of it. */
export function parseInfoText(text: string): Info {
  const { lines } = serverLines(text);
  const fields = new Map<string, string>();
  lines.forEach((line) => {
    const match = /^\s*([A-Za-z][\w ]*?):\s*(.*?)\s*$/.exec(line);
    if (match && !fields.has(match[1])) fields.set(match[1], match[2]);
  });
  const field = (key: string) => fields.get(key) || undefined;
  const security = lines.findIndex((l) => /^\s*Security Options:\s*$/.test(l));
  const cpus = field('CPUs');
  const info: Info = {
    Name: field('Name'),
    OperatingSystem: field('Operating System'),
    OSType: field('OSType'),
    KernelVersion: field('Kernel Version'),
    Architecture: field('Architecture'),
    NCPU: cpus === undefined ? undefined : Number(cpus),
    MemTotal: bytes(field('Total Memory') ?? ''),
    ServerVersion: field('Server Version'),
    Driver: field('Storage Driver'),
    DockerRootDir: field('Docker Root Dir'),
    SecurityOptions: security < 0 ? undefined : securityOptions(lines, security),
  };
  return Object.fromEntries(Object.entries(info).filter(([, v]) => v !== undefined)) as Info;
}

/** `docker version` as printed: "Server: <platform>", then one block per component ("Engine", "containerd", ...). */
export function parseVersionText(text: string): Version {
  const { header, lines } = serverLines(text);
  if (header === null) return {};
  const components: Array<{ Name: string; Version?: string; ApiVersion?: string }> = [];
  for (const line of lines) {
    const component = /^ (\S.*):\s*$/.exec(line);
    const detail = /^\s{2,}(Version|API version):\s*(\S+)/.exec(line);
    if (component) components.push({ Name: component[1] });
    else if (detail && components.length > 0) components.at(-1)![detail[1] === 'Version' ? 'Version' : 'ApiVersion'] ??= detail[2];
    else if (line.trim() !== '' && indent(line) === 0) break;
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

/**
 * Whatever was posted: `docker info` and/or `docker version` text, `docker info --format '{{json .}}'`,
 * `docker version --format json`, or a recording holding the API's answers under `info` and `version`.
 */
export function parsePostedOutput(text: string): EngineFacts {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    const json = JSON.parse(trimmed) as Record<string, unknown>;
    if ('info' in json || 'version' in json) return { info: (json.info ?? {}) as Info, version: (json.version ?? {}) as Version };
    if ('Server' in json) return { info: {}, version: (json.Server ?? {}) as Version };
    return { info: json as Info, version: {} };
  }
  return { info: parseInfoText(text), version: parseVersionText(text) };
}
