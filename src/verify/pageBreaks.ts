import type { Problem } from '../core/problems.js';
import { KEPT_HOST_LENGTH, URL_HOST } from '../render/breakPoints.js';
import type { DocumentOutline, OutlineBlock } from '../compose/documentOutline.js';
import type { PageText, TextRun } from './pdfText.js';
import type { TextArea } from './verifyText.js';
import { squashSeparators } from './squash.js';

/**
 * Bad page breaks, found by reading a document back: what a recruiter notices first. Each defect
 * names the block it is in. Lines are the body's runs grouped by their top (the main column only,
 * in a sidebar layout: the sidebar's entries are unbreakable), located by searching each block's
 * strings in order, as the document's outline lists them (compose/documentOutline.ts).
 */
export function checkPageBreaks(pages: readonly PageText[], outline: DocumentOutline, area: TextArea, file: string): Problem[] {
  const twoColumns = area.sidebar !== undefined && outline.blocks.some((b) => b.column === 'sidebar');
  const lines = bodyLines(pages, area, twoColumns ? 'main' : 'page');
  const warn = (code: string, message: string): Problem => ({ severity: 'warning', code, path: file, message, hint: HINTS[code] });
  const problems: Problem[] = [];
  const text = lines.map((l) => l.squashed).join('');
  const lineAt = (offset: number) => lines.findIndex((l) => offset >= l.start && offset < l.start + l.squashed.length);

  let cursor = 0;
  // Where each block starts in the text, in order: what a page holds.
  const located: { label: string; start: number }[] = [];
  // A section title located, until the block after it is.
  let title: { label: string; line: number } | undefined;
  for (const block of outline.blocks) {
    // A page's own blocks (a portfolio's projects) are checked by their tails (checkProjectTails).
    if (block.column === 'sidebar' || block.startsPage) continue;
    const span = locate(text, block, cursor);
    if (!span) continue;
    cursor = span.end;
    const first = lineAt(span.start);
    const last = lineAt(span.end - 1);
    const headEnd = lineAt(span.headEnd - 1);
    if (first === -1 || last === -1) continue;
    if (block.kind === 'section-title') {
      title = { label: block.label, line: first };
      continue;
    }
    if (title) problems.push(...titleBreaks(title, first));
    title = undefined;
    if (block.kind !== 'person') located.push({ label: block.label, start: span.start });
    // An unbreakable block the layout still split was taller than a page: nothing the break rules promise.
    if (!block.breaks) continue;
    const startPage = lines[first]!.page;
    const endPage = lines[last]!.page;
    if (startPage === endPage) continue;
    const onStart = lines.slice(first, last + 1).filter((l, i) => l.page === startPage && first + i > headEnd).length;
    const onNext = lines.slice(first, last + 1).filter((l) => l.page === startPage + 1).length;
    if (onStart < 2)
      problems.push(
        warn(
          'break-head-alone',
          `page ${startPage + 1}: "${shorten(block.label)}" ends the page with ${onStart === 0 ? 'only its head' : 'its head and one line'}; the rest is on page ${startPage + 2}`,
        ),
      );
    if (onNext === 1 && endPage === startPage + 1)
      problems.push(
        warn('break-tail-alone', `page ${endPage + 1} starts with the last line of "${shorten(block.label)}" alone: "${shorten(lines[last]!.text)}"`),
      );
  }

  /** A section title's page against its first block's; and the page before a section that starts a page: much of its body empty means the whole section moved on. */
  function titleBreaks({ label, line: titleLine }: { label: string; line: number }, firstLine: number): Problem[] {
    const found: Problem[] = [];
    const titlePage = lines[titleLine]!.page;
    if (titlePage !== lines[firstLine]!.page)
      found.push(
        warn(
          'break-section-title-alone',
          `page ${titlePage + 1}: the section title "${shorten(label)}" ends the page; its first entry is on page ${lines[firstLine]!.page + 1}`,
        ),
      );
    if (titlePage > 0 && lines.findIndex((l) => l.page === titlePage) === titleLine) {
      const empty = emptyShare(pages, lines, titlePage - 1, area);
      if (empty > LARGE_EMPTY)
        found.push(
          warn(
            'break-page-left-empty',
            `page ${titlePage}: ${Math.round(empty * 100)}% of the page's body is empty because the section "${shorten(label)}" moved whole to page ${titlePage + 1}`,
          ),
        );
    }
    return found;
  }

  if (outline.fullLastPage && pages.length > 1) {
    const used = lastPageShare(pages, area);
    if (used < SHORT_LAST_PAGE) {
      const onPage = lines.filter((l) => l.page === pages.length - 1);
      const onLast = onPage.length > 0 ? located.filter((e) => e.start >= onPage[0]!.start).map((e) => e.label) : [];
      problems.push(
        warn(
          'break-short-last-page',
          `the last page (${pages.length}) holds ${Math.round(used * 100)}% of a page${onLast.length > 0 ? `: ${onLast.map((s) => `"${shorten(s)}"`).join(', ')}` : ''}`,
        ),
      );
    }
  }
  // A list marker alone on a page's last line: its text went on to the next page without it.
  const markers = new Set(outline.markers);
  for (const [i, line] of lines.entries())
    if (markers.has(line.text) && lines[i + 1]?.page !== line.page)
      problems.push(warn('break-marker-alone', `page ${line.page + 1}: a bullet's marker "${line.text}" is alone on its line; its text is on the next page`));
  problems.push(...splitTokens([...lines, ...(twoColumns ? bodyLines(pages, area, 'sidebar') : [])], outline, warn));
  return problems;
}

