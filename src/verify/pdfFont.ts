import type { PdfFile } from './pdfFile.js';
import { PdfReadError, type PdfDict } from './pdfSyntax.js';
import { readToUnicodeCMap } from './toUnicodeCMap.js';

/** What a text-showing operator needs of a font's glyph. */
export interface Glyph {
  /** The text it stands for (U+FFFD when the font does not say). */
  text: string;
  /** Horizontal advance in thousandths of the font size. */
  width: number;
  /** Whitespace only: a reader does not count it into a run's extent. */
  blank: boolean;
}

/** Glyphs by character code: a shown string is two bytes per code (Identity-H). */
export type PdfFont = (code: number) => Glyph;

/**
 * A font as pdfkit embeds every TrueType/OpenType font: Type0, Identity-H (two-byte codes that
 * are glyph ids), a CIDFont with /W widths and a ToUnicode CMap. Any other kind (the standard
 * 14 fonts pdfkit falls back to for a missing glyph) is not read: its widths are not in the PDF.
 */
export function readFont(pdf: PdfFile, font: PdfDict, name: string): PdfFont {
  const what = `font ${name}${typeof font.get('BaseFont') === 'string' ? ` (${String(font.get('BaseFont'))})` : ''}`;
  if (font.get('Subtype') !== 'Type0' || font.get('Encoding') !== 'Identity-H') {
    throw new PdfReadError(
      `${what} is ${String(font.get('Subtype'))} with encoding ${describe(font.get('Encoding'))}; only Type0 fonts with Identity-H (what pdfkit embeds) are read`,
    );
  }
  if (!font.has('ToUnicode')) throw new PdfReadError(`${what} has no ToUnicode map: its text cannot be extracted`);
  const descendant = pdf.dict(pdf.array(font.get('DescendantFonts'), `${what}'s DescendantFonts`)[0], `${what}'s CIDFont`);
  const widths = readWidths(pdf, descendant, what);
  const defaultWidth = pdf.resolve(descendant.get('DW'));
  const unicode = readToUnicodeCMap(pdf.streamData(font.get('ToUnicode'), `${what}'s ToUnicode map`));
  const glyphs = new Map<number, Glyph>();
  return (code) => {
    let glyph = glyphs.get(code);
    if (!glyph) {
      const text = unicode.get(code) ?? '\ufffd';
      glyph = { text, width: widths.get(code) ?? (typeof defaultWidth === 'number' ? defaultWidth : 1000), blank: text.trim() === '' };
      glyphs.set(code, glyph);
    }
    return glyph;
  };
}

/** /W: `c [w1 w2 …]` (widths from c on) or `cFirst cLast w` (one width for the range). */
function readWidths(pdf: PdfFile, descendant: PdfDict, what: string): Map<number, number> {
  const widths = new Map<number, number>();
  if (!descendant.has('W')) return widths;
  const w = pdf.array(descendant.get('W'), `${what}'s /W`).map((item) => pdf.resolve(item));
  for (let i = 0; i < w.length; ) {
    const first = w[i];
    const next = w[i + 1];
    if (typeof first !== 'number') throw new PdfReadError(`${what}'s /W is malformed`);
    if (Array.isArray(next)) {
      next.forEach((width, k) => typeof width === 'number' && widths.set(first + k, width));
      i += 2;
    } else {
      const width = w[i + 2];
      if (typeof next !== 'number' || typeof width !== 'number') throw new PdfReadError(`${what}'s /W is malformed`);
      for (let c = first; c <= Math.min(next, 0xffff); c++) widths.set(c, width); // codes are two bytes
      i += 3;
    }
  }
  return widths;
}

const describe = (value: unknown) => (typeof value === 'string' ? value : value === undefined ? 'none' : 'a custom one');
