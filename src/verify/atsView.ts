import type { Problem } from '../core/problems.js';
import type { PageText, TextRun } from './pdfText.js';
import { squash } from './squash.js';

/*
 * The resume as an applicant-tracking system reads it. A parser takes the text layer either in
 * content order (the order the PDF draws it: careerpdf's structure order) or in a layout order of
 * its own, column after column, each line left to right; it joins lines with a space and takes
 * a hyphen at a line's end for a hyphenation (`sy-park-` / `example` → `sy-parkexample`). In both
 * orders the facts a recruiter searches for must come out whole and in the resume's order (the
 * resume says which: compose/documentOutline.ts atsItems).
 */

export interface AtsItem {
  /** What it is, for the message: `the email`, `the title of "Acme"`. */
  what: string;
  text: string;
}

export type AtsOrder = 'content order' | 'layout order';

/** A page's runs grouped into lines: the same top within 2 pt. */
function linesOf(runs: readonly TextRun[]): TextRun[][] {
  const lines: TextRun[][] = [];
  for (const run of runs) {
    const line = lines.find((l) => Math.abs(l[0]!.top - run.top) <= 2);
    if (line) line.push(run);
    else lines.push([run]);
  }
  return lines;
}

/** Lines joined as a parser joins them: a space between, a line-ending hyphen taken for a hyphenation. */
const joinLines = (lines: readonly string[]): string => lines.reduce((text, line) => (text.endsWith('-') ? text.slice(0, -1) + line : `${text} ${line}`), '');

/** The text in content order: the runs as drawn, a new line where a run starts above or left of the last one. */
export function contentOrder(pages: readonly PageText[]): string {
  const lines: string[] = [];
  for (const page of pages) {
    let last: TextRun | undefined;
    for (const run of page.runs) {
      if (last && Math.abs(run.top - last.top) <= 2 && run.x >= last.x) lines[lines.length - 1] += run.text;
      else lines.push(run.text);
      last = run;
    }
  }
  return joinLines(lines.map((line) => line.trim()));
}

/**
 * The text in layout order: each page's columns (split at a vertical gap no line crosses, with
 * text on both sides over a twelfth of the page's height), left column first, top to bottom, each
 * line left to right.
 */
export function layoutOrder(pages: readonly PageText[]): string {
  const lines: string[] = [];
  for (const page of pages) {
    for (const column of columnsOf(page)) {
      const sorted = linesOf(column).sort((a, b) => a[0]!.top - b[0]!.top);
      for (const line of sorted) {
        lines.push(
          line
            .sort((a, b) => a.x - b.x)
            .map((run) => run.text)
            .join('')
            .trim(),
        );
      }
    }
  }
  return joinLines(lines);
}

function columnsOf(page: PageText): TextRun[][] {
  const gap = columnGap(page);
  if (gap === undefined) return [page.runs];
  return [page.runs.filter((run) => run.x + run.width <= gap), page.runs.filter((run) => run.x + run.width > gap)];
}

/**
 * The x of a vertical gap between two columns of text, or undefined: one column. A gap is a
 * column gap when no run on the page crosses it, both sides hold text over a twelfth of the page's
 * height, and the right side reads like a column: most of its lines start at its left edge (or an indent from it), and some are
 * wide (right-aligned dates beside titles leave a gap too, but they are neither).
 */
function columnGap(page: PageText): number | undefined {
  const spans = page.runs.filter((run) => run.width > 0).map((run) => [run.x, run.x + run.width] as const);
  if (spans.length === 0) return undefined;
  spans.sort((a, b) => a[0] - b[0]);
  let reach = spans[0]![1];
  for (const [start, end] of spans.slice(1)) {
    if (start - reach >= 8 && isColumnGap(page, (reach + start) / 2)) return (reach + start) / 2;
    reach = Math.max(reach, end);
  }
  return undefined;
}

