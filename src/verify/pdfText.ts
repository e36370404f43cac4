import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** One run of text as a PDF reader extracts it, in points from the page's top-left corner. */
export interface TextRun {
  text: string;
  x: number;
  /** Top of the run (baseline minus font size). */
  top: number;
  width: number;
}

export interface PageText {
  width: number;
  height: number;
  runs: TextRun[];
}

/**
 * The text of every page as pdfjs-dist (a browser's PDF reader) extracts it: what copy-paste and
 * applicant-tracking systems get. A text the reader cannot extract is, for them, not there.
 */
export async function readPdfText(pdf: Buffer): Promise<PageText[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const pages: PageText[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const [, , width, height] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const runs: TextRun[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        const [, , , scaleY, x, baseline] = item.transform as number[];
        runs.push({ text: item.str, x: x!, top: height - baseline! - Math.abs(scaleY!), width: item.width });
      }
      pages.push({ width, height, runs });
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}
