import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Problem } from '../core/problems.js';
import { formatLocation } from '../core/problems.js';
import type { InputRecord } from '../load/inputLog.js';
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

/** What a role was built from, for the build cache (src/cache): its settings and everything its build read. */
export interface ManifestInputs {
  /** The hash of the tool, the role and the options (cache/documentInputs.ts). */
  settings: string;
  /** Every file and folder listing the build read, relative to the data folder (load/inputLog.ts). */
  read: InputRecord[];
}

/** The main kinds of document, in build order; the answers text is made with the answers. */
export const MAIN_DOCUMENT_KINDS = ['resume', 'portfolio', 'answers'] as const;
export type MainDocumentKind = (typeof MAIN_DOCUMENT_KINDS)[number];

export interface Manifest {
  role: string;
  documents: ManifestEntry[];
  inputs: ManifestInputs;
  /** Main kind → the hash of what its document showed (cache/documentShows.ts); a kind absent made nothing. */
  shows: Partial<Record<MainDocumentKind, string>>;
}

/** The manifest of an output folder, or undefined when there is none or it cannot be read. */
export function readManifest(dir: string): Manifest | undefined {
  try {
    const read = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Partial<Manifest>;
    const inputs = read.inputs && typeof read.inputs.settings === 'string' && Array.isArray(read.inputs.read) ? read.inputs : { settings: '', read: [] };
    return { role: read.role ?? '', documents: Array.isArray(read.documents) ? read.documents : [], inputs, shows: read.shows ?? {} };
  } catch {
    return undefined;
  }
}

/** The main document a file belongs to: the answers text is made with the answers. */
export const mainKindOf = (kind: DocumentKind): MainDocumentKind => (kind === 'answers-text' ? 'answers' : kind);

/** `out/<role>/manifest.json`: what was built, without timestamps so that rebuilds are identical. */
export function writeManifest(dir: string, manifest: Manifest): string {
  const file = path.join(dir, 'manifest.json');
  const documents = [...manifest.documents].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
  const shows = Object.fromEntries(KIND_ORDER.flatMap((kind) => (kind in manifest.shows ? [[kind, manifest.shows[kind as MainDocumentKind]]] : [])));
  writeAtomic(file, JSON.stringify({ role: manifest.role, documents, inputs: manifest.inputs, shows }, null, 2) + '\n');
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