function isColumnGap(page: PageText, gap: number): boolean {
  const left = page.runs.filter((r) => r.x + r.width <= gap);
  const right = page.runs.filter((r) => r.x > gap);
  if (coveredHeight(left) < page.height / COLUMN_MIN_SHARE || coveredHeight(right) < page.height / COLUMN_MIN_SHARE) return false;
  // A left gutter of section titles, far apart, is read line by line with the sections beside them; a sidebar's lines follow one another.
  if (medianLineGap(left) > medianLineGap(right) * GUTTER_SPARSENESS) return false;
  const lines = linesOf(right).map((line) => ({ start: Math.min(...line.map((r) => r.x)), end: Math.max(...line.map((r) => r.x + r.width)) }));
  if (Math.max(...lines.map((line) => line.end - line.start)) < page.width / 4) return false;
  // A column's lines start at its left edge or an indent from it (a bullet's text, its wrapped lines);
  // right-aligned dates start wherever their widths put them.
  const edge = Math.min(...lines.map((line) => line.start));
  return lines.filter((line) => line.start - edge <= COLUMN_INDENT).length >= lines.length * 0.6;
}

/**
 * Each side of a column gap holds text over 1/COLUMN_MIN_SHARE of the page's height: a short
 * sidebar (a name and three lines of contacts: a twelfth of the page) is a column too. What tells a
 * column from right-aligned dates is the right side's shape (above), not its height.
 */
const COLUMN_MIN_SHARE = 12;
/** A left column whose lines lie this many times further apart than the right one's is a gutter of titles, not a column. */
const GUTTER_SPARSENESS = 3;

/** The median distance between one line's top and the next one's. */
function medianLineGap(runs: readonly TextRun[]): number {
  const tops = linesOf(runs)
    .map((line) => line[0]!.top)
    .sort((a, b) => a - b);
  const gaps = tops
    .slice(1)
    .map((top, i) => top - tops[i]!)
    .sort((a, b) => a - b);
  return gaps.length === 0 ? Number.POSITIVE_INFINITY : gaps[Math.floor(gaps.length / 2)]!;
}
/** How far in from a column's left edge its lines may start: a bullet's text, a nested list. */
const COLUMN_INDENT = 16;

const coveredHeight = (runs: readonly TextRun[]): number => (runs.length === 0 ? 0 : Math.max(...runs.map((r) => r.top)) - Math.min(...runs.map((r) => r.top)));

/** Each item missing (not whole: broken, merged, a hyphen lost) or out of order in one reading order. */
export function findAtsProblems(text: string, items: readonly AtsItem[]): { item: AtsItem; found: 'broken' | 'out of order' }[] {
  const squashed = squash(text);
  const problems: { item: AtsItem; found: 'broken' | 'out of order' }[] = [];
  let at = 0;
  for (const item of items) {
    const target = squash(item.text);
    const next = squashed.indexOf(target, at);
    if (next >= 0) at = next + target.length;
    else problems.push({ item, found: squashed.includes(target) ? 'out of order' : 'broken' });
  }
  return problems;
}

/** The build's read-back of a resume, and `check --ats`: both orders, one problem per item and order. */
export function checkAtsView(pages: readonly PageText[], items: readonly AtsItem[], file: string): Problem[] {
  const problems: Problem[] = [];
  for (const [order, text] of [
    ['content order', contentOrder(pages)],
    ['layout order', layoutOrder(pages)],
  ] satisfies [AtsOrder, string][]) {
    for (const { item, found } of findAtsProblems(text, items)) {
      problems.push({
        severity: 'warning',
        code: 'ats-text',
        path: file,
        message:
          found === 'broken'
            ? `an applicant-tracking system reading in ${order} does not find ${item.what} whole: "${item.text}"`
            : `an applicant-tracking system reading in ${order} finds ${item.what} out of order: "${item.text}"`,
        hint: 'a careerpdf bug in the layout (a token broken at a hyphen, a column read across): please report it with this file',
      });
    }
  }
  return problems;
}
