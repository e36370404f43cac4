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

/**
 * The entries of the existing manifest that a partial rebuild did not replace and whose files
 * are still there, in their order: a rebuild of one document keeps the others listed.
 */
export function keptFromManifest(dir: string, rebuilt: ManifestEntry[]): ManifestEntry[] {
  try {
    const old = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { documents?: ManifestEntry[] };
    return (old.documents ?? []).filter((e) => !rebuilt.some((r) => r.kind === e.kind) && fs.existsSync(path.join(dir, e.file)));
  } catch {
    return [];
  }
}

/** `out/<role>/manifest.json`: what was built, without timestamps so that rebuilds are identical. */
export function writeManifest(dir: string, role: string, documents: ManifestEntry[]): string {
  const file = path.join(dir, 'manifest.json');
  const ordered = [...documents].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
  writeAtomic(file, JSON.stringify({ role, documents: ordered }, null, 2) + '\n');
  return file;
}
