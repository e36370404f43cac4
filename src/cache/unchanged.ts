import fs from 'node:fs';
import path from 'node:path';
import { currentState, type InputRecord } from '../load/inputLog.js';
import { readManifest, sha256, type Manifest, type ManifestEntry } from '../write/manifest.js';
import { resolvedInputs, settingsHash, type InputSettings } from './documentInputs.js';

/**
 * The disk's state of each path, measured once for a build that checks several roles: every
 * role's manifest lists the shared files (the resume, the theme, the images).
 */
export function statesOnce(): (record: InputRecord) => string {
  const seen = new Map<string, string>();
  return (record) => {
    const key = `${record.kind} ${record.path}`;
    let state = seen.get(key);
    if (state === undefined) seen.set(key, (state = currentState(record)));
    return state;
  };
}

/**
 * A role's last manifest when nothing it was built from changed: the same settings, every file
 * and folder listing its build read in the state it was read in, and every file it wrote still
 * there with the bytes recorded. Then the role needs neither loading nor rendering.
 */
export function unchangedRole(
  outDir: string,
  roleId: string,
  settings: InputSettings,
  stateOf: (record: InputRecord) => string = currentState,
): Manifest | undefined {
  const manifest = readManifest(outDir);
  if (!manifest || manifest.role !== roleId || manifest.inputs.settings !== settingsHash(settings, roleId)) return undefined;
  const read = resolvedInputs(settings.dataDir, manifest.inputs.read);
  if (read.length === 0 || !read.every((record) => stateOf(record) === record.state)) return undefined;
  return intactOutputs(outDir, manifest.documents) ? manifest : undefined;
}

/** True when every file the entries list is in the output folder with the bytes recorded. */
export const intactOutputs = (outDir: string, entries: readonly ManifestEntry[]): boolean =>
  entries.every((entry) => writtenAsRecorded(path.join(outDir, entry.file), entry));

function writtenAsRecorded(file: string, entry: ManifestEntry): boolean {
  try {
    return fs.statSync(file).isFile() && sha256(fs.readFileSync(file)) === entry.sha256;
  } catch {
    return false;
  }
}
