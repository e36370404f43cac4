import path from 'node:path';
import { failOnErrors, type Problem } from '../core/problems.js';
import { displayPath } from '../core/paths.js';
import { renderPdf } from '../render/renderPdf.js';
import type { Lang } from '../validate/schema/primitives.js';
import { verifyDocument } from '../verify/verifyDocument.js';
import { documentFileName } from '../write/fileName.js';
import { manifestEntry, writeManifest, type DocumentKind, type ManifestEntry } from '../write/manifest.js';
import { writeAtomic } from '../write/writeAtomic.js';
import { creationDate } from './creationDate.js';
import { DOCUMENT_MAKERS, type RoleContext } from './documents.js';
import { MASTER, prepare, themeFor, type PrepareOptions } from './prepare.js';

export interface BuildOptions extends PrepareOptions {
  outDir: string;
  lang?: Lang;
}

export interface BuiltDocument {
  roleId: string;
  kind: DocumentKind;
  file: string;
  pages?: number;
  bytes: number;
  ms: number;
  warnings: Problem[];
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
      dataDir: prepared.folder.dir,
      creationDate: creationDate(prepared.resume),
      projects: prepared.projects,
    };
    const dir = path.join(options.outDir, roleId);
    const rendered = [];
    for (const make of DOCUMENT_MAKERS) {
      const started = performance.now();
      const doc = await make(ctx);
      if (!doc) continue;
      const pdf = await renderPdf(doc.element);
      const file = path.join(dir, documentFileName({ ...doc.naming, kind: doc.kind }));
      const verified = verifyDocument({ file: displayPath(file), pdf, content: doc.content, pageBudget: doc.pageBudget });
      failOnErrors(verified.problems, options.strict);
      rendered.push({ doc, pdf, file, pages: verified.facts.pages, warnings: verified.problems, ms: performance.now() - started });
    }
    const manifest: ManifestEntry[] = [];
    for (const r of rendered) {
      writeAtomic(r.file, r.pdf);
      manifest.push(manifestEntry(r.doc.kind, r.file, r.pdf, r.pages, r.warnings));
      const result: BuiltDocument = { roleId, kind: r.doc.kind, file: r.file, pages: r.pages, bytes: r.pdf.length, ms: r.ms, warnings: r.warnings };
      built.push(result);
      events.onDocument?.(result);
    }
    writeManifest(dir, roleId, manifest);
  }
  return built;
}
