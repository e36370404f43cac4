import { PdfFile } from './pdfFile.js';
import { PdfLexer } from './pdfSyntax.js';
import { contentOf, walkPages } from './pdfText.js';

/** An operator that paints (text, a path, an image, a shading), drawn outside any marked-content sequence. */
export interface UnmarkedOperator {
  page: number;
  operator: string;
}

export interface MarkedContentFacts {
  /** Painting operators in no marked-content sequence: for PDF/UA, content neither tagged nor an Artifact (Matterhorn 01-005). */
  unmarked: UnmarkedOperator[];
  /** Pages where BDC/EMC do not nest with BT/ET, or do not balance. */
  misnested: number[];
}

/** Operators that put marks on the page: text showing, path painting (not `n`, which only ends a clip path), XObjects, shadings, inline images. */
const PAINTING = new Set(['Tj', 'TJ', "'", '"', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'S', 's', 'Do', 'sh', 'BI']);

/**
 * Reads every page's content stream for its marked content as pdfkit writes it (tagged PDF):
 * what is painted outside every BMC/BDC … EMC, and whether the sequences nest with the text
 * objects (a sequence begun inside BT … ET must end inside it, and the other way round).
 */
export function readMarkedContent(pdf: Uint8Array): MarkedContentFacts {
  const file = new PdfFile(pdf);
  const unmarked: UnmarkedOperator[] = [];
  const misnested: number[] = [];
  let page = 0;
  walkPages(file, (dict) => {
    page++;
    const lexer = new PdfLexer(contentOf(file, dict));
    let depth = 0;
    let depthAtBT: number | undefined;
    let ok = true;
    for (let token = lexer.next(); token; token = lexer.next()) {
      if (token.kind !== 'keyword') continue;
      const op = token.value;
      if (op === 'BMC' || op === 'BDC') depth++;
      else if (op === 'EMC') {
        depth--;
        if (depth < 0 || (depthAtBT !== undefined && depth < depthAtBT)) ok = false;
      } else if (op === 'BT') depthAtBT = depth;
      else if (op === 'ET') {
        if (depth !== depthAtBT) ok = false;
        depthAtBT = undefined;
      } else if (depth === 0 && PAINTING.has(op)) unmarked.push({ page, operator: op });
    }
    if (!ok || depth !== 0) misnested.push(page);
  });
  return { unmarked, misnested };
}
