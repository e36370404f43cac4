import path from 'node:path';
import type { DocumentKind } from '../write/manifest.js';

/** What one changed file makes stale: which roles (all, or one) and which document kinds. */
export interface Affected {
  roles: 'all' | string[];
  kinds: 'all' | DocumentKind[];
}

/**
 * Maps a changed path to the documents built from it, so that a save rebuilds only those:
 * a role file → that role; project pages and their images → portfolios; answer blocks →
 * answers; the resume or a theme → everything (every document shows the name and the look).
 */
export function affectedBy(file: string, dataDir: string): Affected {
  const rel = path.relative(dataDir, file).split(path.sep);
  if (rel[0] === '..' || path.isAbsolute(path.relative(dataDir, file))) return { roles: 'all', kinds: 'all' }; // themes
  const [top] = rel;
  if (top === 'roles' && rel.length === 2) return { roles: [rel[1]!.replace(/\.(ya?ml|json)$/, '')], kinds: 'all' };
  if (top === 'answers') return { roles: 'all', kinds: ['answers', 'answers-text'] };
  if (top === 'projects' || top === 'images' || top === 'static') return { roles: 'all', kinds: ['portfolio'] };
  return { roles: 'all', kinds: 'all' };
}

/** Several changes saved together: the union of what each makes stale. */
export function mergeAffected(list: Affected[]): Affected {
  const roles = list.some((a) => a.roles === 'all') ? 'all' : [...new Set(list.flatMap((a) => a.roles as string[]))];
  const kinds = list.some((a) => a.kinds === 'all') ? 'all' : [...new Set(list.flatMap((a) => a.kinds as DocumentKind[]))];
  return { roles, kinds };
}
