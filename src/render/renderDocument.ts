import type { ComposedDocument } from '../compose/composedDocument.js';
import { renderPdf } from './renderPdf.js';

/**
 * A document that prints what its layout decides (page numbers in a table of contents) is laid
 * out again until what it printed is what it laid out. React-PDF resolves the numbers within
 * one layout (see compose/portfolio/TocPageNumbers.ts), so a second layout is a safety net.
 */
const MAX_LAYOUTS = 3;

/**
 * Renders a composed document to PDF bytes. A document that has not settled after MAX_LAYOUTS
 * layouts is a bug in careerpdf, never written: it would print wrong numbers.
 */
export async function renderDocument(doc: Pick<ComposedDocument, 'kind' | 'element' | 'settled'>): Promise<Buffer> {
  let pdf = await renderPdf(doc.element);
  for (let layout = 2; doc.settled && !doc.settled(); layout++) {
    if (layout > MAX_LAYOUTS) throw new Error(`the ${doc.kind}'s contents did not print the pages its layout gave after ${MAX_LAYOUTS} layouts`);
    pdf = await renderPdf(doc.element);
  }
  return pdf;
}
