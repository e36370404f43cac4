import PDFDocument from 'pdfkit';

/*
 * React-PDF sets the font of every run of text with `doc.font(fontkitFont, size)`. Handed a font
 * object, not a name, pdfkit cannot look it up: it wraps the font anew each time (a subset, the
 * glyph-0 metrics) and only then finds the PDF font it already made under the same name, by
 * comparing the two fonts' name tables through JSON.stringify — twice per run of text, ~0.1 ms
 * each, 5% of a `build --all`. Here each document remembers which PDF font it made for which font
 * object and sets that one directly: the same font in the PDF, found without the detour.
 * Written against pdfkit 0.20.1, pinned with React-PDF's copy of it (package.json `overrides`);
 * test/unit/reusePdfFonts.test.ts fails if its font() changes or React-PDF draws with another pdfkit.
 */

interface PdfDocument {
  _font: unknown;
  _fontSource: unknown;
  _fontFamily: unknown;
  fontSize(size: number): unknown;
  font(src: unknown, family?: unknown, size?: number): PdfDocument;
}

const made = new WeakMap<PdfDocument, Map<object, unknown>>();
let installed = false;

export function reusePdfFonts(): void {
  if (installed) return;
  installed = true;
  const proto = PDFDocument.prototype as unknown as PdfDocument;
  const font = proto.font;
  proto.font = function (this: PdfDocument, src, family, size) {
    if (typeof src !== 'object' || src === null) return font.call(this, src, family, size);
    if (typeof family === 'number') [size, family] = [family, null];
    let fonts = made.get(this);
    if (!fonts) made.set(this, (fonts = new Map()));
    const known = fonts.get(src);
    if (known === undefined) {
      font.call(this, src, family, size);
      fonts.set(src, this._font);
      return this;
    }
    // What pdfkit's font() leaves behind when it finds the font it made before.
    this._fontSource = src;
    this._fontFamily = family;
    if (size != null) this.fontSize(size);
    this._font = known;
    return this;
  };
}
