import type { Problem } from '../core/problems.js';
import { PLACEHOLDER_PATTERN } from '../validate/schema/primitives.js';
import type { DocumentOutline } from '../compose/documentOutline.js';
import { type AtsItem, checkAtsView } from './atsView.js';
import { inspectPdf, type PdfFacts } from './inspectPdf.js';
import { readPdfText, type PageText } from './pdfText.js';
import { checkPageBreaks, checkProjectTails } from './pageBreaks.js';
import { checkBelowPage, checkExtractable, checkOverprint, checkTextArea, spillOver, type TextArea } from './verifyText.js';

export interface VerifyInput {
  file: string;
  pdf: Buffer;
  /** What the document drew, block by block (ComposedDocument.outline): for the page-break and page-budget checks. */
  outline: DocumentOutline;
  /** Every text the document drew (ComposedDocument.drawn): what a recruiter will read. */
  drawn: readonly string[];
  pageBudget?: number;
  /** A resume: what an applicant-tracking system must find in it, in order (atsView.ts). */
  ats?: readonly AtsItem[];
}

/** Checks a finished PDF before it is written. Problems are warnings unless the PDF is wrong. */
export function verifyDocument({ file, pdf, drawn, pageBudget }: VerifyInput): { facts: PdfFacts; problems: Problem[] } {
  const facts = inspectPdf(pdf);
  const problems: Problem[] = [];
  if (facts.unembeddedFonts.length > 0) {
    problems.push({
      severity: 'error',
      code: 'font-not-embedded',
      path: file,
      message: `the PDF uses fonts that are not embedded: ${facts.unembeddedFonts.join(', ')} (a character the fonts lack)`,
      hint: 'run `careerpdf check` to find the character, then remove or replace it',
    });
  }
  if (pageBudget !== undefined && facts.pages > pageBudget) {
    problems.push({
      severity: 'warning',
      code: 'page-budget',
      path: file,
      message: `${facts.pages} pages, over the role's budget of ${pageBudget}`,
      hint: 'lower limits.highlights or limits.entries in the role file, or raise pages',
    });
  }
  const placeholders = new Set<string>();
  for (const text of drawn) {
    const m = PLACEHOLDER_PATTERN.exec(text);
    if (m) placeholders.add(m[0]);
  }
  if (placeholders.size > 0) {
    problems.push({
      severity: 'warning',
      code: 'placeholder-in-pdf',
      path: file,
      message: `${placeholders.size} placeholder(s) printed in this PDF: ${[...placeholders].join(', ')}`,
      hint: 'fill in the facts in the data folder before sending it',
    });
  }
  return { facts, problems };
}

/**
 * The checks that read the PDF back as a reader does: every string of the model is in the text
 * layer, no line runs into the side margins or below the page, no bad page break (pageBreaks.ts), and over a page budget, the entry that spilled
 * over; a resume's facts whole and in order for an applicant-tracking system (atsView.ts). Reading costs 5–70 ms per document (readPdfText; the first of a process the most). A PDF
 * the reader cannot read is a warning, never a pass: the checks did not run.
 */
export function verifyRenderedText({ file, pdf, outline, drawn, pageBudget, ats }: VerifyInput, area: TextArea): Problem[] {
  let pages: PageText[];
  try {
    pages = readPdfText(pdf);
  } catch (err) {
    // PdfReadError is what the reader does not handle; anything else a bug in it. Either way the PDF itself may be fine.
    return [
      {
        severity: 'warning',
        code: 'text-unreadable',
        path: file,
        message: `the text of this PDF could not be read back, so it was not checked (extractable, inside the margins, page budget): ${(err as Error).message}`,
        hint: 'a bug in careerpdf: please report it with this file',
      },
    ];
  }
  return [
    ...checkExtractable(pages, drawn, area, file),
    ...checkTextArea(pages, area, file),
    ...checkBelowPage(pages, file),
    ...checkOverprint(pages, file),
    ...checkPageBreaks(pages, outline, area, file),
    ...checkProjectTails(pages, outline, area, file),
    ...(pageBudget !== undefined ? spillOver(pages, outline, pageBudget, file) : []),
    ...(ats ? checkAtsView(pages, ats, file) : []),
  ];
}
