// `mountbench platforms`: every Docker endpoint found, whether it answers, and what it is.
import { EXIT } from '../errors.js';
import pc from 'picocolors';
import Table from 'cli-table3';
import { defaultEnvironment } from '../platforms/discover.js';
import { listPlatforms } from '../platforms/list.js';
import { mibText } from '../report/format.js';

export interface PlatformsOptions {
  context: string | null;
  json: boolean;
  image: string | null;
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
      const sharing = id.fileSharing
        ? `${id.fileSharing.mechanism}${id.fileSharing.fstype ? pc.dim(` (${id.fileSharing.fstype})`) : ''}`
        : l.notShared ? pc.yellow('this directory is\nnot shared (below)') : pc.dim(l.note ?? 'unknown');
      table.push([marker, name, `${id.kind}\n${pc.dim(id.label)}`, id.engine.version, `${id.engine.os}\n${pc.dim(id.engine.kernel)}`, String(id.engine.cpus), mibText(id.engine.memoryBytes), sharing]);
    }
    process.stdout.write(`${table.toString()}\n${pc.dim('* current platform (what `mountbench run` uses by default)')}\n`);
    // Too long for a cell: what a VM does not share, and what to do, in full.
    for (const l of listed.filter((l) => l.notShared)) process.stdout.write(`\n${pc.yellow(`${l.name}:`)} ${l.note}\n`);
  }
  return listed.some((l) => l.reachable) ? EXIT.ok : EXIT.cannotRun;
}
