// `mountbench identify`: its options, the help that teaches them, and its action.
import { readFileSync } from 'node:fs';
import type { Command } from '@commander-js/extra-typings';
import { identifyCommand } from '../commands/identify.js';
import { IDENTIFY_HELP } from './identify-help.js';

export function addIdentifyCommand(program: Command): void {
  program
    .command('identify')
    .description('say what platform a pasted docker info, docker version, podman/colima/limactl/container output or mount lines come from')
    .argument('[files...]', 'files holding the outputs, in any order and mix; - (or none) for standard input')
    .option('--json', 'print JSON, for scripts')
    .addHelpText('after', IDENTIFY_HELP)
    .action((files, opts) => {
      process.exitCode = identifyCommand({ files, json: opts.json ?? false, stdin: () => readFileSync(0, 'utf8') });
    });
}
