import type { FootnoteDefinition, Heading, Image, ImageReference, List, ListItem, Nodes, PhrasingContent, Root, RootContent, Table } from 'mdast';
import { plainText } from '../../validate/mdastText.js';
import { estimatedEms } from '../shared/estimatedEms.js';

/**
 * Pure helpers of the markdown walker: everything about the mdast that can be decided without
 * drawing, so that it is unit-tested without rendering a PDF.
 */

/** A heading with everything under it up to the next heading of the same or a higher level. */
export interface Section {
  type: 'section';
  heading: Heading;
  children: (RootContent | Section)[];
}

/**
 * Groups a flat list of blocks into nested sections. A section becomes one View with a bookmark,
 * so the outline nests like the headings (### under ##) and a heading stays with its content.
 */
export function sectionize(blocks: readonly RootContent[]): (RootContent | Section)[] {
  const top: (RootContent | Section)[] = [];
  const open: Section[] = [];
  for (const node of blocks) {
    if (node.type === 'heading') {
      while (open.length > 0 && open[open.length - 1]!.heading.depth >= node.depth) open.pop();
      const section: Section = { type: 'section', heading: node, children: [] };
      (open.length > 0 ? open[open.length - 1]!.children : top).push(section);
      open.push(section);
    } else {
      (open.length > 0 ? open[open.length - 1]!.children : top).push(node);
    }
  }
  return top;
}

/**
 * True when a block opens with an image. React-PDF's minPresenceAhead counts the part of an
 * unbreakable image above the page end as present, then moves the image: the heading before it
 * would be left alone. Such a heading is kept with the block in one unbreakable View instead.
 */
export function opensWithImage(block: RootContent | Section | undefined): boolean {
  return block?.type === 'paragraph' && splitAtImages(block.children)[0]?.kind === 'image';
}

/** A paragraph of images only (an image on a line of its own): with its caption under it, it stays short enough to keep on one page. */
export function isImageOnly(block: RootContent | Section | undefined): boolean {
  if (block?.type !== 'paragraph') return false;
  const runs = splitAtImages(block.children);
  return runs.length > 0 && runs.every((run) => run.kind === 'image');
}

/** A paragraph that is only emphasis (`*그림 1. 처리량*`): under an image, the markdown way of writing its caption. */
export function isCaption(block: RootContent | Section | undefined): boolean {
  if (block?.type !== 'paragraph') return false;
  const visible = block.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  return visible.length === 1 && visible[0]!.type === 'emphasis';
}

export type InlineRun = { kind: 'text'; nodes: PhrasingContent[] } | { kind: 'image'; node: Image | ImageReference };

/**
 * Splits a paragraph's inline content at its images and hard line breaks: React-PDF cannot put
 * an image inside a line of text, so each image becomes a block between the text before and
 * after it; a hard break starts a new line as a new Text (a "\n" in a Text would make React-PDF
 * reference an unembedded Helvetica for it). Runs that are only white space are dropped.
 */
export function splitAtImages(nodes: readonly PhrasingContent[]): InlineRun[] {
  const runs: InlineRun[] = [];
  let current: PhrasingContent[] = [];
  const flush = () => {
    const trimmed = trimBlank(current);
    if (trimmed.length > 0) runs.push({ kind: 'text', nodes: trimmed });
    current = [];
  };
  for (const node of nodes) {
    if (node.type === 'image' || node.type === 'imageReference') {
      flush();
      runs.push({ kind: 'image', node });
    } else if (node.type === 'break') flush();
    else current.push(node);
  }
  flush();
  return runs;
}

const isBlank = (node: PhrasingContent) => node.type === 'break' || (node.type === 'text' && node.value.trim() === '');

function trimBlank(nodes: PhrasingContent[]): PhrasingContent[] {
  let start = 0;
  let end = nodes.length;
  while (start < end && isBlank(nodes[start]!)) start++;
  while (end > start && isBlank(nodes[end - 1]!)) end--;
  const kept = nodes.slice(start, end);
  // A soft line break before an image leaves trailing white space in the text before it.
  const last = kept[kept.length - 1];
  if (last?.type === 'text' && /\s$/.test(last.value)) kept[kept.length - 1] = { ...last, value: last.value.trimEnd() };
  return kept;
}

const BULLETS = ['•', '◦', '▪'];

/** The marker of a list item: `3.` for ordered lists (from `start`), a bullet by depth otherwise, a box for tasks. */
export function listMarker(list: Pick<List, 'ordered' | 'start'>, index: number, depth: number, checked?: boolean | null): string {
  if (checked === true) return '✓';
  if (checked === false) return '□';
  if (list.ordered) return `${(list.start ?? 1) + index}.`;
  return BULLETS[depth % BULLETS.length]!;
}

/** The marker of every list item of a markdown body, as listMarker draws it. */
export function listMarkersOf(root: Root): string[] {
  const markers: string[] = [];
  const visit = (node: Nodes, depth: number): void => {
    if (node.type === 'list') node.children.forEach((item, i) => markers.push(listMarker(node, i, depth, item.checked)));
    if ('children' in node) for (const child of node.children) visit(child, node.type === 'list' ? depth + 1 : depth);
  };
  visit(root, 0);
  return markers;
}

