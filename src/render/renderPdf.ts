import { Font, renderToBuffer } from '@react-pdf/renderer';
import type { ReactElement } from 'react';
import { breakPoints } from './breakPoints.js';
import { registerFonts } from './fonts.js';

let ready = false;

/** Once per process: fonts, and line breaking that never inserts a hyphen (see breakPoints). */
function prepare(): void {
  if (ready) return;
  registerFonts();
  Font.registerHyphenationCallback(breakPoints);
  ready = true;
}

/** Renders a composed document to PDF bytes. */
export async function renderPdf(document: ReactElement): Promise<Buffer> {
  prepare();
  // renderToBuffer is typed for <Document> elements; composed documents are exactly that.
  return renderToBuffer(document as Parameters<typeof renderToBuffer>[0]);
}
