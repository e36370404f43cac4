import * as z from 'zod';
import { answerBlocksSchema } from './schema/application.js';
import { resumeSchema } from './schema/resume.js';
import { roleSchema } from './schema/role.js';
import { themeSchema } from './schema/theme.js';

const SCHEMAS = { resume: resumeSchema, role: roleSchema, theme: themeSchema, answers: answerBlocksSchema };

/**
 * The JSON Schema files an editor reads (`# yaml-language-server: $schema=...`), generated from
 * the zod schemas that validate the files: `<name>.schema.json` → its text. `io: input`
 * describes what the user writes (defaults optional), not what validation returns.
 */
export function jsonSchemaFiles(): { file: string; text: string }[] {
  return Object.entries(SCHEMAS).map(([name, schema]) => {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
    return { file: `${name}.schema.json`, text: `${JSON.stringify({ ...json, title: `careerpdf ${name}` }, null, 2)}\n` };
  });
}
