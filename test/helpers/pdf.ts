import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Opens a PDF with pdfjs-dist (the same parser a browser's viewer uses). */
export async function openPdf(bytes: Buffer | Uint8Array) {
  return getDocument({ data: new Uint8Array(bytes), fontExtraProperties: true, isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
}

/** The text of every page, as pdfjs extracts it (what copy-paste and ATS parsers see). */
export async function pdfPagesText(bytes: Buffer | Uint8Array): Promise<string[]> {
  const doc = await openPdf(bytes);
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
  }
  await doc.destroy();
  return pages;
}

/** Whitespace-free text, for "verbatim, whitespace aside" comparisons across line breaks. */
export const squash = (text: string): string => text.normalize('NFC').replace(/\s+/g, '');

/** Fonts used on every page, with whether the PDF embeds them. */
export async function pdfFonts(bytes: Buffer | Uint8Array): Promise<{ name: string; embedded: boolean }[]> {
  const doc = await openPdf(bytes);
  const fonts = new Map<string, boolean>();
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const ops = await page.getOperatorList();
    for (let j = 0; j < ops.fnArray.length; j++) {
      const args = ops.argsArray[j] as unknown[] | null;
      if (!args || typeof args[0] !== 'string' || !String(args[0]).startsWith('g_')) continue;
      if (!page.commonObjs.has(args[0])) continue;
      const font = page.commonObjs.get(args[0]) as { name?: string; missingFile?: boolean };
      fonts.set(font.name ?? String(args[0]), !font.missingFile);
    }
  }
  await doc.destroy();
  return [...fonts].map(([name, embedded]) => ({ name, embedded }));
}

export async function pdfOutline(bytes: Buffer | Uint8Array): Promise<string[]> {
  const doc = await openPdf(bytes);
  const outline = (await doc.getOutline()) ?? [];
  const titles: string[] = [];
  const walk = (items: typeof outline) => items.forEach((item) => (titles.push(item.title), walk(item.items)));
  walk(outline);
  await doc.destroy();
  return titles;
}

export async function pdfInfo(bytes: Buffer | Uint8Array): Promise<Record<string, unknown>> {
  const doc = await openPdf(bytes);
  const { info } = await doc.getMetadata();
  await doc.destroy();
  return info as Record<string, unknown>;
}
