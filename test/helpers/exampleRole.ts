import path from 'node:path';
import { textAreaOf } from '../../src/compose/styles.js';
import type { ComposedDocument } from '../../src/compose/composedDocument.js';
import { roleContext } from '../../src/pipeline/renderRole.js';
import { DOCUMENT_MAKERS, MAIN_KINDS } from '../../src/pipeline/documents.js';
import { prepare, themeFor } from '../../src/pipeline/prepare.js';
import { renderDocument } from '../../src/render/renderDocument.js';
import type { Theme } from '../../src/validate/schema/theme.js';
import type { TextArea } from '../../src/verify/verifyText.js';
import { repoRoot } from './cli.js';

export interface RenderedRole {
  /** The role's resume, portfolio and answers (those it has), in that order. */
  documents: { doc: ComposedDocument; pdf: Buffer }[];
  /** The theme's text area, as the build's verify step gets it. */
  area: TextArea;
  theme: Theme;
}

/** The example data's documents for one role, composed and rendered in this process (no CLI, nothing written). */
export async function renderExampleRole(roleId: string): Promise<RenderedRole> {
  const prepared = prepare({ dataDir: path.join(repoRoot, 'data'), roles: [roleId] });
  const theme = themeFor(prepared, roleId);
  const ctx = roleContext(prepared, roleId);
  const documents: RenderedRole['documents'] = [];
  for (const kind of MAIN_KINDS) {
    const doc = DOCUMENT_MAKERS[kind](ctx);
    if (doc) documents.push({ doc, pdf: await renderDocument(doc) });
  }
  return { documents, area: textAreaOf(theme), theme };
}
