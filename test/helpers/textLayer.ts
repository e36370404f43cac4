import type { TextArea } from '../../src/verify/verifyText.js';
import { openPdf } from './pdf.js';

/** One line of a page as pdfjs extracts it, with its top in points from the page's top edge. */
interface PdfjsLine {
  top: number;
  inBody: boolean;
  text: string;
}

/** Every line of every page as pdfjs (a browser's reader) extracts it: what copy-paste and an ATS get. */
async function pdfjsLines(bytes: Buffer | Uint8Array, area: TextArea): Promise<PdfjsLine[]> {
  const doc = await openPdf(bytes);
  const lines: PdfjsLine[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const height = page.view[3]! - page.view[1]!;
    let text = '';
    let top: number | undefined;
    const flush = () => {
      if (text.trim() !== '' && top !== undefined)
        lines.push({ top, text, inBody: top >= area.margin.top - 12 && top < height - area.margin.bottom - area.footer });
      text = '';
      top = undefined;
    };
    for (const item of (await page.getTextContent()).items) {
      if (!('str' in item)) continue;
      // The baseline, from the top: the line's top is within a font size above it, enough to tell body from footer.
      if (item.str.trim() !== '') top ??= height - item.transform[5]!;
      text += item.str;
      if (item.hasEOL) flush();
    }
    flush();
  }
  await doc.destroy();
  return lines;
}

/** Spaces as a reader compares them: NBSP (which keeps dates on one line) is a space; runs of spaces are one; no case. */
const normal = (text: string): string =>
  text
    .normalize('NFC')
    .replace(/[\s\u00a0]+/g, ' ')
    .toLowerCase();

/**
 * The texts a document drew (ComposedDocument.drawn) that are not in its PDF's text layer character for character:
 * every letter, digit and punctuation mark in order, a space where the model has one (or a line
 * break, where the line broke at it), and nothing else but a line break between two characters
 * (a URL or a long word broken without a hyphen). Stricter than the build's read-back (which
 * ignores whitespace): a period lost or a space added at a line break is found. Text split by a
 * page break is read without the running header and footer in between.
 */
export async function textLayerDifferences(pdf: Buffer | Uint8Array, drawn: readonly string[], area: TextArea): Promise<string[]> {
  const lines = await pdfjsLines(pdf, area);
  const join = (chosen: PdfjsLine[]) => chosen.map((l) => normal(l.text).trim()).join('\n');
  const texts = [join(lines), join(lines.filter((l) => l.inBody))];
  const missing: string[] = [];
  for (const value of drawn) {
    const wanted = normal(value.replace(/\*\*/g, '')).trim();
    if (Array.from(wanted).length < 2) continue;
    // Most strings are on one line of the text as they are; the others are matched across the line breaks.
    if (texts.some((text) => text.includes(wanted))) continue;
    const pattern = new RegExp(
      Array.from(wanted)
        .map((ch) => (ch === ' ' ? '[ \\n]' : literal(ch)))
        .join('\\n?'),
      'u',
    );
    if (!texts.some((text) => pattern.test(text))) missing.push(value);
  }
  return missing;
}

/** A character as itself in a regular expression (`u` mode escapes only syntax characters). */
const literal = (ch: string): string => ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
