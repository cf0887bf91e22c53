// `mountbench platforms`: its options and its action.
import type { Command } from '@commander-js/extra-typings';
import { platformsCommand } from '../commands/platforms.js';
import { contextOption } from './options.js';

export function addPlatformsCommand(program: Command): void {
  program
    .command('platforms')
    .description('list the Docker endpoints found (contexts, DOCKER_HOST, well-known sockets), whether they answer, and what they are')
    .option('--json', 'print JSON instead of a table')
    .option('--image <ref>', 'local image for the file-sharing probe (default: the first of the default images found locally)')
    .addOption(contextOption())
    .action(async (opts) => {
      process.exitCode = await platformsCommand({ context: opts.context ?? null, json: opts.json ?? false, image: opts.image ?? null });
    });
}
