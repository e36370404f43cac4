/**
 * Facts read straight from the PDF bytes React-PDF (pdfkit) writes: object dictionaries are
 * plain text there, only streams are compressed, so no PDF parser is needed for these.
 */
export interface PdfFacts {
  pages: number;
  /** Fonts drawn without being embedded (a glyph the embedded fonts lack falls back to Helvetica). */
  unembeddedFonts: string[];
}

export function inspectPdf(pdf: Buffer): PdfFacts {
  const text = pdf.toString('latin1');
  const pages = (text.match(/\/Type \/Page\b(?!s)/g) ?? []).length;
  const unembeddedFonts = [...text.matchAll(/\/BaseFont \/([^\s/]+)\s*\/Subtype \/Type1/g)].map((m) => m[1]!);
  return { pages, unembeddedFonts: [...new Set(unembeddedFonts)] };
}
