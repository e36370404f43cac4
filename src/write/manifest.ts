import crypto from 'node:crypto';
import path from 'node:path';
import type { Problem } from '../core/problems.js';
import { formatLocation } from '../core/problems.js';
import { writeAtomic } from './writeAtomic.js';

export type DocumentKind = 'resume' | 'portfolio' | 'answers' | 'answers-text';

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

/** `out/<role>/manifest.json`: what was built, without timestamps so that rebuilds are identical. */
export function writeManifest(dir: string, role: string, documents: ManifestEntry[]): string {
  const file = path.join(dir, 'manifest.json');
  writeAtomic(file, JSON.stringify({ role, documents }, null, 2) + '\n');
  return file;
}
