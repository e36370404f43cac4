import path from 'node:path';
import { z } from 'zod';
import { answerBlocksSchema } from '../../validate/schema/application.js';
import { resumeSchema } from '../../validate/schema/resume.js';
import { roleSchema } from '../../validate/schema/role.js';
import { themeSchema } from '../../validate/schema/theme.js';
import { writeAtomic } from '../../write/writeAtomic.js';

const SCHEMAS = { resume: resumeSchema, role: roleSchema, theme: themeSchema, answers: answerBlocksSchema };

/**
 * `careerpdf schema`: writes JSON Schema files generated from the zod schemas, for editors
 * (`# yaml-language-server: $schema=...`). `io: input` describes what the user writes
 * (defaults optional), not what validation returns.
 */
export async function schemaCommand(flags: { out: string }): Promise<void> {
  for (const [name, schema] of Object.entries(SCHEMAS)) {
    const file = path.join(flags.out, `${name}.schema.json`);
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
    writeAtomic(flags.out, file, JSON.stringify({ ...json, title: `careerpdf ${name}` }, null, 2) + '\n');
    process.stdout.write(`${file}\n`);
  }
}
