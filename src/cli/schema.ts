// `mountbench schema`: its wiring.
import type { Command } from '@commander-js/extra-typings';
import { schemaCommand } from '../commands/schema.js';

export function addSchemaCommand(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of run.json')
    .action(() => {
      process.exitCode = schemaCommand();
    });
}
