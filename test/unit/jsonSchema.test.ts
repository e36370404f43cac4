import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { repoRoot, runCliInProcess, tempDir } from '../helpers/cli.js';

/** The committed schema/*.json files (editors read them) are exactly what the zod schemas generate. */
test('schema/ is up to date with the zod schemas (run `npx careerpdf schema` after changing them)', async () => {
  const out = tempDir();
  const run = await runCliInProcess(['schema', '--out', out]);
  expect(run.code, run.stderr).toBe(0);
  const generated = fs.readdirSync(out).sort();
  expect(generated).toEqual(['answers.schema.json', 'resume.schema.json', 'role.schema.json', 'theme.schema.json']);
  for (const file of generated) expect(fs.readFileSync(path.join(out, file), 'utf8'), file).toBe(fs.readFileSync(path.join(repoRoot, 'schema', file), 'utf8'));
});
