import { createCanvas } from '@napi-rs/canvas';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * PDF pages → PNG images with npm packages only: pdfjs-dist (Firefox's PDF renderer) drawing
 * into @napi-rs/canvas (Skia). No poppler, no browser, so `npm install` is all it needs.
 */
export async function rasterize(pdf: Buffer | Uint8Array, options: { dpi: number; pages?: number }): Promise<Buffer[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const count = Math.min(doc.numPages, options.pages ?? doc.numPages);
    const images: Buffer[] = [];
    for (let i = 1; i <= count; i++) {
      const page = await doc.getPage(i);
      const viewport = page.getViewport({ scale: options.dpi / 72 });
      const canvas = createCanvas(Math.round(viewport.width), Math.round(viewport.height));
      const context = canvas.getContext('2d');
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      // @napi-rs/canvas implements the canvas API pdfjs draws with; its types are not the DOM's.
      await page.render({ canvas, canvasContext: context, viewport } as unknown as Parameters<typeof page.render>[0]).promise;
      images.push(canvas.toBuffer('image/png'));
      page.cleanup();
    }
    return images;
  } finally {
    await doc.destroy();
  }
}
