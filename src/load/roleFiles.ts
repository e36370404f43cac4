import path from 'node:path';
import { listFolder } from './listFolder.js';

const ROLE_EXTENSIONS = /\.(ya?ml|json)$/;

/** The role files of a data folder (`roles/<id>.yaml`), by file name; listed without reading them. */
export function roleFiles(dataDir: string): { id: string; file: string }[] {
  const dir = path.join(dataDir, 'roles');
  return (listFolder(dir) ?? [])
    .filter((name) => ROLE_EXTENSIONS.test(name))
    .sort()
    .map((name) => ({ id: name.replace(ROLE_EXTENSIONS, ''), file: path.join(dir, name) }));
}
