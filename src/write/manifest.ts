import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Problem } from '../core/problems.js';
import { formatLocation } from '../core/problems.js';
import { writeAtomic } from './writeAtomic.js';

const KIND_ORDER = ['resume', 'portfolio', 'answers', 'answers-text'] as const;
export type DocumentKind = (typeof KIND_ORDER)[number];

export interface ManifestEntry {
  kind: DocumentKind;
  file: string;
  pages?: number;
  bytes: number;
  sha256: string;
  warnings: string[];
}

export const sha256 = (bytes: Buffer | string): string => crypto.createHash('sha256').update(bytes).digest('hex');

export function manifestEntry(kind: DocumentKind, file: string, bytes: Buffer | string, pages: number | undefined, warnings: Problem[]): ManifestEntry {
  return { kind, file: path.basename(file), ...(pages !== undefined ? { pages } : {}), bytes: Buffer.byteLength(bytes), sha256: sha256(bytes), warnings: warnings.map((w) => [formatLocation(w.at), w.message].filter(Boolean).join(' ')) };
}

/** What a document was built from, for the build cache (src/cache): the hash and the files it read. */
export interface RecordedInputs {
  hash: string;
  /** Relative to the data folder. */
  files: string[];
  /** The hash of what the document showed (cache/documentShows.ts): same model, same bytes. */
  shows?: string;
}

/** Main document kind → its recorded inputs; a kind listed without documents made nothing for the role. */
export type ManifestInputs = Partial<Record<'resume' | 'portfolio' | 'answers', RecordedInputs>>;

export interface Manifest {
  role: string;
  documents: ManifestEntry[];
  inputs: ManifestInputs;
}

/** The manifest of an output folder, or undefined when there is none or it cannot be read. */
export function readManifest(dir: string): Manifest | undefined {
  try {
    const read = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Partial<Manifest>;
    return { role: read.role ?? '', documents: read.documents ?? [], inputs: read.inputs ?? {} };
  } catch {
    return undefined;
  }
}

/** The main document a file belongs to: the answers text is made with the answers. */
export const mainKindOf = (kind: DocumentKind): keyof ManifestInputs => (kind === 'answers-text' ? 'answers' : kind);

/**
 * What a partial rebuild keeps of the existing manifest: the documents of the kinds it did not
 * rebuild whose files are still there, and those kinds' inputs.
 */
export function keptFromManifest(dir: string, rebuiltKinds: readonly (keyof ManifestInputs)[]): Pick<Manifest, 'documents' | 'inputs'> {
  const old = readManifest(dir);
  if (!old) return { documents: [], inputs: {} };
  const kept = (kind: DocumentKind) => !rebuiltKinds.includes(mainKindOf(kind));
  return {
    documents: old.documents.filter((e) => kept(e.kind) && fs.existsSync(path.join(dir, e.file))),
    inputs: Object.fromEntries(Object.entries(old.inputs).filter(([kind]) => kept(kind as DocumentKind))),
  };
}

/** `out/<role>/manifest.json`: what was built, without timestamps so that rebuilds are identical. */
export function writeManifest(dir: string, role: string, documents: ManifestEntry[], inputs: ManifestInputs): string {
  const file = path.join(dir, 'manifest.json');
  const ordered = [...documents].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
  const orderedInputs = Object.fromEntries(KIND_ORDER.flatMap((kind) => (kind in inputs ? [[kind, inputs[kind as keyof ManifestInputs]]] : [])));
  writeAtomic(file, JSON.stringify({ role, documents: ordered, inputs: orderedInputs }, null, 2) + '\n');
  return file;
}

/**
 * After a build: the files the previous manifest listed that the new one does not (a name that
 * changed with the language or the target) are removed — only plain files directly in the role's
 * folder, whatever a manifest says, and never any file the manifest did not list.
 */
export function removeStaleOutputs(dir: string, previous: Manifest, current: readonly ManifestEntry[]): void {
  const written = new Set(current.map((entry) => entry.file));
  for (const entry of previous.documents) {
    if (written.has(entry.file) || entry.file !== path.basename(entry.file) || entry.file.startsWith('.')) continue;
    const file = path.join(dir, entry.file);
    try {
      if (fs.lstatSync(file).isFile()) fs.rmSync(file);
    } catch {
      // Already gone, or not ours to remove.
    }
  }
}
