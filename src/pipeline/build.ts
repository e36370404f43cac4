import path from 'node:path';
import { failOnErrors, type Problem } from '../core/problems.js';
import { displayPath } from '../core/paths.js';
import { renderPdf } from '../render/renderPdf.js';
import type { Lang } from '../validate/schema/primitives.js';
import { verifyDocument } from '../verify/verifyDocument.js';
import { documentFileName } from '../write/fileName.js';
import { keptFromManifest, manifestEntry, writeManifest, type DocumentKind, type ManifestEntry } from '../write/manifest.js';
import { writeAtomic } from '../write/writeAtomic.js';
import { creationDate } from './creationDate.js';
import { DOCUMENT_MAKERS, MAIN_KINDS, type DocumentMaker, type MainKind, type RoleContext } from './documents.js';
import { MASTER, prepare, themeFor, type PrepareOptions } from './prepare.js';

export interface BuildOptions extends PrepareOptions {
  outDir: string;
  lang?: Lang;
  /** Only these documents (watch mode rebuilds what a save touched); the manifest keeps the others. */
  kinds?: MainKind[];
}

export interface BuiltDocument {
  roleId: string;
  kind: DocumentKind;
  file: string;
  pages?: number;
  bytes: number;
  ms: number;
  warnings: Problem[];
  /** What the maker wants said under the file's line (see ComposedDocument.notes). */
  notes?: string[];
}

export interface BuildEvents {
  /** Warnings from the data, once, before anything renders. */
  onWarnings?(warnings: Problem[]): void;
  onDocument?(doc: BuiltDocument): void;
}

/**
 * The whole pipeline for a set of roles: load → validate → tailor → compose → render → verify
 * → write. Nothing is written unless the data is valid; each role's documents are all rendered
 * and verified before the first of them is written.
 */
export async function build(options: BuildOptions, events: BuildEvents = {}): Promise<BuiltDocument[]> {
  const prepared = prepare(options);
  events.onWarnings?.(prepared.warnings);
  const built: BuiltDocument[] = [];
  for (const roleId of options.roles) {
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
    };
    const dir = path.join(options.outDir, roleId);
    const rendered = [];
    for (const kind of MAIN_KINDS) {
      if (options.kinds && !options.kinds.includes(kind)) continue;
      const make: DocumentMaker = DOCUMENT_MAKERS[kind];
      const started = performance.now();
      const doc = await make(ctx);
      if (!doc) continue;
      const pdf = doc.pdf ?? (await renderPdf(doc.element));
      const file = path.join(dir, documentFileName({ ...doc.naming, kind: doc.kind }));
      const verified = verifyDocument({ file: displayPath(file), pdf, content: doc.content, pageBudget: doc.pageBudget });
      failOnErrors(verified.problems, options.strict);
      rendered.push({ doc, pdf, file, pages: verified.facts.pages, warnings: verified.problems, ms: performance.now() - started });
    }
    const manifest: ManifestEntry[] = [];
    for (const r of rendered) {
      writeAtomic(r.file, r.pdf);
      manifest.push(manifestEntry(r.doc.kind, r.file, r.pdf, r.pages, r.warnings));
      const result: BuiltDocument = { roleId, kind: r.doc.kind, file: r.file, pages: r.pages, bytes: r.pdf.length, ms: r.ms, warnings: r.warnings, notes: r.doc.notes };
      built.push(result);
      events.onDocument?.(result);
      for (const companion of r.doc.companions ?? []) {
        const file = path.join(dir, documentFileName({ ...r.doc.naming, kind: companion.kind }, companion.ext));
        writeAtomic(file, companion.content);
        manifest.push(manifestEntry(companion.kind, file, companion.content, undefined, []));
        const written: BuiltDocument = { roleId, kind: companion.kind, file, bytes: Buffer.byteLength(companion.content), ms: 0, warnings: [] };
        built.push(written);
        events.onDocument?.(written);
      }
    }
    writeManifest(dir, roleId, options.kinds ? [...keptFromManifest(dir, manifest), ...manifest] : manifest);
  }
  return built;
}
