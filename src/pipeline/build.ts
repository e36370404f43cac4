import path from 'node:path';
import { CACHED_KINDS, inputHash, recordedPaths, type CachedKind, type InputSettings } from '../cache/documentInputs.js';
import { unchangedDocuments } from '../cache/unchanged.js';
import type { Problem } from '../core/problems.js';
import type { Lang } from '../validate/schema/primitives.js';
import { checkOutputFolders } from '../write/outputFolder.js';
import { keptFromManifest, mainKindOf, manifestEntry, readManifest, removeStale, writeManifest, type DocumentKind, type ManifestEntry, type ManifestInputs, type RecordedInputs } from '../write/manifest.js';
import { writeAtomic } from '../write/writeAtomic.js';
import type { MainKind } from './documents.js';
import type { PrepareOptions } from './prepare.js';

export interface BuildOptions extends PrepareOptions {
  outDir: string;
  lang?: Lang;
  /** Only these documents (watch mode rebuilds what a save touched); the manifest keeps the others. */
  kinds?: MainKind[];
  /** Render even the documents whose inputs are unchanged. */
  force?: boolean;
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
  /** Not rendered: its inputs and its file are as the manifest recorded them (the build cache). */
  unchanged?: boolean;
}

export interface BuildEvents {
  /** Once some document must be rendered, before the renderer is loaded and anything reported. */
  beforeRender?(): Promise<void>;
  /** Warnings from the data, once, before anything renders (not called when nothing renders). */
  onWarnings?(warnings: Problem[]): void;
  onDocument?(doc: BuiltDocument): void;
}

// The cache's kinds are the document makers' kinds, in the same order (checked by the compiler).
const KINDS: readonly MainKind[] = CACHED_KINDS satisfies readonly MainKind[];
const sameKinds: [MainKind] extends [CachedKind] ? true : never = true;
void sameKinds;

/**
 * The whole pipeline for a set of roles: load → validate → tailor → compose → render → verify
 * → write. A document whose inputs are unchanged since the manifest recorded them is not
 * rendered again (unless `force`); when every document is unchanged the data is not even loaded
 * and the renderer not imported. Nothing is written unless the data is valid; each role's
 * documents are all rendered and verified before the first of them is written.
 */
export async function build(options: BuildOptions, events: BuildEvents = {}): Promise<BuiltDocument[]> {
  const settings: InputSettings = { dataDir: path.resolve(options.dataDir), lang: options.lang, theme: options.theme, strict: options.strict, assetsDir: options.assetsDir };
  const wanted = options.kinds ? KINDS.filter((kind) => options.kinds!.includes(kind)) : KINDS;
  const roleDir = (roleId: string) => path.join(options.outDir, roleId);
  const unchanged = new Map(options.roles.map((roleId) => [roleId, options.force ? new Map<CachedKind, ManifestEntry[]>() : unchangedDocuments(roleDir(roleId), roleId, wanted, settings)]));
  const built: BuiltDocument[] = [];
  const report = (doc: BuiltDocument) => {
    built.push(doc);
    events.onDocument?.(doc);
  };
  if (options.roles.every((roleId) => unchanged.get(roleId)!.size === wanted.length)) {
    for (const roleId of options.roles) for (const kind of wanted) for (const entry of unchanged.get(roleId)!.get(kind)!) report(fromManifest(roleId, roleDir(roleId), entry));
    return built;
  }

  checkOutputFolders(options.outDir, options.roles.map(roleDir));
  await events.beforeRender?.();
  const [{ prepare }, { renderRole }, { builtFrom }] = await Promise.all([import('./prepare.js'), import('./renderRole.js'), import('../cache/builtFrom.js')]);
  const prepared = prepare(options);
  events.onWarnings?.(prepared.warnings);
  for (const roleId of options.roles) {
    const cached = unchanged.get(roleId)!;
    const dir = roleDir(roleId);
    // Hashed before rendering: a file saved during the render makes the next build render again.
    const inputs: ManifestInputs = Object.fromEntries(wanted.map((kind) => [kind, recordInputs(settings, roleId, kind, builtFrom(prepared, roleId, kind, settings.theme))]));
    const rendered = await renderRole(prepared, roleId, wanted.filter((kind) => !cached.has(kind)), options);
    const manifest: ManifestEntry[] = [];
    const previous = readManifest(dir);
    for (const kind of wanted) {
      const entries = cached.get(kind);
      if (entries) {
        manifest.push(...entries);
        for (const entry of entries) report(fromManifest(roleId, dir, entry));
      }
      for (const r of rendered.filter((file) => mainKindOf(file.kind) === kind)) {
        writeAtomic(options.outDir, r.file, r.content);
        manifest.push(manifestEntry(r.kind, r.file, r.content, r.pages, r.warnings));
        report({ roleId, kind: r.kind, file: r.file, pages: r.pages, bytes: Buffer.byteLength(r.content), ms: r.ms, warnings: r.warnings, notes: r.notes });
      }
    }
    const kept = options.kinds ? keptFromManifest(dir, wanted) : { documents: [], inputs: {} };
    const documents = [...kept.documents, ...manifest];
    writeManifest(options.outDir, dir, roleId, documents, { ...kept.inputs, ...inputs });
    removeStale(options.outDir, dir, previous, documents);
  }
  return built;
}

const recordInputs = (settings: InputSettings, roleId: string, kind: CachedKind, files: string[]): RecordedInputs => ({
  hash: inputHash(settings, roleId, kind, files),
  files: recordedPaths(settings.dataDir, files),
});

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
