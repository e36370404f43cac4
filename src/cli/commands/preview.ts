import path from 'node:path';
import { displayPath } from '../../core/paths.js';
import { loadDataFolder } from '../../load/loadDataFolder.js';
import { MASTER } from '../../pipeline/prepare.js';
import { previewThemes } from '../../preview/previewThemes.js';

/** `careerpdf preview`: first-page thumbnails of every document in every theme, and a contact sheet. */
export async function previewCommand(flags: { data: string; out: string; role?: string; theme?: string[]; dpi: string }): Promise<void> {
  const started = performance.now();
  const role = flags.role ?? [...loadDataFolder(path.resolve(flags.data)).roles.keys()][0] ?? MASTER;
  const files = await previewThemes({ dataDir: flags.data, outDir: flags.out, role, themes: flags.theme, dpi: Number(flags.dpi) });
  for (const file of files) process.stdout.write(`${displayPath(file)}\n`);
  process.stdout.write(`${files.length} images in ${((performance.now() - started) / 1000).toFixed(1)} s; the last one is the contact sheet\n`);
}
