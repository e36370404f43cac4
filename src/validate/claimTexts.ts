import type { Nodes, Root } from 'mdast';
import type { SourceLocation } from '../core/problems.js';
import { codePointsBetween } from '../core/textPosition.js';
import { walkStrings } from '../core/walkStrings.js';
import type { DataPath, YamlSource } from '../load/parseYaml.js';
import type { SourcedText, TextOrigin } from '../tailor/resolveAnswers.js';
import type { ClaimText } from './checkConsistency.js';
import { formatPath } from './validateWithSchema.js';

/*
 * The texts checkConsistency compares, each able to say where any of its characters was written:
 * strings of YAML files, resolved answers (assembled from role files and shared blocks), and the
 * paragraphs, headings and table rows of portfolio pages.
 */

/** Every string in a parsed file (except under the top-level keys in `skip`). */
export function yamlTexts(source: YamlSource, label: string, options: { role?: string; skip?: readonly string[] } = {}): ClaimText[] {
  const texts: ClaimText[] = [];
  walkStrings(source.data, (path: DataPath, value: string) => {
    if (options.skip?.includes(String(path[0]))) return;
    texts.push(
      sourcedText(`${label} ${formatPath(path)}`, options.role, {
        text: value,
        pieces: [{ start: 0, end: value.length, origin: { source, path, value, offset: 0 } }],
      }),
    );
  });
  return texts;
}

/** A resolved answer: each figure is found in the role file or the shared block it came from. */
export function sourcedText(label: string, role: string | undefined, sourced: SourcedText): ClaimText {
  return {
    label,
    role,
    text: sourced.text,
    locate: (offset, length) => {
      const piece = sourced.pieces.find((p) => offset >= p.start && offset < p.end) ?? sourced.pieces[0]!;
      return locateInValue(piece.origin, piece.origin.offset + Math.max(0, offset - piece.start), length);
    },
  };
}

/**
 * The blocks of a markdown page a reader sees as units — paragraphs, headings, table rows
 * (cells joined by " | ") — each mapped back to the page's lines through its text nodes.
 */
export function markdownTexts(file: string, body: Root, label: string): ClaimText[] {
  const texts: ClaimText[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableRow') {
      const runs: { start: number; node: Nodes & { value: string } }[] = [];
      let text = '';
      const collect = (n: Nodes) => {
        if (n.type === 'text' || n.type === 'inlineCode') {
          runs.push({ start: text.length, node: n });
          text += n.value;
          return;
        }
        if (n.type === 'tableCell' && text !== '') text += ' | ';
        if ('children' in n) n.children.forEach(collect);
      };
      node.children.forEach(collect);
      if (text.trim() !== '') texts.push({ label: `${label}:${node.position?.start.line ?? 1}`, text, locate: (offset) => locateInRuns(file, runs, offset) });
      return;
    }
    if ('children' in node) node.children.forEach(visit);
  };
  visit(body);
  return texts;
}

function locateInRuns(file: string, runs: readonly { start: number; node: Nodes & { value: string } }[], offset: number): SourceLocation {
  const run = [...runs].reverse().find((r) => r.start <= offset) ?? runs[0];
  const start = run?.node.position?.start;
  if (!run || !start) return { file, line: 1, col: 1 };
  // A text node's value is its source, line for line (soft breaks keep their "\n"); only an
  // escape (\*) would shift the column, and then by a character or two.
  const before = run.node.value.slice(0, offset - run.start);
  const lines = before.split('\n');
  const last = lines.at(-1)!;
  const width = codePointsBetween(last, 0, last.length);
  return lines.length === 1 ? { file, line: start.line, col: start.column + width } : { file, line: start.line + lines.length - 1, col: width + 1 };
}

/**
 * file:line:col of `length` characters at `offset` of a YAML string value. The value's text is
 * found in the file after the value's start (the n-th occurrence, as in the value); when it was
 * written with escapes or folded, the value's start is the best we can say.
 */
export function locateInValue(origin: TextOrigin, offset: number, length: number): SourceLocation {
  const { source, path, value } = origin;
  const start = source.locate(path);
  const needle = value.slice(offset, offset + Math.max(1, length));
  let nth = 0;
  for (let i = value.indexOf(needle); i !== -1 && i < offset; i = value.indexOf(needle, i + 1)) nth++;
  const lines = lineStarts(source);
  const from = advance(source.text, lines[start.line - 1]!, start.col - 1);
  let at = from;
  for (let k = 0; k <= nth && at !== -1; k++) at = source.text.indexOf(needle, k === 0 ? at : at + 1);
  // Found far beyond where the value can end (indentation, quotes): it is some other text.
  const written = at !== -1 && at - from <= offset + value.split('\n').length * 200;
  return written ? positionOf(source.file, source.text, lines, at) : start;
}

/**
 * The offset of each line's start in a source's text, computed once per source: every claim and
 * glyph located in a file needs them, and walking the text for each made `check` quadratic in
 * the file's size (2,000 work entries: minutes).
 */
const lineStartsOf = new WeakMap<YamlSource, number[]>();
function lineStarts(source: YamlSource): number[] {
  let starts = lineStartsOf.get(source);
  if (!starts) {
    starts = [0];
    for (let i = source.text.indexOf('\n'); i !== -1; i = source.text.indexOf('\n', i + 1)) starts.push(i + 1);
    lineStartsOf.set(source, starts);
  }
  return starts;
}

/** file:line:col (the column in characters) of an offset: the last line starting at or before it (binary search). */
function positionOf(file: string, text: string, starts: readonly number[], offset: number): SourceLocation {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { file, line: low + 1, col: codePointsBetween(text, starts[low]!, offset) + 1 };
}

/** The offset `characters` code points after `offset` (a character outside the BMP is two UTF-16 units). */
function advance(text: string, offset: number, characters: number): number {
  let at = offset;
  for (let c = 0; c < characters && at < text.length; c++) {
    const unit = text.charCodeAt(at);
    at += unit >= 0xd800 && unit <= 0xdbff ? 2 : 1;
  }
  return at;
}