/**
 * Blocks that start a page (a portfolio's projects) and run onto a further page must not end
 * there with a short tail (under SHORT_LAST_PAGE of the page): a page turned for a few lines. Each
 * is found by its head (`PROJECT 02` + title), page by page.
 */
export function checkProjectTails(pages: readonly PageText[], outline: DocumentOutline, area: TextArea, file: string): Problem[] {
  const pageTexts = pages.map((p) => squashSeparators(p.runs.map((r) => r.text).join('')));
  const starts: { label: string; page: number }[] = [];
  let from = 0;
  for (const block of outline.blocks) {
    if (!block.startsPage) continue;
    const head = squashSeparators(block.head.join(''));
    const page = pageTexts.findIndex((text, i) => i >= from && text.includes(head));
    if (page === -1) continue;
    starts.push({ label: block.label, page });
    from = page + 1;
  }
  const lines = bodyLines(pages, area, 'page');
  return starts.flatMap(({ label, page }, i) => {
    const last = (starts[i + 1]?.page ?? pages.length) - 1;
    if (last <= page) return [];
    const used = 1 - emptyShare(pages, lines, last, area);
    if (used >= SHORT_LAST_PAGE) return [];
    return [
      {
        severity: 'warning' as const,
        code: 'break-project-tail',
        path: file,
        message: `page ${last + 1} holds only the end of the project "${shorten(label)}" (${Math.round(used * 100)}% of a page)`,
        hint: 'shorten the project page by a few lines, or move its last paragraph up',
      },
    ];
  });
}

/** The share of the last page's body its text fills, top to bottom (1 for a document of one page that fills it). */
export const lastPageShare = (pages: readonly PageText[], area: TextArea): number =>
  1 - emptyShare(pages, bodyLines(pages, area, 'page'), pages.length - 1, area);

/** A last page holding less than this share of the body is a page a recruiter turns for nothing. */
export const SHORT_LAST_PAGE = 0.2;
/** A page that ends with more than this share of its body empty, before a section that starts the next page. */
const LARGE_EMPTY = 0.25;

const HINTS: Record<string, string> = {
  'break-head-alone':
    "a layout bug in careerpdf (an entry's head stays with two lines of it): please report it; meanwhile shorten the entry or the one before it",
  'break-tail-alone': 'a layout bug in careerpdf (a tail of two lines at least moves together): please report it; meanwhile shorten the entry by a line',
  'break-section-title-alone': 'a layout bug in careerpdf (a section title stays with its first entry): please report it',
  'break-page-left-empty': 'a layout bug in careerpdf (a section may break when its start fits): please report it',
  'break-short-last-page':
    'shorten the resume by a few lines (limits, exclude), or let fit pull it back: pages: { fit: true } in the role file, or build --fit',
  'break-marker-alone':
    "a layout bug in careerpdf (a bullet's marker stays with its text): please report it; meanwhile shorten the bullet or the one before it",
  'break-split-token': 'a layout bug in careerpdf (dates, phone numbers, emails and hosts are kept on one line): please report it',
};