/**
 * A list item of one short paragraph of text (up to UNBROKEN_ITEM_LINES lines in `width` at `fontSize`, estimated) is drawn whole:
 * split, its text moved on (a paragraph keeps two lines on each side of a break) and its marker stayed alone at the page's foot.
 * A longer item, or one of several blocks, breaks as its blocks do.
 */
export function keepsItemWhole(item: ListItem, width: number, fontSize: number): boolean {
  const [only, ...more] = item.children;
  // An image in it is a block of its own (splitAtImages): two could be taller than a page, which no unbreakable View may be.
  if (more.length > 0 || only?.type !== 'paragraph' || only.children.some((node) => node.type === 'image' || node.type === 'imageReference')) return false;
  return Math.ceil((estimatedEms(plainText(only)) * fontSize) / width) <= UNBROKEN_ITEM_LINES;
}
const UNBROKEN_ITEM_LINES = 4;

/** How wide a list's marker column must be: ordered markers grow with their digits. */
export function markerWidth(list: Pick<List, 'ordered' | 'start' | 'children'>, fontSize: number): number {
  if (!list.ordered) return fontSize * 1.3;
  const longest = `${(list.start ?? 1) + list.children.length - 1}.`.length;
  return fontSize * (0.62 * longest + 0.7);
}

/** Points per pixel: images are drawn at 96 dpi at most (never enlarged beyond that). */
const POINTS_PER_PIXEL = 0.75;

/** The drawn size of an image: at most its natural size, the width and the height given; aspect kept. */
export function fitImage(pixels: { width: number; height: number }, box: { maxWidth: number; maxHeight: number }): { width: number; height: number } {
  const scale = Math.min(POINTS_PER_PIXEL, box.maxWidth / pixels.width, box.maxHeight / pixels.height);
  return { width: round(pixels.width * scale), height: round(pixels.height * scale) };
}

const round = (value: number) => Math.round(value * 100) / 100;

/** Column shares of a table by the length of its longest cell text, so long text gets room. */
export function columnWeights(table: Table): number[] {
  const columns = Math.max(...table.children.map((row) => row.children.length), 1);
  const longest = Array.from({ length: columns }, (_, c) =>
    Math.max(...table.children.map((row) => (row.children[c] ? plainText(row.children[c]!).length : 0)), 1),
  );
  // Square root: a very long column should not starve the others.
  const weights = longest.map((n) => Math.sqrt(Math.min(n, 400)) + 2);
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => round(w / total));
}

/** Link and image definitions (`[id]: url`) and footnotes numbered in order of first reference. */
export interface References {
  definitions: Map<string, { url: string; title?: string | null }>;
  footnoteNumbers: Map<string, number>;
  /** Definitions in number order; a footnote that is never referenced is still listed, last. */
  footnotes: FootnoteDefinition[];
}

export function collectReferences(root: Root): References {
  const definitions = new Map<string, { url: string; title?: string | null }>();
  const footnoteDefs = new Map<string, FootnoteDefinition>();
  const footnoteNumbers = new Map<string, number>();
  const walk = (node: Nodes) => {
    if (node.type === 'definition') definitions.set(node.identifier, { url: node.url, title: node.title });
    if (node.type === 'footnoteDefinition') footnoteDefs.set(node.identifier, node);
    if (node.type === 'footnoteReference' && !footnoteNumbers.has(node.identifier)) footnoteNumbers.set(node.identifier, footnoteNumbers.size + 1);
    if ('children' in node) node.children.forEach(walk);
  };
  walk(root);
  for (const id of footnoteDefs.keys()) if (!footnoteNumbers.has(id)) footnoteNumbers.set(id, footnoteNumbers.size + 1);
  const footnotes = [...footnoteDefs.values()].sort((a, b) => footnoteNumbers.get(a.identifier)! - footnoteNumbers.get(b.identifier)!);
  return { definitions, footnoteNumbers, footnotes };
}

/** Only these open outside the PDF; `#anchors` and relative paths have no target in it. */
export const isExternalUrl = (url: string): boolean => /^(https?:|mailto:|tel:)/i.test(url);

/**
 * The lines of a code block, each drawn as its own Text: tabs become spaces (a PDF has no tab
 * stops), indentation becomes no-break spaces (React-PDF drops leading spaces of a line) and an
 * empty line keeps its height.
 */
export const codeLines = (code: string): string[] =>
  expandTabs(code)
    .split('\n')
    .map((line) => line.replace(/^ +/, (indent) => '\u00a0'.repeat(indent.length)) || '\u00a0');

/** Markdown's soft line break is a space; a "\n" must never reach a Text (see splitAtImages). */
export const softBreaks = (text: string): string => text.replace(/[ \t]*\r?\n[ \t]*/g, ' ');

/** Code as typed, with tabs as spaces (a PDF has no tab stops). */
export const expandTabs = (code: string, width = 4): string =>
  code
    .split('\n')
    .map((line) => {
      let out = '';
      for (const ch of line) out += ch === '\t' ? ' '.repeat(width - (out.length % width)) : ch;
      return out;
    })
    .join('\n');
