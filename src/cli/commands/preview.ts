import { displayPath } from '../../core/paths.js';
import { previewThemes } from '../../preview/previewThemes.js';

/** `careerpdf preview`: first-page thumbnails of every document in every theme, and a contact sheet. */
export async function previewCommand(flags: { data: string; out: string; role: string; theme?: string[]; dpi: string }): Promise<void> {
  const started = performance.now();
  const files = await previewThemes({ dataDir: flags.data, outDir: flags.out, role: flags.role, themes: flags.theme, dpi: Number(flags.dpi) });
  for (const file of files) process.stdout.write(`${displayPath(file)}\n`);
  process.stdout.write(`${files.length} images in ${((performance.now() - started) / 1000).toFixed(1)} s; the last one is the contact sheet\n`);
}
