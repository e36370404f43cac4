import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Problem } from '../core/problems.js';
import { listThemes } from '../load/loadTheme.js';
import { build } from '../pipeline/build.js';
import { safeFileName } from '../write/fileName.js';
import { checkOutputFolders } from '../write/outputFolder.js';
import { writeAtomic } from '../write/writeAtomic.js';
import { contactSheet, type SheetCell } from './contactSheet.js';
import { rasterize } from './rasterize.js';

export interface ThumbnailOptions {
  dataDir: string;
  role: string;
  themes?: string[];
  dpi: number;
}

export interface ThemeThumbnails {
  theme: string;
  /** First page of each document, as PNG, with its page count and the role's budget for it. */
  cells: SheetCell[];
  /** What the build's own checks said about the documents (layout bugs show up here). */
  warnings: Problem[];
}

/** For each theme: build the role's documents in a scratch folder and rasterise their first pages. */
export async function themeThumbnails(options: ThumbnailOptions): Promise<ThemeThumbnails[]> {
  const rows: ThemeThumbnails[] = [];
  for (const theme of options.themes?.length ? options.themes : listThemes()) {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'careerpdf-preview-'));
    try {
      const built = await build({ dataDir: options.dataDir, outDir: scratch, roles: [options.role], theme });
      const cells = [];
      for (const doc of built.filter((d) => d.file.endsWith('.pdf'))) {
        const [png] = await rasterize(fs.readFileSync(doc.file), { dpi: options.dpi, pages: 1 });
        cells.push({ label: doc.kind, png: png!, pages: doc.pages ?? 0, budget: doc.budget });
      }
      rows.push({ theme: path.basename(theme), cells, warnings: built.flatMap((d) => d.warnings) });
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  }
  return rows;
}

/** Writes `<out>/previews/<theme>-<kind>.png` for every thumbnail, and the contact sheet; returns the files and each theme's row. */
export async function previewThemes(options: ThumbnailOptions & { outDir: string }): Promise<{ files: string[]; rows: ThemeThumbnails[] }> {
  const dir = path.join(options.outDir, 'previews');
  checkOutputFolders(options.outDir, [dir]);
  const rows = await themeThumbnails(options);
  const files: string[] = [];
  for (const row of rows) {
    for (const cell of row.cells) {
      // A theme given as a folder is named by the folder's name: a word of the user's, like a resume's name.
      const file = path.join(dir, safeFileName([row.theme], cell.label, 'png'));
      writeAtomic(options.outDir, file, cell.png);
      files.push(file);
    }
  }
  const sheet = path.join(dir, 'contact-sheet.png');
  writeAtomic(options.outDir, sheet, await contactSheet(rows.map((row) => ({ title: row.theme, cells: row.cells }))));
  return { files: [...files, sheet], rows };
}
