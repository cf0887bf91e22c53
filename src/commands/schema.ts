// `mountbench schema`: the JSON Schema of run.json, for tools that read run documents.
import { EXIT } from '../errors.js';
import { runDocumentJsonSchema } from '../model/run-document.js';

export function schemaCommand(): number {
  process.stdout.write(`${JSON.stringify(runDocumentJsonSchema(), null, 2)}\n`);
  return EXIT.ok;
}