interface Line {
  page: number;
  top: number;
  bottom: number;
  text: string;
  squashed: string;
  /** Offset of the line in the squashed text of all lines. */
  start: number;
}

/**
 * The body's lines, page by page, top to bottom: runs whose tops are within a few points are one
 * line. In a sidebar layout, of the main column, of the sidebar, or of the whole page.
 */
function bodyLines(pages: readonly PageText[], area: TextArea, column: 'main' | 'sidebar' | 'page'): Line[] {
  const inColumn = (r: TextRun) => !area.sidebar || column === 'page' || r.x >= area.sidebar.right === (column === 'main');
  const lines: Line[] = [];
  let start = 0;
  pages.forEach((page, p) => {
    const inBody = (r: TextRun) =>
      r.text.trim() !== '' && r.top >= area.margin.top - 2 && r.top < page.height - area.margin.bottom - area.footer && inColumn(r);
    const runs = page.runs.filter(inBody).sort((a, b) => a.top - b.top || a.x - b.x);
    let group: TextRun[] = [];
    const flush = () => {
      if (group.length === 0) return;
      const sorted = [...group].sort((a, b) => a.x - b.x);
      const text = sorted
        .map((r) => r.text)
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim();
      const squashed = squashSeparators(text);
      const top = Math.min(...group.map((r) => r.top));
      // The run's height is not read; its top and the line's font size are close enough: a body line is ~10 pt.
      lines.push({ page: p, top, bottom: Math.max(...group.map((r) => r.top)) + LINE_HEIGHT, text, squashed, start });
      start += squashed.length;
      group = [];
    };
    for (const run of runs) {
      if (group.length > 0 && run.top - group[0]!.top > SAME_LINE) flush();
      group.push(run);
    }
    flush();
  });
  return lines;
}

/** Runs of one line differ in top by their font sizes (a title and its dates): less than a line apart. */
const SAME_LINE = 4;
const LINE_HEIGHT = 12;

function emptyShare(pages: readonly PageText[], lines: readonly Line[], page: number, area: TextArea): number {
  const height = pages[page]!.height - area.margin.top - area.margin.bottom - area.footer;
  const onPage = lines.filter((l) => l.page === page);
  if (onPage.length === 0) return 1;
  return Math.max(0, (pages[page]!.height - area.margin.bottom - area.footer - Math.max(...onPage.map((l) => l.bottom))) / height);
}

/** Where a block's strings are in the squashed text from `from` on: its first and last character, and where its head ends. */
function locate(text: string, strings: Pick<OutlineBlock, 'head' | 'body'>, from: number): { start: number; headEnd: number; end: number } | undefined {
  const title = squashSeparators(strings.head[0]!);
  const start = text.indexOf(title, from);
  if (start === -1 || title === '') return undefined;
  let end = start + title.length;
  let headEnd = end;
  for (const [i, s] of [...strings.head.slice(1), ...strings.body].entries()) {
    const wanted = squashSeparators(s);
    // A string of the entry is near: within its own length and a line or two of what comes before it.
    const at = text.indexOf(wanted, end);
    if (wanted === '' || at === -1 || at - end > 200) continue;
    end = at + wanted.length;
    if (i < strings.head.length - 1) headEnd = end;
  }
  return { start, headEnd, end };
}

/** Dates, phone numbers, emails and a URL's scheme and host read as one token: each must be on one line. */
function splitTokens(lines: readonly Line[], outline: DocumentOutline, warn: (code: string, message: string) => Problem): Problem[] {
  const all = lines.map((l) => l.squashed).join('');
  const problems: Problem[] = [];
  for (const token of outline.blocks.flatMap((b) => b.unbroken ?? [])) {
    const kept = token.url ? urlHost(token.text) : token.text;
    // A longer host may break (it may not fit a narrow column): see render/breakPoints.ts.
    if (token.url && kept.length > KEPT_HOST_LENGTH) continue;
    const wanted = squashSeparators(kept);
    if (wanted.length < 4 || !all.includes(wanted) || lines.some((l) => l.squashed.includes(wanted))) continue;
    problems.push(warn('break-split-token', `the ${token.what} "${shorten(kept)}" is split across two lines`));
  }
  return problems;
}

const urlHost = (url: string): string => URL_HOST.exec(url)?.[0] ?? '';
const shorten = (text: string): string => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 50 ? `${line.slice(0, 47)}…` : line;
};
