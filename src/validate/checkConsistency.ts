import type { Problem, SourceLocation } from '../core/problems.js';
import { formatLocation } from '../core/problems.js';

/** One text of a person's materials: an answer of a role, a resume line, a paragraph of a portfolio page. */
export interface ClaimText {
  /** How the user knows it: `data-engineer · design`, `resume.yaml work[0].highlights[1]`. */
  label: string;
  /** The role whose material it is; none for what every role shares (the resume, shared blocks, pages). */
  role?: string;
  text: string;
  /** Where `length` characters at `offset` of the text were written. */
  locate(offset: number, length: number): SourceLocation;
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
  /**
   * What the figure is about: the two nearest words before it and the nearest after it that are
   * not figures, particles dropped ("구축 (기여도: 70%)" → 기여, 구축; "10명 규모의" → 규모).
   */
  subjectsBefore: string[];
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
  // Locating a figure reads its file: once per figure, however many others it disagrees with.
  const placed = new Map<number, Placed>();
  const placeOnce = (i: number) => placed.get(i) ?? placed.set(i, place(figures[i]!)).get(i)!;
  for (const [i, j] of candidatePairs(figures)) {
    const a = figures[i]!;
    const b = figures[j]!;
    if ((a.text === b.text && a.sentenceStart === b.sentenceStart) || !sameClaim(a, b)) continue;
    const pair: [Placed, Placed] = [placeOnce(i), placeOnce(j)];
    // A shared block is resolved once per role: the same two places meet again.
    const key = [pair[0].key, pair[1].key].sort().join(' ');
    if (pair[0].key === pair[1].key || seen.has(key)) continue;
    seen.add(key);
    conflicts.push(pair);
  }
  // With a selection of roles, a conflict only among other roles is not reported.
  const concerns = (p: Placed) => !options.roles || p.figure.text.role === undefined || options.roles.has(p.figure.text.role);
  return groupByOddOneOut(conflicts.filter((pair) => pair.some(concerns))).map(([odd, others]) => ({
    severity: 'warning',
    code: 'inconsistent-figure',
    at: odd.at,
    message: `"${quote(odd.figure)}" (${odd.figure.text.label}), but the same claim says ${others
      .slice(0, OTHERS_LISTED)
      .map((o) => `${o.figure.value} at ${o.key} (${o.figure.text.label})`)
      .join('; ')}${others.length > OTHERS_LISTED ? ` (and ${others.length - OTHERS_LISTED} more places)` : ''}`,
    hint: 'make the figures agree, or reword one so that it is clearly about something else',
  }));
}

/**
 * The pairs of figures (indices, i < j, in the order of a nested loop) that may be the same
 * claim: the same unit and part, different values, and a subject word in common — what sameClaim
 * requires first. Figures are grouped by those, so the work grows with the pairs that share a
 * subject, not with the square of all figures (2,000 work entries: 10,000 figures, 50 million
 * pairs, minutes of `check`).
 */
function candidatePairs(figures: readonly Figure[]): [number, number][] {
  // subject → value → the figures saying it: figures of one value never conflict.
  const buckets = new Map<string, Map<string, number[]>>();
  figures.forEach((f, i) => {
    const words = [...f.subjectsBefore.map((w) => `before\u0000${w}`), ...(f.subjectAfter !== undefined ? [`after\u0000${f.subjectAfter}`] : [])];
    for (const word of new Set(words)) {
      const key = `${f.unit}\u0000${f.role}\u0000${word}`;
      const byValue = buckets.get(key) ?? new Map<string, number[]>();
      buckets.set(key, byValue);
      const same = byValue.get(f.value);
      if (same) same.push(i);
      else byValue.set(f.value, [i]);
    }
  });
  const pairs = new Set<number>();
  for (const byValue of buckets.values()) {
    const groups = [...byValue.values()];
    for (let x = 0; x < groups.length; x++) {
      for (let y = x + 1; y < groups.length; y++) {
        for (const i of groups[x]!) for (const j of groups[y]!) pairs.add(Math.min(i, j) * figures.length + Math.max(i, j));
      }
    }
  }
  return [...pairs].sort((p, q) => p - q).map((p) => [Math.floor(p / figures.length), p % figures.length]);
}

/** The places a warning lists that disagree with it; the rest are counted. */
const OTHERS_LISTED = 5;

interface Placed {
  figure: Figure;
  at: SourceLocation;
  key: string;
}

const place = (figure: Figure): Placed => {
  const at = figure.text.locate(figure.start, figure.end - figure.start);
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

function extractFigures(claim: ClaimText): Figure[] {
  const text = claim.text;
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
  const before = a.subjectsBefore.some((word) => b.subjectsBefore.includes(word));
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
function anchors(before: string, after: string): Pick<Figure, 'subjectsBefore' | 'subjectAfter' | 'role'> {
  const nearestFirst = before.split(SEPARATORS).reverse(); // [0] is glued to the figure's left, e.g. "약"
  const wordsAfter = after.split(SEPARATORS);
  const glued = wordsAfter.shift() ?? ''; // glued to its right: "에서", "로", "간", "이상으로"
  // "95% 이상으로": a qualifier, glued or not, carries the particle that tells the part.
  const marker = glued !== '' ? glued.replace(QUALIFIER, '') : QUALIFIER.test(wordsAfter[0] ?? '') ? wordsAfter[0]!.replace(QUALIFIER, '') : '';
  const previous = nearestFirst.find((w) => w !== '') ?? '';
  const role =
    /^(?:에서|부터)/.test(marker) || /^\s*(?:→|->)/.test(after)
      ? 'from'
      : /^(?:으로|로|까지)/.test(marker) || /(?:→|->)\s*$/.test(before) || /#(?:에서|부터)$/.test(previous)
        ? 'to'
        : 'plain';
  return { subjectsBefore: subjects(nearestFirst, 2), subjectAfter: subjects(wordsAfter, 1)[0], role };
}

/** The first `count` real words of a list (nearest first): figures and qualifiers ("이상으로") skipped, particles dropped. */
function subjects(words: readonly string[], count: number): string[] {
  const found: string[] = [];
  for (const word of words) {
    if (found.length === count) break;
    const bare = letters(word);
    if (word.includes('#') || bare === '' || bare.replace(QUALIFIER, '').replace(PARTICLE, '') === '') continue;
    found.push(bare.length > 2 ? bare.replace(PARTICLE, '') : bare);
  }
  return found;
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
  const text = f.text.text;
  const from = Math.max(f.sentenceStart, f.start - 12);
  return `${from > f.sentenceStart ? '…' : ''}${text.slice(from, f.end).replace(/\s+/g, ' ')}`;
};
