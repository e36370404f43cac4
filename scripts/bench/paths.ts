import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The folder of Pretendard's static TTF files, the same files careerpdf embeds (src/core/fonts.ts).
 * Resolved here rather than imported from src/render so that the other engines' runners do not
 * load React-PDF, which would add its import time to theirs.
 */
export function pretendardDir(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('pretendard/package.json')), 'dist/public/static/alternative');
}

/** Debian's Chromium; where it is absent the bench skips Chromium with a note. */
export const CHROMIUM = '/usr/bin/chromium';
