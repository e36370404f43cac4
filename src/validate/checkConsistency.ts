import type { Problem, SourceLocation } from '../core/problems.js';
import { formatLocation } from '../core/problems.js';
import { walkStrings } from '../core/walkStrings.js';
import type { DataPath, YamlSource } from '../load/parseYaml.js';
import type { SourcedText, TextOrigin } from '../tailor/resolveAnswers.js';
import { formatPath } from './validateWithSchema.js';

/** One text of a person's materials: an answer of a role, a resume line, a role's summary. */
export interface ClaimText {
  /** How the user knows it: `data-engineer · design`, `resume.yaml work[0].highlights[1]`. */
  label: string;
  /** The role whose material it is; none for what every role shares (the resume, shared blocks). */
  role?: string;
  text: SourcedText;
}

/**
 * A figure in a sentence: `80%`, `60~70%`, `18년`, `5명`, `100ms`, `1억 건`, `2021년 3월`. The
 * unit decides what may be compared (a percentage with a percentage); the words around it
 * decide whether two figures are about the same thing.
 */
interface Figure {
  text: ClaimText;
  value: string;
  unit: string;
  start: number;
  end: number;
  /** Letters and digits just before and after the figure in its sentence, other figures as `#`. */
  before: string;
  after: string;
  /** The whole sentence the same way: other figures as `#`. */
  sentence: string;
  /** Where the sentence starts in the text: figures of one sentence are never compared (`100ms에서 20ms로`). */
  sentenceStart: number;
  /** The nearest word before and after that is not a figure, particles dropped: what the figure is about. */
  subjectBefore?: string;
  subjectAfter?: string;
  /** A figure something changed from (`100ms에서`, `60~70% →`), one it changed to (`20ms로`), or neither. */
  role: 'from' | 'to' | 'plain';
}

const UNITS = '%|ms|초|분|시간|개월|년|주|일|명|건|배|개|회|TB|GB|MB|KB|[xX]';
const NUMBER = String.raw`\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?`;
/** Dates first, so `2021년 3월` is one date and not a duration of 2021 years. */
const FIGURE = new RegExp(
  String.raw`(?<![A-Za-z0-9.,])(?:(?<date>(?:19|20)\d{2}(?:년(?:\s*\d{1,2}월)?|[.\-/]\s?\d{1,2}(?![\d.]))))|(?<![A-Za-z0-9.,])(?<number>(?:${NUMBER})(?:\s*[~∼–-]\s*(?:${NUMBER}))?)\s*(?<scale>만|억|천)?\s*(?<unit>${UNITS})(?![A-Za-z])`,
  'g',
);
const SENTENCE_END = /(?<=[.!?。])\s+|\n+/g;
/** How many letters/digits of context on each side identify what a figure is about. */
const CONTEXT = 10;

/**
 * Finds the same claim made with different figures in different places: "기여도: 80%" in one role's
 * answer and "기여도: 50%" in another's, "18년간" in one text and "17년간" in another, a team of
 * "10명" against one of "8명". Two figures are the same claim when they have the same unit and
 * part and are about the same word (see sameClaim). Each place that disagrees is one warning at
 * that place, listing the places it disagrees with. `roles` limits the report to conflicts that
 * involve those roles (or what all roles share).
 */
export function checkConsistency(texts: readonly ClaimText[], options: { roles?: ReadonlySet<string> } = {}): Problem[] {
  const figures = texts.flatMap(extractFigures);
  const conflicts: [Placed, Placed][] = [];
  const seen = new Set<string>();
  for (let i = 0; i < figures.length; i++) {
    for (let j = i + 1; j < figures.length; j++) {
      const a = figures[i]!;
      const b = figures[j]!;
      if (a.unit !== b.unit || a.value === b.value || (a.text === b.text && a.sentenceStart === b.sentenceStart) || !sameClaim(a, b)) continue;
      const pair: [Placed, Placed] = [place(a), place(b)];
      // A shared block is resolved once per role: the same two places meet again.
      const key = [pair[0].key, pair[1].key].sort().join(' ');
      if (pair[0].key === pair[1].key || seen.has(key)) continue;
      seen.add(key);
      conflicts.push(pair);
    }
  }
  // With a selection of roles, a conflict only among other roles is not reported.
  const concerns = (p: Placed) => !options.roles || p.figure.text.role === undefined || options.roles.has(p.figure.text.role);
  return groupByOddOneOut(conflicts.filter((pair) => pair.some(concerns))).map(([odd, others]) => ({
    severity: 'warning',
    code: 'inconsistent-figure',
    at: odd.at,
    message: `"${quote(odd.figure)}" (${odd.figure.text.label}), but the same claim says ${others.map((o) => `${o.figure.value} at ${o.key} (${o.figure.text.label})`).join('; ')}`,
    hint: 'make the figures agree, or reword one so that it is clearly about something else',
  }));
}

