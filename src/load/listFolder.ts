import fs from 'node:fs';
import { noteRead } from './inputLog.js';

/** The names in a folder, sorted; undefined when it is not there (or not a folder). Noted as an input. */
export function listFolder(dir: string): string[] | undefined {
  let names: string[] | undefined;
  try {
    names = fs.readdirSync(dir).sort();
  } catch {
    names = undefined;
  }
  noteRead.listing(dir, names);
  return names;
}
