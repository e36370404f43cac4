import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listThemes } from '../load/loadTheme.js';
import { build } from '../pipeline/build.js';
import { writeAtomic } from '../write/writeAtomic.js';
import { contactSheet, type SheetCell } from './contactSheet.js';
import { rasterize } from './rasterize.js';

export interface PreviewOptions {
  dataDir: string;
  outDir: string;
  role: string;
  themes?: string[];
  dpi: number;
}

/**
 * For each theme: build the role's documents (into a temporary folder), rasterise the first page
 * of each to `<out>/previews/<theme>-<kind>.png`, then put them all on one contact sheet.
 */
export async function previewThemes(options: PreviewOptions, onImage: (file: string) => void): Promise<string> {
  const themes = options.themes?.length ? options.themes : listThemes();
  const previewDir = path.join(options.outDir, 'previews');
  const rows: { title: string; cells: SheetCell[] }[] = [];
  for (const theme of themes) {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'careerpdf-preview-'));
    try {
      const built = await build({ dataDir: options.dataDir, outDir: scratch, roles: [options.role], theme });
      const cells: SheetCell[] = [];
      for (const doc of built.filter((d) => d.file.endsWith('.pdf'))) {
        const [png] = await rasterize(fs.readFileSync(doc.file), { dpi: options.dpi, pages: 1 });
        const file = path.join(previewDir, `${path.basename(theme)}-${doc.kind}.png`);
        writeAtomic(file, png!);
        onImage(file);
        cells.push({ label: doc.kind, png: png! });
      }
      rows.push({ title: path.basename(theme), cells });
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  }
  const sheet = path.join(previewDir, 'contact-sheet.png');
  writeAtomic(sheet, await contactSheet(rows));
  return sheet;
}
