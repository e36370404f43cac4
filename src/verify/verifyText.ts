import type { DocumentOutline } from '../compose/documentOutline.js';
import type { Problem } from '../core/problems.js';
import type { PageText, TextRun } from './pdfText.js';
import { squash } from './squash.js';

/** The page's text area: everything but the margins (and the footer band under the bottom margin line). */
export interface TextArea {
  margin: { top: number; right: number; bottom: number; left: number };
  /** The band above the bottom margin kept for the fixed footer. */
  footer: number;
  /** A sidebar layout: the sidebar's right edge and the sections drawn in it (the page-break checks read the main column). */
  sidebar?: { right: number; sections: readonly string[] };
}

/** Rounding of glyph advances and the PDF's number precision: below this nothing is visibly past the line. */
const TOLERANCE = 1;

/**
 * Text drawn into the left or right margin: a line laid out wider than its column (the text
 * area's edge is where a reader's eye and a printer's safe area end). One warning per page,
 * with the run that goes furthest.
 */
export function checkTextArea(pages: readonly PageText[], area: TextArea, file: string): Problem[] {
  const problems: Problem[] = [];
  pages.forEach((page, i) => {
    const right = page.width - area.margin.right;
    const past = (run: TextRun) => Math.max(area.margin.left - run.x, run.x + run.width - right);
    const worst = page.runs.filter((run) => run.text.trim() !== '' && past(run) > TOLERANCE).sort((a, b) => past(b) - past(a))[0];
    if (worst) {
      const side = worst.x < area.margin.left ? 'left' : 'right';
      // Quoted from the start of its line (a run may be one word of it): what the reader looks for on the page.
      const line = lineText(page.runs.filter((run) => Math.abs(run.top - worst.top) < TOLERANCE));
      problems.push({
        severity: 'warning',
        code: 'outside-text-area',
        path: file,
        message: `page ${i + 1}: text runs ${past(worst).toFixed(1)} pt into the ${side} margin: "${shorten(line)}"`,
        hint: 'a layout bug in careerpdf (a line wider than its column): please report it with this file',
      });
    }
  });
  return problems;
}

/**
 * Text laid out below the page's bottom edge, where no reader sees it (it is still in the text
 * layer). React-PDF does this, rather than loop, with a block that may not break (a table row,
 * an answer's heading with its first lines) taller than a page. One warning per page.
 */
export function checkBelowPage(pages: readonly PageText[], file: string): Problem[] {
  return pages.flatMap((page, i) => {
    const lost = page.runs.filter((run) => run.text.trim() !== '' && run.top >= page.height);
    if (lost.length === 0) return [];
    const text = lost.map((run) => run.text).join('');
    return [
      {
        severity: 'warning' as const,
        code: 'below-page',
        path: file,
        message: `page ${i + 1}: ${text.length.toLocaleString('en-US')} characters fall below the bottom of the page and are not seen, from "${shorten(lineText(lost.filter((run) => run.top === lost[0]!.top)))}": a block that cannot break (a table row) is taller than a page`,
        hint: 'shorten it: move long text out of a table cell into a paragraph, or split the row',
      },
    ];
  });
}

/**
 * Text drawn over other text: two runs of a page whose tops are closer than any two lines can be
 * and whose extents overlap (on one line too: a title running into the text beside it). A layout bug (a box the layout gave no height, so the next one is
 * drawn where it is), never the user's: the reader sees garbage. One warning per page.
 */
export function checkOverprint(pages: readonly PageText[], file: string): Problem[] {
  return pages.flatMap((page, i) => {
    const runs = page.runs.filter((run) => run.text.trim() !== '' && run.width > 0).sort((a, b) => a.top - b.top);
    for (let a = 0; a < runs.length; a++) {
      for (let b = a + 1; b < runs.length && runs[b]!.top - runs[a]!.top < OVERPRINT_LINE_GAP; b++) {
        const [first, second] = [runs[a]!, runs[b]!];
        const overlap = Math.min(first.x + first.width, second.x + second.width) - Math.max(first.x, second.x);
        if (overlap <= OVERPRINT_MIN_OVERLAP) continue;
        return [
          {
            severity: 'warning' as const,
            code: 'overprint',
            path: file,
            message: `page ${i + 1}: "${shorten(second.text.trim())}" is drawn over "${shorten(first.text.trim())}" (${(second.top - first.top).toFixed(1)} pt apart): a layout bug in careerpdf`,
            hint: 'please report it with the data that makes it; a shorter label or title avoids it meanwhile',
          },
        ];
      }
    }
    return [];
  });
}
/** Two lines of text are at least this far apart (the smallest text, 5 pt, at line height 1). */
const OVERPRINT_LINE_GAP = 4.5;
/** Runs that merely touch (kerning, a trailing space) are not drawn over each other. */
const OVERPRINT_MIN_OVERLAP = 2;

