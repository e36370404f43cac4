import path from 'node:path';
import type { Problem } from '../core/problems.js';
import { listFolder } from './readSourceFile.js';

const ROLE_EXTENSIONS = /\.(ya?ml|json)$/;

/**
 * The role files of a data folder (`roles/<id>.yaml`), by file name; listed without reading them.
 * The id is NFC (a decomposed file name from macOS names the same role as a composed one); a
 * `roles` that cannot be listed is a problem in `problems`.
 */
export function roleFiles(dataDir: string, problems: Problem[] = []): { id: string; file: string }[] {
  const dir = path.join(dataDir, 'roles');
  return listFolder(dir, problems)
    .filter((name) => ROLE_EXTENSIONS.test(name))
    .map((name) => ({ id: name.replace(ROLE_EXTENSIONS, '').normalize('NFC'), file: path.join(dir, name) }));
}
