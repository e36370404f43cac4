import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { UserDataError, type Problem } from '../core/problems.js';
import { formatLocation } from '../core/problems.js';
import type { InputRecord } from '../load/inputLog.js';
import { confine, writeProblem } from './outputFolder.js';
import { writeAtomic } from './writeAtomic.js';

const KIND_ORDER = ['resume', 'resume-jsonresume', 'resume-markdown', 'resume-text', 'portfolio', 'answers', 'answers-text'] as const;
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
  return {
    kind,
    file: path.basename(file),
    ...(pages !== undefined ? { pages } : {}),
    bytes: Buffer.byteLength(bytes),
    sha256: sha256(bytes),
    warnings: warnings.map((w) => [formatLocation(w.at), w.message].filter(Boolean).join(' ')),
  };
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

/**
 * The manifest of an output folder, or undefined when there is none or it cannot be read. Only
 * documents named as a build names them are kept: a plain file name in the folder (a manifest
 * edited to list `../x` or `/etc/x` points nowhere else).
 */
export function readManifest(dir: string): Manifest | undefined {
  try {
    const read = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Partial<Manifest>;
    const inputs = read.inputs && typeof read.inputs.settings === 'string' && Array.isArray(read.inputs.read) ? read.inputs : { settings: '', read: [] };
    const documents = Array.isArray(read.documents) ? read.documents.filter((entry) => isPlainName(entry?.file)) : [];
    return { role: read.role ?? '', documents, inputs, shows: read.shows ?? {} };
  } catch {
    return undefined;
  }
}

/** A name a build writes (see fileName.ts): no separator, not hidden, not `.` or `..`. */
const isPlainName = (name: unknown): name is string => typeof name === 'string' && name !== '' && !/[/\\\0]/.test(name) && !name.startsWith('.');

/** The main document a file belongs to: the answers text is made with the answers, the resume's text formats with the resume. */
export const mainKindOf = (kind: DocumentKind): MainDocumentKind => COMPANION_OF[kind] ?? (kind as MainDocumentKind);

const COMPANION_OF: Partial<Record<DocumentKind, MainDocumentKind>> = {
  'answers-text': 'answers',
  'resume-jsonresume': 'resume',
  'resume-markdown': 'resume',
  'resume-text': 'resume',
};

/** `out/<role>/manifest.json`: what was built, without timestamps so that rebuilds are identical. */
export function writeManifest(outDir: string, dir: string, manifest: Manifest): string {
  const file = path.join(dir, 'manifest.json');
  const documents = [...manifest.documents].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
  const shows = Object.fromEntries(KIND_ORDER.flatMap((kind) => (kind in manifest.shows ? [[kind, manifest.shows[kind as MainDocumentKind]]] : [])));
  writeAtomic(outDir, file, JSON.stringify({ role: manifest.role, documents, inputs: manifest.inputs, shows }, null, 2) + '\n');
  return file;
}

/**
 * After a build of a role: removes the files its previous manifest listed that the new one does
 * not (an output renamed with the name or the target). Only a regular file (not a link, not a
 * folder) in the role's folder, inside the output folder, still holding the bytes the manifest
 * recorded: a file the user changed or put there is never touched. Returns the files removed.
 */
export function removeStale(outDir: string, dir: string, previous: Manifest | undefined, current: readonly ManifestEntry[]): string[] {
  const kept = new Set(current.map((entry) => entry.file));
  const removed: string[] = [];
  for (const entry of previous?.documents ?? []) {
    const file = path.join(dir, entry.file);
    if (kept.has(entry.file) || !isOwnFile(file, entry)) continue;
    confine(outDir, file);
    try {
      fs.rmSync(file);
    } catch (err) {
      throw new UserDataError([writeProblem(err, file, 'cannot remove the old output')]);
    }
    removed.push(file);
  }
  return removed;
}

function isOwnFile(file: string, entry: ManifestEntry): boolean {
  try {
    return fs.lstatSync(file).isFile() && sha256(fs.readFileSync(file)) === entry.sha256;
  } catch {
    return false;
  }
}
