import path from 'node:path';
import { recordedInputs, resolvedInputs, settingsHash, type InputSettings } from '../cache/documentInputs.js';
import { statesOnce, unchangedRole } from '../cache/unchanged.js';
import type { Problem } from '../core/problems.js';
import { InputLog, readingInto, type InputRecord } from '../load/inputLog.js';
import type { Lang } from '../validate/schema/primitives.js';
import type { ExportFormat } from '../export/formats.js';
import { checkOutputFolders } from '../write/outputFolder.js';
import {
  MAIN_DOCUMENT_KINDS,
  manifestEntry,
  readManifest,
  removeStale,
  writeManifest,
  type DocumentKind,
  type Manifest,
  type ManifestEntry,
} from '../write/manifest.js';
import { writeAtomic } from '../write/writeAtomic.js';
import type { MainKind } from './documents.js';
import type { PrepareOptions } from './prepare.js';

export interface BuildOptions extends PrepareOptions {
  outDir: string;
  lang?: Lang;
  /** Render even the documents whose inputs are unchanged. */
  force?: boolean;
  /** Text formats of the resume to write beside its PDF, for every role built (`--format`). */
  formats?: readonly ExportFormat[];
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
  /** Not rendered: its inputs, or what it shows, and its file are as the manifest recorded them (the build cache). */
  unchanged?: boolean;
}

export interface BuildEvents {
  /** Warnings from the data, once, before anything renders (not called when nothing renders). */
  onWarnings?(warnings: Problem[]): void;
  onDocument?(doc: BuiltDocument): void;
  /** What the build read (absolute paths), also when it failed on bad input: what watch watches. */
  onInputs?(read: InputRecord[]): void;
  /** Old outputs removed after a role's files were written: the previous manifest listed them, this build no longer writes them. */
  onRemoved?(files: string[]): void;
}

// The manifest's kinds are the document makers' kinds (checked by the compiler).
const KINDS: readonly MainKind[] = MAIN_DOCUMENT_KINDS;
const sameKinds: [MainKind] extends [(typeof MAIN_DOCUMENT_KINDS)[number]] ? true : never = true;
void sameKinds;

/**
 * The whole pipeline for a set of roles: load → validate → tailor → compose → render → verify
 * → write. A role whose settings and every input its last build read are unchanged, with its
 * files intact, is neither loaded nor rendered (unless `force`): when all are, the renderer is
 * not even imported. Otherwise every role is composed, and a document is rendered only if what
 * it shows changed. Nothing is written unless every role's documents are valid, rendered and
 * verified; a build that writes removes the files its role's previous manifest listed and it no
 * longer writes.
 */
export async function build(options: BuildOptions, events: BuildEvents = {}): Promise<BuiltDocument[]> {
  const settings: InputSettings = {
    dataDir: path.resolve(options.dataDir),
    lang: options.lang,
    theme: options.theme,
    strict: options.strict,
    assetsDir: options.assetsDir,
    formats: options.formats,
  };
  const roleDir = (roleId: string) => path.join(options.outDir, roleId);
  const built: BuiltDocument[] = [];
  const report = (doc: BuiltDocument) => {
    built.push(doc);
    events.onDocument?.(doc);
  };
  const stateOf = statesOnce();
  const unchanged = options.force ? [] : options.roles.map((roleId) => unchangedRole(roleDir(roleId), roleId, settings, stateOf));
  if (unchanged.length > 0 && unchanged.every((manifest) => manifest !== undefined)) {
    events.onInputs?.(unchanged.flatMap((manifest) => resolvedInputs(settings.dataDir, manifest.inputs.read)));
    for (const manifest of unchanged) for (const entry of manifest.documents) report(fromManifest(manifest.role, roleDir(manifest.role), entry));
    return built;
  }

  checkOutputFolders(options.outDir, options.roles.map(roleDir));
  const [{ prepare }, { renderRole }] = await Promise.all([import('./prepare.js'), import('./renderRole.js')]);
  const log = new InputLog();
  let prepared: Awaited<ReturnType<typeof prepare>>;
  try {
    // Read once, before anything renders: a file saved during the render makes the next build load again.
    prepared = readingInto(log, () => prepare(options));
  } finally {
    events.onInputs?.(log.list());
  }
  events.onWarnings?.(prepared.warnings);
  const inputs = { read: recordedInputs(settings.dataDir, log.list()) };
  // Every role is composed, rendered and verified before the first file is written: a role that
  // fails (an error, or a warning under --strict) leaves every output folder as it was.
  const roles = [];
  for (const roleId of options.roles) {
    const previous = options.force ? undefined : readManifest(roleDir(roleId));
    roles.push({ roleId, previous, made: await renderRole(prepared, roleId, KINDS, options, previous?.role === roleId ? previous : undefined) });
  }
  for (const { roleId, previous, made } of roles) {
    const dir = roleDir(roleId);
    const manifest: Manifest = { role: roleId, documents: [], inputs: { settings: settingsHash(settings, roleId), ...inputs }, shows: {} };
    for (const document of made) {
      if (document.shows) manifest.shows[document.kind] = document.shows;
      for (const entry of document.kept ?? []) {
        manifest.documents.push(entry);
        report(fromManifest(roleId, dir, entry));
      }
      for (const r of document.rendered) {
        writeAtomic(options.outDir, r.file, r.content);
        manifest.documents.push(manifestEntry(r.kind, r.file, r.content, r.pages, r.warnings));
        report({ roleId, kind: r.kind, file: r.file, pages: r.pages, bytes: Buffer.byteLength(r.content), ms: r.ms, warnings: r.warnings, notes: r.notes });
      }
    }
    writeManifest(options.outDir, dir, manifest);
    const removed = removeStale(options.outDir, dir, previous, manifest.documents);
    if (removed.length > 0) events.onRemoved?.(removed);
  }
  return built;
}

/** A document the manifest lists, reported as built without rendering it. */
const fromManifest = (roleId: string, dir: string, entry: ManifestEntry): BuiltDocument => ({
  roleId,
  kind: entry.kind,
  file: path.join(dir, entry.file),
  pages: entry.pages,
  bytes: entry.bytes,
  ms: 0,
  warnings: entry.warnings.map((message) => ({ severity: 'warning', code: 'recorded', message })),
  unchanged: true,
});
