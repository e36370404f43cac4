import crypto from 'node:crypto';
import { Document, Page, Text } from '@react-pdf/renderer';
import PDFDocument from 'pdfkit';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../src/render/renderPdf.js';

/*
 * src/render/reusePdfFonts.ts replaces pdfkit 0.20.1's `font()` for font objects and copies the
 * side effects of its "font already made" path. It must break loudly, not silently, when pdfkit
 * changes that code, or when React-PDF draws with a pdfkit other than the one patched.
 */

type FontMethod = (this: unknown, src: unknown, family?: unknown, size?: number) => unknown;
const proto = PDFDocument.prototype as unknown as { font: FontMethod };

/** pdfkit's own font(), counted: installed before the renderer wraps it (prepareRenderer runs at the first render). */
const original = proto.font;
let madeAgain = 0;
proto.font = function (this: unknown, src, family, size) {
  if (typeof src === 'object' && src !== null) madeAgain++;
  return original.call(this, src, family, size);
};
const pristineSource = original.toString();

/** 40 runs of text in two faces of the body family. */
const runs = () =>
  createElement(
    Document,
    null,
    createElement(
      Page,
      { size: 'A4' },
      ...Array.from({ length: 40 }, (_, i) =>
        createElement(Text, { key: i, style: { fontFamily: 'Pretendard', fontWeight: i % 2 ? 700 : 400 } }, `줄 ${i}: 데이터 엔지니어`),
      ),
    ),
  );

describe('pdfkit finding its fonts directly', () => {
  it('patches the pinned pdfkit font() (the copy of its side effects matches its code)', () => {
    // Changed? Compare pdfkit's font() with what reusePdfFonts.ts sets when it finds a font it
    // made (_fontSource, _fontFamily, fontSize, _font), then put the new hash here.
    expect(crypto.createHash('sha256').update(pristineSource).digest('hex'), 'pdfkit changed PDFDocument.prototype.font').toBe(
      '652a31ad704fa7e8b4bf0a6566a8475968aa7ec1cf6bce5c709b53680767153a',
    );
  });

  it("makes each face's PDF font once per document: React-PDF draws with the patched pdfkit", async () => {
    const first = await renderPdf(runs());
    expect(proto.font, 'the renderer did not wrap pdfkit font()').not.toBe(original);
    // Two faces, one PDF font each: pdfkit's own font() ran once per face, not once per run.
    expect(madeAgain).toBe(2);
    const second = await renderPdf(runs());
    expect(madeAgain).toBe(4);
    for (const pdf of [first, second]) {
      const fonts = pdf.toString('latin1').match(/\/Subtype \/Type0/g) ?? [];
      expect(fonts).toHaveLength(2);
      expect(pdf.toString('latin1')).toContain('Pretendard-Bold');
    }
  });
});
