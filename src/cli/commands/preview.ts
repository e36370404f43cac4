import path from 'node:path';
import { displayPath } from '../../core/paths.js';
import { loadDataFolder } from '../../load/loadDataFolder.js';
import { themeChoice, themeFile } from '../../load/loadTheme.js';
import { MASTER, roleArgument } from '../../load/roleFiles.js';
import { pageCountLabel } from '../../preview/contactSheet.js';
import { previewThemes } from '../../preview/previewThemes.js';

/** `careerpdf preview`: first-page thumbnails of every document in every theme, and a contact sheet. */
export async function previewCommand(flags: { data: string; out: string; role?: string; theme?: string[]; dpi: number }): Promise<void> {
  const started = performance.now();
  const dataDir = path.resolve(flags.data);
  const role = flags.role !== undefined ? roleArgument(dataDir, flags.role) : ([...loadDataFolder(dataDir).roles.keys()][0] ?? MASTER);
  // An unknown --theme is a usage error before any theme is rendered.
  for (const theme of flags.theme ?? []) themeFile(themeChoice(theme, undefined, dataDir));
  const { files, rows } = await previewThemes({ dataDir: flags.data, outDir: flags.out, role, themes: flags.theme, dpi: flags.dpi });
  for (const file of files) process.stdout.write(`${displayPath(file)}\n`);
  // Which theme fits: each document's page count, marked when over the role's budget.
  const width = Math.max(...rows.map((row) => row.theme.length));
  for (const row of rows) {
    const counts = row.cells.map((cell) => `${cell.label} ${pageCountLabel(cell)}${cell.budget !== undefined && cell.pages > cell.budget ? ' ⚠' : ''}`);
    process.stdout.write(`${row.theme.padEnd(width)}  ${counts.join(' · ')}\n`);
  }
  process.stdout.write(`${files.length} images in ${((performance.now() - started) / 1000).toFixed(1)} s; the last one is the contact sheet\n`);
}
