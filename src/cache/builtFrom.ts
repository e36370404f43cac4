import path from 'node:path';
import { themeChoice, themeFile } from '../load/loadTheme.js';
import type { Prepared } from '../pipeline/prepare.js';
import { listedInputs, type CachedKind } from './documentInputs.js';

/**
 * Every file a document of a role is built from, known once the data is validated: the listed
 * ones (resume, role, project pages, answer blocks), the theme's file, the photo, and for the
 * portfolio the images its pages draw (they may live outside the data folder, under --assets).
 */
export function builtFrom(prepared: Prepared, roleId: string, kind: CachedKind, themeOverride?: string): string[] {
  const dataDir = prepared.folder.dir;
  const files = [...listedInputs(dataDir, roleId, kind), themeFile(themeChoice(themeOverride, prepared.roles.get(roleId)?.theme, dataDir))];
  const photo = prepared.resume.basics?.image;
  if (typeof photo === 'string' && !/^[a-z][a-z0-9+.-]*:/i.test(photo)) files.push(photo.startsWith('/') ? path.join(dataDir, photo) : path.resolve(dataDir, photo));
  if (kind === 'portfolio') {
    for (const page of prepared.projects) for (const image of page.images.values()) if (image.kind === 'file') files.push(image.path);
  }
  return files;
}
