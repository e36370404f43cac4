import type { DocumentMeta } from '../../tailor/model.js';

/**
 * The `<Document>` metadata every document carries: what a reader's PDF viewer and an
 * applicant-tracking system show, dated by the build's fixed date (never the clock), so that
 * the same inputs give the same bytes. Every document is tagged PDF/UA-1 (`conformance`, see
 * render/tagging/installTagging.ts): a structure tree in reading order, decoration as Artifacts.
 */
/** React-PDF hands `conformance` to pdfkit as its `subset`; its types list only the PDF/A ones. */
const PDF_UA = { conformance: 'PDF/UA' } as object;

export const documentMeta = (meta: DocumentMeta) => ({
  ...PDF_UA,
  title: meta.title,
  author: meta.author,
  subject: meta.subject,
  keywords: meta.keywords.join(', '),
  language: meta.language,
  creator: 'careerpdf',
  producer: 'careerpdf',
  creationDate: meta.creationDate,
  modificationDate: meta.creationDate,
});
