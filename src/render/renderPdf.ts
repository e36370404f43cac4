import { Font, renderToBuffer } from '@react-pdf/renderer';
import type { ReactElement } from 'react';
import { breakPoints } from './breakPoints.js';
import { BODY_FONT, registerFonts } from './fonts.js';
import { decodeGlyphNamesLazily } from './postTable.js';
import { reusePdfFonts } from './reusePdfFonts.js';
import { speedUpShaping } from './shaping.js';
import { installTagging } from './tagging/installTagging.js';

let ready: Promise<void> | undefined;

/**
 * Once per process: fonts, line breaking that never inserts a hyphen (see breakPoints), pdfkit
 * finding its fonts directly (see reusePdfFonts), tagged PDF for documents that ask for PDF/UA
 * (see tagging/installTagging), and fontkit's faster shaping and its `post` tables' glyph names
 * decoded only when read (see postTable), installed through the body face every document loads
 * anyway, before any face is embedded.
 */
export function prepareRenderer(): Promise<void> {
  ready ??= (async () => {
    registerFonts();
    Font.registerHyphenationCallback(breakPoints);
    reusePdfFonts();
    installTagging();
    await Font.load(BODY_FONT);
    const face = Font.getFont(BODY_FONT)?.data;
    // Without it (a fontkit that moved its processors, see test/unit/shaping.test.ts) text is
    // shaped the same, only slower: no reason to stop a build.
    if (face && 'layout' in face) {
      speedUpShaping(face as Parameters<typeof speedUpShaping>[0]);
      decodeGlyphNamesLazily(face as Parameters<typeof decodeGlyphNamesLazily>[0]);
    }
  })();
  return ready;
}

/** Renders a composed document to PDF bytes. */
export async function renderPdf(document: ReactElement): Promise<Buffer> {
  await prepareRenderer();
  // renderToBuffer is typed for <Document> elements; composed documents are exactly that.
  return renderToBuffer(document as Parameters<typeof renderToBuffer>[0]);
}