interface Placed {
  figure: Figure;
  at: SourceLocation;
  key: string;
}

const place = (figure: Figure): Placed => {
  const at = locateFigure(figure);
  return { figure, at, key: formatLocation(at) };
};

/**
 * One warning per place that disagrees with the others: when three places say 95% and one says
 * 90%, the 90% is reported once, listing the three.
 */
function groupByOddOneOut(conflicts: readonly [Placed, Placed][]): [Placed, Placed[]][] {
  const degree = new Map<string, number>();
  for (const [a, b] of conflicts) for (const p of [a, b]) degree.set(p.key, (degree.get(p.key) ?? 0) + 1);
  const groups = new Map<string, [Placed, Placed[]]>();
  for (const [a, b] of conflicts) {
    const [odd, other] = degree.get(b.key)! > degree.get(a.key)! ? [b, a] : [a, b];
    const group = groups.get(odd.key) ?? [odd, []];
    group[1].push(other);
    groups.set(odd.key, group);
  }
  return [...groups.values()];
}

/** Every string in a parsed file (except under `skip`), as texts that can locate their figures. */
export function stringsOf(source: YamlSource, label: string, options: { role?: string; skip?: readonly string[] } = {}): ClaimText[] {
  const texts: ClaimText[] = [];
  walkStrings(source.data, (path: DataPath, value: string) => {
    if (options.skip?.includes(String(path[0]))) return;
    texts.push({ label: `${label} ${formatPath(path)}`, role: options.role, text: { text: value, pieces: [{ start: 0, end: value.length, origin: { source, path, value, offset: 0 } }] } });
  });
  return texts;
}

function extractFigures(claim: ClaimText): Figure[] {
  const text = claim.text.text;
  const figures: Figure[] = [];
  for (const { start, end } of sentences(text)) {
    const sentence = text.slice(start, end);
    const matches = [...sentence.matchAll(FIGURE)];
    const masked = maskFigures(sentence, matches);
    for (const m of matches) {
      const groups = m.groups!;
      const from = m.index;
      const to = from + m[0].length;
      figures.push({
        text: claim,
        value: m[0].replace(/\s+/g, ''),
        unit: groups.date ? 'date' : groups.unit!.toLowerCase(),
        start: start + from,
        end: start + to,
        before: letters(maskFigures(sentence.slice(0, from), matchesIn(sentence.slice(0, from)))).slice(-CONTEXT),
        after: letters(maskFigures(sentence.slice(to), matchesIn(sentence.slice(to)))).slice(0, CONTEXT),
        sentence: letters(masked),
        sentenceStart: start,
        ...anchors(maskFigures(sentence.slice(0, from), matchesIn(sentence.slice(0, from))), maskFigures(sentence.slice(to), matchesIn(sentence.slice(to)))),
      });
    }
  }
  return figures;
}

/**
 * Whether two figures of one unit state the same fact: they play the same part (both a "from",
 * both a "to", or neither), are about the same word (before or after them), and either both
 * words agree, or the figure is the start or end of a change of that subject, or the sentences /
 * the words right around them are much alike. A subject alone
 * is not enough: "(기여도: 80%)" after one task and "(기여도: 70%)" after another are two facts.
 */
function sameClaim(a: Figure, b: Figure): boolean {
  if (a.role !== b.role) return false;
  const before = a.subjectBefore !== undefined && a.subjectBefore === b.subjectBefore;
  const after = a.subjectAfter !== undefined && a.subjectAfter === b.subjectAfter;
  if (!before && !after) return false;
  // Both neighbours agree, or one subject went from one figure to another ("품질을 …에서 …로"): one fact.
  if ((before && after) || (before && a.role !== 'plain')) return true;
  const side = (x: string, y: string) => (x.length >= 4 && y.length >= 4 ? similarity(x, y) : 0);
  return similarity(a.sentence, b.sentence) >= 0.35 || Math.max(side(a.before, b.before), side(a.after, b.after)) >= 0.75;
}

