// `docker info` as printed (text): the engine's part of it, back into the fields of GET /info that recognition
// reads. The client's part (plugins, context) comes before "Server:" and is left alone.
import type { Info, Piece } from './evidence.js';

const UNITS: Record<string, number> = { B: 1, KiB: 2 ** 10, MiB: 2 ** 20, GiB: 2 ** 30, TiB: 2 ** 40 };

/** "7.735GiB" → bytes, as docker prints MemTotal (binary units). */
function bytes(text: string): number | undefined {
  const match = /^([\d.]+)\s*(B|KiB|MiB|GiB|TiB)$/.exec(text);
  return match ? Math.round(Number(match[1]) * UNITS[match[2]]) : undefined;
}

export const indent = (line: string) => line.length - line.trimStart().length;

/** The lines after "Server:" when the text has one (the client's plugins and versions come before), else all. */
export function serverLines(text: string): { header: string | null; lines: string[] } {
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

// Fields only `docker info` prints: a text with none of them is not one.
const SIGNS = ['Server Version', 'Operating System', 'Kernel Version', 'Docker Root Dir', 'Storage Driver'];

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
    ProductLicense: field('Product License'),
    SecurityOptions: security < 0 ? undefined : securityOptions(lines, security),
  };
  return Object.fromEntries(Object.entries(info).filter(([, v]) => v !== undefined)) as Info;
}

/** The client's context ("Client:" then " Context: colima"): the endpoint's own name, as docker info and docker
 * version both print it. */
export function clientContext(text: string): string | undefined {
  const lines = text.replace(/\r/g, '').split('\n');
  const server = lines.findIndex((l) => /^Server:/.test(l));
  return lines.slice(0, server < 0 ? lines.length : server).map((l) => /^\s+Context:\s+(\S+)/.exec(l)?.[1]).find(Boolean);
}

export function dockerInfoText(text: string): Piece[] {
  const { lines } = serverLines(text);
  if (!lines.some((l) => SIGNS.some((sign) => new RegExp(`^\\s*${sign}:`).test(l)))) return [];
  const context = clientContext(text);
  return [{ format: 'docker info (text)', info: parseInfoText(text), ...(context ? { endpoint: { name: context } } : {}) }];
}
