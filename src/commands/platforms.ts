// `mountbench platforms`: every Docker endpoint found, whether it answers, and what it is.
import { EXIT } from '../errors.js';
import pc from 'picocolors';
import Table from 'cli-table3';
import { anyLocalImage } from '../docker/images.js';
import { defaultEnvironment, discoverEndpoints, type DiscoveryEnvironment } from '../platforms/discover.js';
import { startHint } from '../platforms/kinds/catalog.js';
import { probeEndpoints, probeFileSharing } from '../platforms/probe.js';
import { mibText } from '../report/format.js';
import type { FileSharing, PlatformIdentity } from '../model/run-document.js';

export interface PlatformsOptions {
  context: string | null;
  json: boolean;
  image: string | null;
}

/** One endpoint as listed: where it was found, whether it answers, what it is and how its bind mounts are shared. */
export interface Listed {
  name: string;
  aliases: string[];
  endpoint: string;
  source: string;
  current: boolean;
  reachable: boolean;
  reason: string | null;
  identity: PlatformIdentity | null;
  note: string | null;
}

/** Every endpoint found, each asked once who it is, and how a bind mount of `hostDir` reaches its containers. */
export async function listPlatforms(de: DiscoveryEnvironment, image: string | null, hostDir: string): Promise<Listed[]> {
  const probed = await probeEndpoints(discoverEndpoints(de));
  const listed: Listed[] = [];
  for (const p of probed) {
    let fileSharing: FileSharing | null = null;
    let note: string | null = null;
    if (p.docker && p.identity) {
      const found = await anyLocalImage(p.docker, image);
      if (found) {
        fileSharing = await probeFileSharing(p.docker, found, hostDir, p.identity.kind).catch((error: Error) => {
          note = `file-sharing probe failed: ${error.message.replace(/^\(HTTP code \d+\) [a-z ]+- /, '').slice(0, 160)}`;
          return null;
        });
      } else {
        note = 'no local image to probe file sharing with (pass --image, or run mountbench run once)';
      }
    }
    listed.push({
      name: p.endpoint.name,
      aliases: p.endpoint.aliases,
      endpoint: p.endpoint.host,
      source: p.endpoint.source,
      current: p.endpoint.current,
      reachable: p.identity !== null,
      reason: p.unreachable,
      identity: p.identity ? { ...p.identity, fileSharing } : null,
      note: p.identity ? note : `to start it: ${startHint(p.endpoint)}`,
    });
  }
  return listed;
}

export async function platformsCommand(options: PlatformsOptions): Promise<number> {
  const listed = await listPlatforms(defaultEnvironment(options.context ?? undefined), options.image, process.cwd());

  if (options.json) {
    process.stdout.write(`${JSON.stringify(listed, null, 2)}\n`);
  } else {
    const table = new Table({
      head: ['', 'Platform', 'Kind', 'Engine', 'VM / kernel', 'CPUs', 'Memory', 'Bind mounts'].map((h) => pc.bold(h)),
      style: { head: [], border: [] },
    });
    for (const l of listed) {
      const name = `${l.name}${l.aliases.length ? pc.dim(` (= ${l.aliases.join(', ')})`) : ''}\n${pc.dim(l.endpoint)}`;
      const marker = l.current ? pc.green('*') : '';
      const id = l.identity;
      if (!id) {
        table.push([marker, name, { colSpan: 6, content: pc.dim(`unreachable: ${l.reason}\n${l.note}`) }]);
        continue;
      }
      const sharing = id.fileSharing ? `${id.fileSharing.mechanism}${id.fileSharing.fstype ? pc.dim(` (${id.fileSharing.fstype})`) : ''}` : pc.dim(l.note ?? 'unknown');
      table.push([marker, name, `${id.kind}\n${pc.dim(id.label)}`, id.engine.version, `${id.engine.os}\n${pc.dim(id.engine.kernel)}`, String(id.engine.cpus), mibText(id.engine.memoryBytes), sharing]);
    }
    process.stdout.write(`${table.toString()}\n${pc.dim('* current platform (what `mountbench run` uses by default)')}\n`);
  }
  return listed.some((l) => l.reachable) ? EXIT.ok : EXIT.cannotRun;
}
