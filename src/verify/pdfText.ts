import { PdfFile } from './pdfFile.js';
import { readFont, type PdfFont } from './pdfFont.js';
import { PdfReadError, type PdfDict, type PdfValue } from './pdfSyntax.js';
import { readTextRuns } from './textRuns.js';

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
 * The text of every page as a reader extracts it from the ToUnicode maps: what copy-paste and
 * applicant-tracking systems get. A text the reader cannot extract is, for them, not there.
 * Reads the PDFs pdfkit writes (the tests check it against pdfjs-dist, a browser's reader, on
 * real builds) in 5–70 ms a document; throws PdfReadError on anything else it cannot read.
 */
export function readPdfText(pdf: Uint8Array): PageText[] {
  const file = new PdfFile(pdf);
  const fonts = new Map<PdfDict, PdfFont>();
  const pages: PageText[] = [];

  const readPage = (page: PdfDict, box: [number, number, number, number], resources: PdfDict) => {
    const fontDicts = resources.has('Font') ? file.dict(resources.get('Font'), "the page's /Font resources") : new Map<string, PdfValue>();
    const fontNamed = (name: string): PdfFont => {
      if (!fontDicts.has(name)) throw new PdfReadError(`font ${name} is used but not in the page's resources`);
      const dict = file.dict(fontDicts.get(name), `font ${name}`);
      const font = fonts.get(dict) ?? readFont(file, dict, name);
      fonts.set(dict, font);
      return font;
    };
    const runs = readTextRuns(contentOf(file, page), fontNamed, box);
    pages.push({ width: box[2] - box[0], height: box[3] - box[1], runs });
  };

  walkPages(file, readPage);
  return pages;
}

/** Each page of the page tree in /Kids order, with its MediaBox and Resources (either may be inherited from a parent node). */
export function walkPages(file: PdfFile, visit: (page: PdfDict, box: [number, number, number, number], resources: PdfDict) => void): void {
  const visited = new Set<PdfDict>();
  let count = 0;
  const walk = (node: PdfDict, box: [number, number, number, number] | undefined, resources: PdfDict | undefined) => {
    if (visited.has(node)) throw new PdfReadError('the page tree has a cycle');
    visited.add(node);
    const ownBox = node.get('MediaBox');
    box = ownBox === undefined ? box : mediaBox(file.array(ownBox, 'a MediaBox').map((n) => file.resolve(n)));
    resources = node.has('Resources') ? file.dict(node.get('Resources'), "a page's /Resources") : resources;
    if (node.get('Type') === 'Pages') {
      for (const kid of file.array(node.get('Kids'), "the page tree's /Kids")) walk(file.dict(kid, 'a page'), box, resources);
    } else {
      if (!box) throw new PdfReadError(`page ${count + 1} has no MediaBox`);
      count++;
      visit(node, box, resources ?? new Map());
    }
  };
  const catalog = file.dict(file.trailer.get('Root'), 'the catalog (/Root)');
  walk(file.dict(catalog.get('Pages'), 'the page tree (/Pages)'), undefined, undefined);
}

function mediaBox(values: (PdfValue | undefined)[]): [number, number, number, number] {
  const [x0, y0, x1, y1] = values;
  if (typeof x0 !== 'number' || typeof y0 !== 'number' || typeof x1 !== 'number' || typeof y1 !== 'number')
    throw new PdfReadError('a MediaBox that is not four numbers');
  return [Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1)];
}

/** /Contents: one stream, or an array of streams read as one. */
export function contentOf(file: PdfFile, page: PdfDict): Uint8Array {
  const contents = file.resolve(page.get('Contents'));
  if (contents === undefined || contents === null) return new Uint8Array();
  if (!Array.isArray(contents)) return file.streamData(contents, "a page's content stream");
  // The streams are split at token boundaries: a newline between them keeps tokens apart.
  return Buffer.concat(contents.flatMap((part) => [file.streamData(part, "a page's content stream"), Buffer.from('\n')]));
}
