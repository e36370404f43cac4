import type { DocumentMeta } from '../../tailor/model.js';

/**
 * The `<Document>` metadata every document carries: what a reader's PDF viewer and an
 * applicant-tracking system show, dated by the build's fixed date (never the clock), so that
 * the same inputs give the same bytes.
 */
export const documentMeta = (meta: DocumentMeta) => ({
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
