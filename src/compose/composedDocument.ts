import type { ReactElement } from 'react';
import type { Decision } from '../tailor/model.js';
import type { AtsItem } from '../verify/atsView.js';
import type { DocumentOutline } from './documentOutline.js';
import type { Lang } from '../validate/schema/primitives.js';
import type { DocumentKind } from '../write/manifest.js';

/** A composed document: the element tree to render and what the later steps need to know of it. */
export interface ComposedDocument {
  kind: DocumentKind;
  element: ReactElement;
  /**
   * For a document that prints what only its own layout knows (the portfolio's contents print
   * the pages its projects start on): true once the last layout printed what it laid out. The
   * render step lays the document out again until it is (see render/renderDocument.ts).
   */
  settled?: () => boolean;
  /** The model drawn: its hash is what the cache keys on. */
  content: unknown;
  /** Every text the document draws (compose/drawnTexts.ts): verify finds each in the PDF's text layer, as a reader would. */
  drawn: readonly string[];
  /** What it draws block by block, in reading order (compose/documentOutline.ts): verify's page-break and page-budget checks read the PDF against it. */
  outline: DocumentOutline;
  /** Parts of the file name; `lang` names the kind in a form's template (이력서, Resume). */
  naming: { name: string; company?: string; position?: string; lang: Lang };
  pageBudget?: number;
  /** Tighten the theme, within its minimums, until the document fits its budget and leaves no short last page (see fit/). */
  fit?: boolean;
  /** A resume: what an applicant-tracking system must find in it, whole and in order (verify/atsView.ts). */
  ats?: readonly AtsItem[];
  decisions: Decision[];
  /** Files written beside the PDF as they are (e.g. the paste-ready answers), each listed in the manifest. */
  companions?: CompanionFile[];
  /** Lines the build prints under the document's line (e.g. each answer's count). */
  notes?: string[];
}

/** A non-PDF output of a document maker. */
export interface CompanionFile {
  kind: DocumentKind;
  /** File extension, without the dot. */
  ext: string;
  content: string;
}