/** Runs of one line, left to right, a space where there is a gap between two (a list marker and its text). */
function lineText(runs: readonly TextRun[]): string {
  const sorted = [...runs].sort((a, b) => a.x - b.x);
  return sorted.map((run, i) => (i > 0 && run.x - (sorted[i - 1]!.x + sorted[i - 1]!.width) > TOLERANCE ? ` ${run.text}` : run.text)).join('');
}

/**
 * Every text the document drew must be in the PDF's text as a reader extracts it — copy-paste,
 * applicant-tracking systems — whitespace and letter case aside (line breaks, upper-case
 * titles). Text split across a page break is found with the running headers and footers left out.
 */
export function checkExtractable(pages: readonly PageText[], drawn: readonly string[], area: TextArea, file: string): Problem[] {
  const all = squash(pages.map((p) => p.runs.map((r) => r.text).join('')).join(''));
  const body = squash(
    pages
      .map((p) =>
        p.runs
          .filter((r) => r.top >= area.margin.top - 2 && r.top < p.height - area.margin.bottom - area.footer)
          .map((r) => r.text)
          .join(''),
      )
      .join(''),
  );
  const missing: string[] = [];
  for (const drawnText of drawn) {
    const text = drawnText.replace(/\*\*/g, '');
    const wanted = squash(text);
    if (wanted.length >= 2 && !all.includes(wanted) && !body.includes(wanted)) missing.push(whereItDiffers(text, wanted, [all, body]));
  }
  if (missing.length === 0) return [];
  return [
    {
      severity: 'warning',
      code: 'text-not-extractable',
      path: file,
      message: `${missing.length} text${missing.length === 1 ? ' is' : 's are'} not in the PDF's text layer as written (a reader or an applicant-tracking system would not find ${missing.length === 1 ? 'it' : 'them'}; ‸ marks where the PDF differs): ${missing
        .slice(0, 3)
        .map((m) => `"${m.startsWith('…') ? m : shorten(m)}"`)
        .join(', ')}${missing.length > 3 ? ', …' : ''}`,
      hint: 'a rendering bug in careerpdf: please report it with the data that produced it',
    },
  ];
}

/**
 * A long paragraph is quoted where the PDF's text stops matching it (a character lost or added
 * at a line break), not from its start: the longest prefix found, by bisection.
 */
function whereItDiffers(text: string, wanted: string, haystacks: readonly string[]): string {
  const found = (k: number) => haystacks.some((h) => h.includes(wanted.slice(0, k)));
  let lo = 0;
  let hi = wanted.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (found(mid)) lo = mid;
    else hi = mid - 1;
  }
  if (lo < 10) return text;
  // Back from squashed (no whitespace, lower case) offsets to the text as written.
  let seen = 0;
  let at = 0;
  while (at < text.length && seen < lo) if (!/\s/.test(text[at++]!)) seen++;
  return `…${text.slice(Math.max(0, at - 20), at)}‸${text.slice(at, at + 20)}…`.replace(/\s+/g, ' ');
}

const shorten = (text: string): string => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 50 ? `${line.slice(0, 47)}…` : line;
};

/** The units a document is made of, in order: its entries, projects or questions, each with the text it starts with (and its id, where the data gives one). */
const unitsOf = (outline: DocumentOutline): { label: string; text: string; id?: string }[] =>
  outline.blocks.filter((b) => b.kind !== 'person' && b.kind !== 'section-title').map((b) => ({ label: b.label, text: b.head[0] ?? '', id: b.id }));

/**
 * The entries as the pages hold them, each with the page it starts on. Entries are found page by
 * page in their order (a title repeated later, in a summary, does not count); one not found is left out.
 */
export function entryPages(pages: readonly PageText[], outline: DocumentOutline): { label: string; id?: string; page: number }[] {
  const pageTexts = pages.map((p) => squash(p.runs.map((r) => r.text).join('')));
  let page = 0;
  const found: { label: string; id?: string; page: number }[] = [];
  for (const entry of unitsOf(outline)) {
    const wanted = squash(entry.text);
    if (wanted === '') continue;
    const at = pageTexts.findIndex((text, i) => i >= page && text.includes(wanted));
    if (at === -1) continue;
    page = at;
    found.push({ label: entry.label, id: entry.id, page: at });
  }
  return found;
}

/**
 * Over the page budget: which entry spilled over, the first one that starts past the budget,
 * with the one before it, which the budget's last page ends in or after.
 */
export function spillOver(pages: readonly PageText[], outline: DocumentOutline, budget: number, file: string): Problem[] {
  if (pages.length <= budget) return [];
  const entries = entryPages(pages, outline);
  const first = entries.findIndex((e) => e.page >= budget);
  if (first === -1) return [];
  const entry = entries[first]!;
  const previous = entries[first - 1];
  return [
    {
      severity: 'warning',
      code: 'page-budget-spill',
      path: file,
      message: `over the budget of ${budget} page${budget === 1 ? '' : 's'} from "${shorten(entry.label)}" on (it starts on page ${entry.page + 1})${previous ? `; page ${budget} ends in or after "${shorten(previous.label)}"` : ''}`,
      hint: 'drop or shorten that entry for this role (exclude, limits), or raise pages in the role file',
    },
  ];
}
