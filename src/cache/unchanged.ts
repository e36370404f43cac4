import fs from 'node:fs';
import path from 'node:path';
import { mainKindOf, readManifest, sha256, type ManifestEntry } from '../write/manifest.js';
import { fromRecorded, inputHash, listedInputs, type CachedKind, type InputSettings } from './documentInputs.js';

/**
 * The documents of one role's output folder that need no rendering: kind → its manifest entries
 * (none when the kind made nothing for the role). A kind is unchanged when the hash of its inputs,
 * taken now, is the one recorded, and every file it wrote is still there with its recorded bytes.
 */
export function unchangedDocuments(outDir: string, roleId: string, kinds: readonly CachedKind[], settings: InputSettings): Map<CachedKind, ManifestEntry[]> {
  const unchanged = new Map<CachedKind, ManifestEntry[]>();
  const manifest = readManifest(outDir);
  if (!manifest || manifest.role !== roleId) return unchanged;
  for (const kind of kinds) {
    const recorded = manifest.inputs[kind];
    if (!recorded) continue;
    const files = [...listedInputs(settings.dataDir, roleId, kind), ...fromRecorded(settings.dataDir, recorded.files)];
    if (inputHash(settings, roleId, kind, files) !== recorded.hash) continue;
    const entries = manifest.documents.filter((entry) => mainKindOf(entry.kind) === kind);
    if (intactOutputs(outDir, entries)) unchanged.set(kind, entries);
  }
  return unchanged;
}

/** True when every file the entries list is in the output folder with the bytes recorded. */
export const intactOutputs = (outDir: string, entries: readonly ManifestEntry[]): boolean => entries.every((entry) => writtenAsRecorded(path.join(outDir, entry.file), entry));

function writtenAsRecorded(file: string, entry: ManifestEntry): boolean {
  try {
    return sha256(fs.readFileSync(file)) === entry.sha256;
  } catch {
    return false;
  }
}
