import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root (where package.json, themes/ and fonts/ live), found from this module. */
export const packageRoot = (() => {
  // Bundled: dist/careerpdf.js; from source (tests, tsx): src/core/paths.ts.
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!dir.endsWith(path.sep + 'src') && !dir.endsWith(path.sep + 'dist') && dir !== path.dirname(dir)) dir = path.dirname(dir);
  return path.dirname(dir);
})();

/** How a path is shown to the user: relative to the working directory when inside it. */
export function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/** True when `target` is `root` or inside it (after resolving `..`). */
export function isInside(root: string, target: string): boolean {
  const rel = path.relative(path.resolve(root), path.resolve(target));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
