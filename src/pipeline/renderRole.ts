import path from 'node:path';
import { shownHash } from '../cache/documentShows.js';
import { intactOutputs } from '../cache/unchanged.js';
import { textAreaOf } from '../compose/styles.js';
import { displayPath } from '../core/paths.js';
import { failOnErrors, type Problem } from '../core/problems.js';
import { renderFitted } from '../fit/fitDocument.js';
import type { Lang } from '../validate/schema/primitives.js';
import type { ExportFormat } from '../export/formats.js';
import { verifyDocument, verifyRenderedText } from '../verify/verifyDocument.js';
import { checkUploadSize } from '../verify/checkUpload.js';
import { roleFileName } from '../write/fileName.js';
import { mainKindOf, type DocumentKind, type Manifest, type ManifestEntry } from '../write/manifest.js';
import { choosePaper, onPaper } from '../tailor/paper.js';
import { creationDate } from './creationDate.js';
import { checkResumeLength } from '../validate/flowLength.js';
import { DOCUMENT_MAKERS, tailoredResume, type DocumentMaker, type MainKind, type RoleContext } from './documents.js';
import { MASTER, themeFor, type Prepared } from './prepare.js';

/** One file a role's build writes: a rendered and verified PDF, or a companion text. */
export interface RenderedFile {
  kind: DocumentKind;
  file: string;
  content: Buffer | string;
  pages?: number;
  /** The role's page budget for the document, if it has one. */
  budget?: number;
  warnings: Problem[];
  ms: number;
  notes?: string[];
}

/** What one kind of document of a role came to, nothing written yet. */
export interface MadeDocument {
  kind: MainKind;
  /** The hash of what it shows (see cache/documentShows.ts); none when the kind made nothing for the role. */
  shows?: string;
  /** Rendered and verified: to be written. */
  rendered: RenderedFile[];
  /** Its model is the one the last build rendered and its files are intact: the manifest's entries stay. */
  kept?: ManifestEntry[];
}

export interface RoleRenderOptions {
  outDir: string;
  lang?: Lang;
  theme?: string;
  strict?: boolean;
  /** Text formats of the resume to write beside its PDF (`build --format`). */
  formats?: readonly ExportFormat[];
  /** Fit every document with a page budget (`build --fit`; see fit/). */
  fit?: boolean;
}

/**
 * Everything the document makers need for one role of the prepared data. The theme is on the
 * role's paper (see choosePaper), so the paper is part of what each document shows (its hash).
 */
export const roleContext = (prepared: Prepared, roleId: string, options: Pick<RoleRenderOptions, 'lang' | 'theme' | 'formats' | 'fit'> = {}): RoleContext => {
  const role = roleId === MASTER ? undefined : prepared.roles.get(roleId);
  const theme = themeFor(prepared, roleId, options.theme);
  return {
    roleId,
    resume: prepared.resume,
    role,
    lang: options.lang,
    theme: onPaper(theme, choosePaper(theme, prepared.resume, role, options.lang).size),
    photo: prepared.photo,
    creationDate: creationDate(prepared.resume),
    projects: prepared.projects,
    application: prepared.applications.get(roleId),
    sources: { resume: prepared.folder.resume, role: prepared.folder.roles.get(roleId) },
    formats: options.formats,
    fit: options.fit,
  };
};

/**
 * compose → render → verify for the given kinds of one role, nothing written yet. A document
 * whose composed model is the one `previous` (the role's last manifest) recorded, with its
 * files intact, is not rendered again. This module imports React-PDF, so the build imports it
 * only when something must be composed.
 */
export async function renderRole(
  prepared: Prepared,
  roleId: string,
  kinds: readonly MainKind[],
  options: RoleRenderOptions,
  previous?: Manifest,
): Promise<MadeDocument[]> {
  const ctx = roleContext(prepared, roleId, options);
  const dir = path.join(options.outDir, roleId);
  // A page budget over which a document spills is the role file's: the problem points at it.
  const roleSource = ctx.role ? prepared.folder.roles.get(roleId) : undefined;
  // tailor → validate before anything is composed: a resume past what the layout can hold in bounded time is refused at its section.
  if (kinds.includes('resume')) failOnErrors(checkResumeLength(tailoredResume(ctx).model, ctx.sources?.resume, roleSource && displayPath(roleSource.file)));
  const made: MadeDocument[] = [];
  for (const kind of kinds) {
    const make: DocumentMaker = DOCUMENT_MAKERS[kind];
    const started = performance.now();
    const doc = make(ctx);
    if (!doc) {
      made.push({ kind, rendered: [] });
      continue;
    }
    const fileName = (kind: DocumentKind, ext = 'pdf') => roleFileName(doc.naming, kind, ext, roleId, ctx.role?.upload);
    const file = path.join(dir, fileName(doc.kind));
    const shows = shownHash(doc, ctx.theme, path.basename(file), options.strict === true);
    const recorded = previous?.shows[kind] === shows ? previous.documents.filter((entry) => mainKindOf(entry.kind) === kind) : undefined;
    if (recorded && intactOutputs(dir, recorded)) {
      // The form's limit may be new: files kept from the last build are held to it too.
      failOnErrors(recorded.flatMap((entry) => checkUploadSize(entry.file, entry.bytes, ctx.role?.upload, roleSource)));
      made.push({ kind, shows, rendered: [], kept: recorded });
      continue;
    }
    // Rendered, and with fit on laid out again in a tightened theme until it fits its budget (fit/fitDocument.ts).
    const fitted = await renderFitted({ doc, theme: ctx.theme, recompose: (theme) => make({ ...ctx, theme })!, file: displayPath(file) });
    const { pdf } = fitted;
    const input = { file: displayPath(file), pdf, outline: doc.outline, drawn: doc.drawn, pageBudget: doc.pageBudget, ats: doc.ats };
    const verified = verifyDocument(input);
    // Read back as a reader does: text extractable, nothing in the side margins, what spilled over the budget.
    const problems = [
      ...fitted.problems,
      ...verified.problems,
      ...verifyRenderedText(input, textAreaOf(fitted.theme)),
      ...checkUploadSize(file, pdf.length, ctx.role?.upload, roleSource),
    ].map((p) => ((p.code === 'page-budget' || p.code === 'fit-impossible') && roleSource ? { ...p, at: roleSource.locate(['pages', doc.kind]) } : p));
    failOnErrors(problems, options.strict);
    const rendered: RenderedFile[] = [
      {
        kind: doc.kind,
        file,
        content: pdf,
        pages: verified.facts.pages,
        budget: doc.pageBudget,
        warnings: problems,
        ms: performance.now() - started,
        notes: fitted.note ? [fitted.note, ...(doc.notes ?? [])] : doc.notes,
      },
    ];
    for (const companion of doc.companions ?? []) {
      rendered.push({
        kind: companion.kind,
        file: path.join(dir, fileName(companion.kind, companion.ext)),
        content: companion.content,
        warnings: [],
        ms: 0,
      });
    }
    made.push({ kind, shows, rendered });
  }
  return made;
}
