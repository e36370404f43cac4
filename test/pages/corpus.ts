import fs from 'node:fs';
import path from 'node:path';
import type { ComposedDocument } from '../../src/compose/composedDocument.js';
import { textAreaOf } from '../../src/compose/styles.js';
import { roleContext } from '../../src/pipeline/renderRole.js';
import { DOCUMENT_MAKERS, type RoleContext } from '../../src/pipeline/documents.js';
import { prepare, themeFor } from '../../src/pipeline/prepare.js';
import { renderDocument } from '../../src/render/renderDocument.js';
import type { TextArea } from '../../src/verify/verifyText.js';
import { repoRoot } from '../helpers/cli.js';

export const THEMES = ['classic', 'compact', 'modern'] as const;
export const PEOPLE_DIR = path.join(repoRoot, 'test', 'fixtures', 'people');

/** Every role of every person of the corpus: `person/role`. */
export function corpusRoles(): { person: string; role: string }[] {
  return fs
    .readdirSync(PEOPLE_DIR)
    .sort()
    .flatMap((person) =>
      fs
        .readdirSync(path.join(PEOPLE_DIR, person, 'roles'))
        .sort()
        .map((file) => ({ person, role: path.basename(file, '.yaml') })),
    );
}

/** One corpus role's resume in a theme, composed and rendered in this process. */
export const renderCorpusResume = (person: string, roleId: string, themeName: string) => renderResume(path.join(PEOPLE_DIR, person), roleId, themeName);

/** A data folder's resume for a role in a theme, composed and rendered in this process. */
export async function renderResume(
  dataDir: string,
  roleId: string,
  themeName: string,
): Promise<{ doc: ComposedDocument; pdf: Buffer; area: TextArea; ctx: RoleContext }> {
  const prepared = prepare({ dataDir, roles: [roleId], theme: themeName });
  const theme = themeFor(prepared, roleId, themeName);
  const ctx = roleContext(prepared, roleId, { theme: themeName });
  const doc = DOCUMENT_MAKERS.resume(ctx)!;
  return { doc, pdf: await renderDocument(doc), area: textAreaOf(theme), ctx };
}
