import path from 'node:path';
import { displayPath } from '../core/paths.js';
import { failOnErrors, type Problem } from '../core/problems.js';
import { renderPdf } from '../render/renderPdf.js';
import { FOOTER_HEIGHT } from '../compose/styles.js';
import { verifyDocument, verifyRenderedText } from '../verify/verifyDocument.js';
import { documentFileName } from '../write/fileName.js';
import type { DocumentKind } from '../write/manifest.js';
import { creationDate } from './creationDate.js';
import { DOCUMENT_MAKERS, type DocumentMaker, type MainKind, type RoleContext } from './documents.js';
import { MASTER, themeFor, type Prepared } from './prepare.js';
import type { Lang } from '../validate/schema/primitives.js';

/** One file a role's build writes: a rendered and verified PDF, or a companion text. */
export interface RenderedFile {
  kind: DocumentKind;
  file: string;
  content: Buffer | string;
  pages?: number;
  warnings: Problem[];
  ms: number;
  notes?: string[];
}

export interface RoleRenderOptions {
  outDir: string;
  lang?: Lang;
  theme?: string;
  strict?: boolean;
}

/**
 * compose → render → verify for the given kinds of one role, nothing written yet. This module
 * imports React-PDF, so the build imports it only when something must be rendered.
 */
export async function renderRole(prepared: Prepared, roleId: string, kinds: readonly MainKind[], options: RoleRenderOptions): Promise<RenderedFile[]> {
  const ctx: RoleContext = {
    roleId,
    resume: prepared.resume,
    role: roleId === MASTER ? undefined : prepared.roles.get(roleId),
    lang: options.lang,
    theme: themeFor(prepared, roleId, options.theme),
    photo: prepared.photo,
    creationDate: creationDate(prepared.resume),
    projects: prepared.projects,
    application: prepared.applications.get(roleId),
    sources: { resume: prepared.folder.resume, role: prepared.folder.roles.get(roleId) },
  };
  const dir = path.join(options.outDir, roleId);
  const files: RenderedFile[] = [];
  for (const kind of kinds) {
    const make: DocumentMaker = DOCUMENT_MAKERS[kind];
    const started = performance.now();
    const doc = await make(ctx);
    if (!doc) continue;
    const pdf = doc.pdf ?? (await renderPdf(doc.element));
    const file = path.join(dir, documentFileName({ ...doc.naming, kind: doc.kind }));
    const input = { file: displayPath(file), pdf, content: doc.content, pageBudget: doc.pageBudget };
    const verified = verifyDocument(input);
    // Read back as a reader does: text extractable, nothing in the side margins, what spilled over the budget.
    const problems = [...verified.problems, ...verifyRenderedText(input, { margin: ctx.theme.page.margin, footer: FOOTER_HEIGHT })];
    failOnErrors(problems, options.strict);
    files.push({ kind: doc.kind, file, content: pdf, pages: verified.facts.pages, warnings: problems, ms: performance.now() - started, notes: doc.notes });
    for (const companion of doc.companions ?? []) {
      files.push({ kind: companion.kind, file: path.join(dir, documentFileName({ ...doc.naming, kind: companion.kind }, companion.ext)), content: companion.content, warnings: [], ms: 0 });
    }
  }
  return files;
}