const SEPARATORS = /[\s()[\]{}:;,·'"“”‘’<>→\-–—/]+/;
const PARTICLE = /(?:에서|으로|부터|까지|께서|을|를|이|가|은|는|의|로|와|과|도|에)$/;
const QUALIFIER = /^(?:이상|이하|미만|초과|가량|정도|내외)/;

/** The subjects on either side of a figure and its part, from the text before and after it (other figures masked). */
function anchors(before: string, after: string): Pick<Figure, 'subjectBefore' | 'subjectAfter' | 'role'> {
  const nearestFirst = before.split(SEPARATORS).reverse(); // [0] is glued to the figure's left, e.g. "약"
  const wordsAfter = after.split(SEPARATORS);
  const glued = wordsAfter.shift() ?? ''; // glued to its right: "에서", "로", "간", "이상으로"
  // "95% 이상으로": a qualifier, glued or not, carries the particle that tells the part.
  const marker = glued !== '' ? glued.replace(QUALIFIER, '') : QUALIFIER.test(wordsAfter[0] ?? '') ? wordsAfter[0]!.replace(QUALIFIER, '') : '';
  const previous = nearestFirst.find((w) => w !== '') ?? '';
  const role = /^(?:에서|부터)/.test(marker) || /^\s*(?:→|->)/.test(after) ? 'from' : /^(?:으로|로|까지)/.test(marker) || /(?:→|->)\s*$/.test(before) || /#(?:에서|부터)$/.test(previous) ? 'to' : 'plain';
  return { subjectBefore: subject(nearestFirst), subjectAfter: subject(wordsAfter), role };
}

/** The first real word of a list (nearest first): figures skipped, particles dropped. */
function subject(words: readonly string[]): string | undefined {
  for (const word of words) {
    if (word.includes('#')) continue;
    const bare = letters(word);
    if (bare === '' || QUALIFIER.test(bare) && bare.replace(QUALIFIER, '').replace(PARTICLE, '') === '') continue; // "이상", "이상으로" qualify the figure
    return bare.length > 2 ? bare.replace(PARTICLE, '') : bare;
  }
  return undefined;
}

function* sentences(text: string): Generator<{ start: number; end: number }> {
  let start = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    yield { start, end: m.index };
    start = m.index + m[0].length;
  }
  yield { start, end: text.length };
}

const matchesIn = (text: string): RegExpExecArray[] => [...text.matchAll(FIGURE)];
const maskFigures = (text: string, matches: readonly RegExpMatchArray[]): string => {
  let out = '';
  let last = 0;
  for (const m of matches) {
    out += `${text.slice(last, m.index)}#`;
    last = m.index! + m[0].length;
  }
  return out + text.slice(last);
};
/** Letters, digits and figure marks only: spacing and punctuation vary between tellings. */
const letters = (text: string): string => text.replace(/[^\p{L}\p{N}#]/gu, '');

/** Dice coefficient of character bigrams: 1 for the same text, 0 for nothing in common. */
function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const grams = (s: string) => {
    const counts = new Map<string, number>();
    for (let i = 0; i < s.length - 1; i++) counts.set(s.slice(i, i + 2), (counts.get(s.slice(i, i + 2)) ?? 0) + 1);
    return counts;
  };
  const ga = grams(a);
  let shared = 0;
  for (const [gram, n] of grams(b)) shared += Math.min(n, ga.get(gram) ?? 0);
  return (2 * shared) / (a.length - 1 + b.length - 1);
}

const quote = (f: Figure): string => {
  const text = f.text.text.text;
  const from = Math.max(0, f.start - 12);
  return `${from > 0 ? '…' : ''}${text.slice(from, f.end).replace(/\s+/g, ' ')}`;
};

/** The figure's own place in its file, not just the start of the paragraph it is in. */
function locateFigure(f: Figure): SourceLocation {
  const piece = f.text.text.pieces.find((p) => f.start >= p.start && f.start < p.end);
  if (!piece) return { file: '', line: 0, col: 0 };
  return locateInValue(piece.origin, piece.origin.offset + (f.start - piece.start), f.end - f.start);
}

/**
 * file:line:col of `length` characters at `offset` of a string value. The value's text is found
 * in the file after the value's start (the n-th occurrence, as in the value); when it was
 * written with escapes or folded, the value's start is the best we can say.
 */
export function locateInValue(origin: TextOrigin, offset: number, length: number): SourceLocation {
  const { source, path, value } = origin;
  const start = source.locate(path);
  const needle = value.slice(offset, offset + Math.max(1, length));
  let nth = 0;
  for (let i = value.indexOf(needle); i !== -1 && i < offset; i = value.indexOf(needle, i + 1)) nth++;
  const from = offsetOf(source.text, start.line, start.col);
  let at = from;
  for (let k = 0; k <= nth && at !== -1; k++) at = source.text.indexOf(needle, k === 0 ? at : at + 1);
  // Found far beyond where the value can end (indentation, quotes): it is some other text.
  const written = at !== -1 && at - from <= offset + value.split('\n').length * 200;
  return written ? positionOf(source.file, source.text, at) : start;
}

function offsetOf(text: string, line: number, col: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) offset = text.indexOf('\n', offset) + 1;
  return offset + col - 1;
}

function positionOf(file: string, text: string, offset: number): SourceLocation {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { file, line, col: offset - before.lastIndexOf('\n') };
}
