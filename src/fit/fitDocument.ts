import type { ComposedDocument } from '../compose/composedDocument.js';
import type { DocumentOutline } from '../compose/documentOutline.js';
import { textAreaOf } from '../compose/styles.js';
import type { Problem } from '../core/problems.js';
import { renderDocument } from '../render/renderDocument.js';
import type { Theme } from '../validate/schema/theme.js';
import { inspectPdf } from '../verify/inspectPdf.js';
import { checkProjectTails, lastPageShare, SHORT_LAST_PAGE } from '../verify/pageBreaks.js';
import { type PageText, readPdfText } from '../verify/pdfText.js';
import { entryPages, type TextArea } from '../verify/verifyText.js';
import { describeTightening, FIT_STEPS, tightenedTheme } from './tighten.js';

export interface FitInput {
  doc: ComposedDocument;
  theme: Theme;
  /** The same document composed in another theme: a tightened one. */
  recompose: (theme: Theme) => ComposedDocument;
  /** The file, as problems name it. */
  file: string;
}

export interface Fitted {
  pdf: Buffer;
  /** The theme the PDF was laid out in: the document's own, or tightened. */
  theme: Theme;
  /** Layouts done: 1 when the document needed no fitting (or `fit` is off). */
  renders: number;
  /** What fit changed, or could not, as the build prints it under the document's line. */
  note?: string;
  problems: Problem[];
}

/**
 * Renders a document; when it asks for fit (`pages: { fit: true }`, `--fit`) and it is over its
 * page budget, or it leaves a short last page (under a fifth; in a portfolio, a project ending on
 * such a page), lays it out again in tighter
 * steps of its theme (fit/tighten.ts) until it takes one page less: the loosest step that fits,
 * found by bisection, so at most 1 + log2(FIT_STEPS) extra layouts (4; 3 when a step before the
 * minimums fits). Deterministic: the same document and theme always take the same steps. A document that does not fit even at the
 * theme's minimums is rendered as it is, with a warning naming what spills and what to cut.
 */
export async function renderFitted(input: FitInput): Promise<Fitted> {
  return fitRendered(await renderDocument(input.doc), input);
}

/** The fitting of renderFitted, for a document already rendered once (as `pdf`) in its own theme. */
export async function fitRendered(pdf: Buffer, { doc, theme, recompose, file }: FitInput): Promise<Fitted> {
  const pages = inspectPdf(pdf).pages;
  if (!doc.fit) return { pdf, theme, renders: 1, problems: [] };
  const budget = doc.pageBudget;
  const over = budget !== undefined && pages > budget;
  const short = over || pages === 1 ? undefined : shortPage(readPdfText(pdf), doc.outline, textAreaOf(theme));
  if (!over && !short) return { pdf, theme, renders: 1, problems: [] };
  const target = over ? budget : pages - 1;
  const goal = over ? `its budget of ${pageCount(target)}` : `${pageCount(target)} (its ${short} page is short)`;
  if (!theme.minimums) {
    return {
      pdf,
      theme,
      renders: 1,
      note: `fit: the theme "${theme.name}" declares no minimums, so nothing was tightened`,
      problems: over ? [fitProblem(file, `the resume cannot be fitted to ${goal}: the theme "${theme.name}" declares no minimums (theme.yaml)`, [])] : [],
    };
  }

  let renders = 1;
  const layout = async (step: number) => {
    const stepTheme = tightenedTheme(theme, step);
    const stepPdf = await renderDocument(recompose(stepTheme));
    renders++;
    return { step, theme: stepTheme, pdf: stepPdf, pages: inspectPdf(stepPdf).pages };
  };
  // Bisection over the path for the loosest step that fits: steps 4, then 2 or 6, then one of 1, 3, 5, 7; the last
  // step (the minimums) is laid out only when none before it fits. 3 extra layouts, or 4.
  let best: Awaited<ReturnType<typeof layout>> | undefined;
  let lo = 1;
  let hi = FIT_STEPS;
  while (lo < hi) {
    const candidate = await layout(Math.floor((lo + hi) / 2));
    if (candidate.pages <= target) {
      best = candidate;
      hi = candidate.step;
    } else lo = candidate.step + 1;
  }
  if (!best) {
    const tightest = await layout(FIT_STEPS);
    if (tightest.pages <= target) best = tightest;
    else {
      const atMinimums = describeTightening(theme, tightest.theme);
      if (!over)
        return {
          pdf,
          theme,
          renders,
          note: `fit: the short ${short} page stays: even at the theme's minimums (${atMinimums}) it takes ${pageCount(tightest.pages)}`,
          problems: [],
        };
      const spilled = entryPages(readPdfText(tightest.pdf), doc.outline).filter((e) => e.page >= target);
      return {
        pdf,
        theme,
        renders,
        problems: [
          fitProblem(file, `the resume does not fit ${goal} even at the theme's minimums (${atMinimums}): it takes ${pageCount(tightest.pages)}`, spilled),
        ],
      };
    }
  }
  const what = over ? `fitted to ${pageCount(target)}` : `${short} page pulled back, ${pages} → ${pageCount(target)}`;
  return { pdf: best.pdf, theme: best.theme, renders, note: `${what}: ${describeTightening(theme, best.theme)} (${renders - 1} extra renders)`, problems: [] };
}

/**
 * A page turned for a few lines: the `last` page under a fifth full, or in a portfolio (where each
 * project starts a page, so a short project is a short page by design) a project ending on such a page.
 */
function shortPage(pages: PageText[], outline: DocumentOutline, area: TextArea): 'last' | "project's last" | undefined {
  if (outline.blocks.some((b) => b.startsPage)) return checkProjectTails(pages, outline, area, '').length > 0 ? "project's last" : undefined;
  return outline.fullLastPage && lastPageShare(pages, area) < SHORT_LAST_PAGE ? 'last' : undefined;
}

const pageCount = (n: number) => `${n} page${n === 1 ? '' : 's'}`;

/** Over budget at the minimums: which entries spill (the last ones, by id where they have one) and what to cut. */
function fitProblem(file: string, message: string, spilled: { label: string; id?: string }[]): Problem {
  const names = spilled.map((e) => `"${e.label}"${e.id ? ` (${e.id})` : ''}`);
  const ids = spilled.flatMap((e) => (e.id ? [e.id] : []));
  const shown = names.length > 4 ? [...names.slice(0, 4), `and ${names.length - 4} more`] : names;
  return {
    severity: 'warning',
    code: 'fit-impossible',
    path: file,
    message: `${message}${shown.length > 0 ? `; what spills: ${shown.join(', ')}` : ''}`,
    hint: [
      ids.length > 0 ? `leave them out for this role (exclude: [${ids.slice(-4).join(', ')}])` : 'leave entries out for this role (exclude: [id, …])',
      'keep fewer highlights (limits: { highlights: 3 }) or entries (limits: { entries: { work: 3 } })',
      'or a denser theme (`careerpdf preview` prints every theme’s page count)',
    ].join(', '),
  };
}
