import { createCanvas, GlobalFonts, loadImage } from '@napi-rs/canvas';
import { fontFile } from '../core/fonts.js';

export interface SheetCell {
  label: string;
  png: Buffer;
  pages: number;
  /** The role's page budget for the document: a count over it is marked. */
  budget?: number;
}

/** `2 pages`, and `— over the budget of 1` when it is: what a user picking a theme compares. */
export const pageCountLabel = ({ pages, budget }: Pick<SheetCell, 'pages' | 'budget'>): string =>
  `${pages} page${pages === 1 ? '' : 's'}${budget !== undefined && pages > budget ? ` — over the budget of ${budget}` : ''}`;

const PAD = 24;
/** Two label lines above each thumbnail: theme and document, then the page count. */
const LABEL = 46;
const LABEL_FONT = '15px "Pretendard SemiBold"';

/** Thumbnails side by side: one row per theme, one column per document, each labelled with its page count (red when over its budget). */
export async function contactSheet(rows: { title: string; cells: SheetCell[] }[]): Promise<Buffer> {
  GlobalFonts.registerFromPath(fontFile('Pretendard', 'SemiBold'), 'Pretendard SemiBold');
  const images = await Promise.all(rows.map((row) => Promise.all(row.cells.map((cell) => loadImage(cell.png)))));
  // A cell is as wide as its thumbnail or its labels, whichever is wider (a low --dpi makes narrow thumbnails).
  const measure = createCanvas(1, 1).getContext('2d');
  measure.font = LABEL_FONT;
  const labelWidth = Math.max(
    ...rows.flatMap((row) => row.cells.flatMap((cell) => [`${row.title} · ${cell.label}`, pageCountLabel(cell)].map((t) => measure.measureText(t).width))),
  );
  const cellWidth = Math.ceil(Math.max(labelWidth, ...images.flat().map((img) => img.width)));
  const cellHeight = Math.max(...images.flat().map((img) => img.height));
  const columns = Math.max(...rows.map((row) => row.cells.length));
  const canvas = createCanvas(PAD + columns * (cellWidth + PAD), PAD + rows.length * (LABEL + cellHeight + PAD));
  const g = canvas.getContext('2d');
  g.fillStyle = '#e9ecef';
  g.fillRect(0, 0, canvas.width, canvas.height);
  rows.forEach((row, r) => {
    const y = PAD + r * (LABEL + cellHeight + PAD);
    row.cells.forEach((cell, c) => {
      const x = PAD + c * (cellWidth + PAD);
      g.font = LABEL_FONT;
      g.fillStyle = '#212529';
      g.fillText(`${row.title} · ${cell.label}`, x, y + 16);
      g.fillStyle = cell.budget !== undefined && cell.pages > cell.budget ? '#c92a2a' : '#495057';
      g.fillText(pageCountLabel(cell), x, y + 36);
      g.fillStyle = '#adb5bd';
      g.fillRect(x - 1, y + LABEL - 1, images[r]![c]!.width + 2, images[r]![c]!.height + 2);
      g.drawImage(images[r]![c]!, x, y + LABEL);
    });
  });
  return canvas.toBuffer('image/png');
}
