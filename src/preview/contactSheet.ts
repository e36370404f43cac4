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
const LABEL = 30;

/** Thumbnails side by side: one row per theme, one column per document, each labelled with its page count (red when over its budget). */
export async function contactSheet(rows: { title: string; cells: SheetCell[] }[]): Promise<Buffer> {
  GlobalFonts.registerFromPath(fontFile('Pretendard', 'SemiBold'), 'Pretendard SemiBold');
  const images = await Promise.all(rows.map((row) => Promise.all(row.cells.map((cell) => loadImage(cell.png)))));
  const cellWidth = Math.max(...images.flat().map((img) => img.width));
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
      const over = cell.budget !== undefined && cell.pages > cell.budget;
      g.fillStyle = over ? '#c92a2a' : '#212529';
      g.font = '15px "Pretendard SemiBold"';
      g.fillText(`${row.title} · ${cell.label} · ${pageCountLabel(cell)}`, x, y + 18);
      g.fillStyle = '#adb5bd';
      g.fillRect(x - 1, y + LABEL - 1, cellWidth + 2, cellHeight + 2);
      g.drawImage(images[r]![c]!, x, y + LABEL);
    });
  });
  return canvas.toBuffer('image/png');
}
