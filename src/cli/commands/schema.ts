import path from 'node:path';
import { jsonSchemaFiles } from '../../validate/jsonSchemas.js';
import { writeAtomic } from '../../write/writeAtomic.js';

/** `careerpdf schema`: writes the JSON Schema files for editors (see validate/jsonSchemas.ts). */
export async function schemaCommand(flags: { out: string }): Promise<void> {
  for (const { file, text } of jsonSchemaFiles()) {
    const target = path.join(flags.out, file);
    writeAtomic(flags.out, target, text);
    process.stdout.write(`${target}\n`);
  }
}
