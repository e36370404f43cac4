import path from 'node:path';
import { textAreaOf } from '../../src/compose/styles.js';
import type { ComposedDocument } from '../../src/compose/composedDocument.js';
import { roleContext } from '../../src/pipeline/renderRole.js';
import { DOCUMENT_MAKERS, MAIN_KINDS, type MainKind } from '../../src/pipeline/documents.js';
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

/**
 * The example data's documents for one role, composed and rendered in this process (no CLI,
 * nothing written); `theme` overrides the role's, `dataDir` renders another data folder, `kinds` only those documents.
 */
export async function renderExampleRole(
  roleId: string,
  options: { theme?: string; dataDir?: string; kinds?: readonly MainKind[] } = {},
): Promise<RenderedRole> {
  const prepared = prepare({ dataDir: options.dataDir ?? path.join(repoRoot, 'data'), roles: [roleId], theme: options.theme });
  const theme = themeFor(prepared, roleId, options.theme);
  const ctx = roleContext(prepared, roleId, { theme: options.theme });
  const documents: RenderedRole['documents'] = [];
  for (const kind of options.kinds ?? MAIN_KINDS) {
    const doc = DOCUMENT_MAKERS[kind](ctx);
    if (doc) documents.push({ doc, pdf: await renderDocument(doc) });
  }
  return { documents, area: textAreaOf(theme), theme };
}
