import { createRequire } from 'node:module';
import path from 'node:path';
import type * as Fontkit from 'fontkit';
import { fontFile, type FontFamilyName } from './fonts.js';
import { memoByText } from './memoByText.js';

/**
 * fontkit is loaded when a font is first opened: loading it is most of the time of a command
 * that draws nothing (`match`, ~0.1–0.7 s). Its ES module file is required (require(esm), Node
 * 20.19+), so that this is the very instance React-PDF imports; the file's place is fontkit
 * 2.0.4's, pinned in package.json.
 */
let fontkit: typeof Fontkit | undefined;
function loadFontkit(): typeof Fontkit {
  if (!fontkit) {
    const require = createRequire(import.meta.url);
    fontkit = require(path.join(path.dirname(require.resolve('fontkit')), 'module.mjs')) as typeof Fontkit;
  }
  return fontkit;
}

/*
 * Which characters a font stack can draw. React-PDF draws a character the whole stack lacks in
 * a non-embedded Helvetica: garbage on the page. Knowing the stack's coverage before rendering
 * lets validate report such a character at its source and tailor leave it out of the drawing.
 */

const opened = new Map<FontFamilyName, Fontkit.Font>();

/** The family's Regular file: every weight of a family here has the same character map. */
function font(family: FontFamilyName): Fontkit.Font {
  let f = opened.get(family);
  if (!f) opened.set(family, (f = loadFontkit().openSync(fontFile(family))));
  return f;
}

/** Per stack (by its families' names), what each code point asked about so far came out as. */
const coverage = new Map<string, Map<number, boolean>>();

/**
 * A stack's "has a glyph for this code point" test, cached per process: a build asks it for
 * every character of every string, so the stack is looked up once, not per character.
 */
function coverageTest(stack: readonly FontFamilyName[]): (codePoint: number) => boolean {
  const key = stack.join(',');
  let known = coverage.get(key);
  if (!known) coverage.set(key, (known = new Map()));
  const answers = known;
  return (codePoint) => {
    let has = answers.get(codePoint);
    if (has === undefined) answers.set(codePoint, (has = stack.some((family) => font(family).hasGlyphForCodePoint(codePoint))));
    return has;
  };
}

/** Every stack must draw it: a string may be drawn in the body font and in the heading font. */
export const stacksHave = (stacks: readonly (readonly FontFamilyName[])[], codePoint: number): boolean =>
  stacks.every((stack) => coverageTest(stack)(codePoint));

/**
 * Characters that are not drawn as glyphs of their own: whitespace (line breaks, spaces) and
 * the joiners and selectors inside emoji and Hanja variation sequences.
 */
export const isInvisible = (codePoint: number): boolean =>
  codePoint === 0x200c ||
  codePoint === 0x200d ||
  (codePoint >= 0xfe00 && codePoint <= 0xfe0f) ||
  (codePoint >= 0xe0100 && codePoint <= 0xe01ef) ||
  /\s/u.test(String.fromCodePoint(codePoint));

/** A pictograph (😀, ✅ as emoji), a flag's letters or a skin-tone modifier: drawn by no font here. */
export const isEmoji = (cluster: string): boolean => /\p{Extended_Pictographic}|\p{Regional_Indicator}|[\u{1F3FB}-\u{1F3FF}]/u.test(cluster);

/**
 * Format characters that draw nothing (Unicode's Default_Ignorable_Code_Point: LRM/RLM,
 * the bidi embeddings, overrides and isolates U+202A–202E and U+2066–2069, ZWSP, the BOM,
 * the soft hyphen): text copied from web pages and Word carries them. A font need not have them,
 * and no glyph is missing when they are left out of the drawing.
 */
export const drawsNothing = (cluster: string): boolean => /^\p{Default_Ignorable_Code_Point}+$/u.test(cluster);

export interface Undrawable {
  /** Offset in the string (UTF-16 units) of the character cluster. */
  offset: number;
  /** The user-perceived character: an emoji with its modifiers and joiners is one. */
  cluster: string;
  emoji: boolean;
  /** Only format characters (see drawsNothing): left out of the drawing, never reported. */
  formatOnly: boolean;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * The character clusters of `text` some stack cannot draw (whitespace and joiners aside). A build
 * asks about the same strings in validate (checkGlyphs), tailor (drawableText) and compose
 * (fontStacks), and a watch rebuild about the strings of the last build: each string is looked at
 * once per stack set. The answers are shared: callers only read them.
 */
export function undrawable(text: string, stacks: readonly (readonly FontFamilyName[])[]): Undrawable[] {
  const key = stacks.map((stack) => stack.join(',')).join(';');
  let once = answered.get(key);
  if (!once) answered.set(key, (once = memoByText((_: string, text: string) => findUndrawable(text, stacks), ANSWERS_KEPT)));
  return once('', text);
}

/** Per stack set (by its families' names), the strings asked about and their answers. */
const answered = new Map<string, (_: string, text: string) => Undrawable[]>();
// Room for the strings of a data folder many times the example's (its `build --all` asks about ~470 per stack set).
const ANSWERS_KEPT = 20_000;

/** undrawable, uncached. The common case (all drawable) costs one cached lookup per character; clusters are only segmented when something is missing. */
function findUndrawable(text: string, stacks: readonly (readonly FontFamilyName[])[]): Undrawable[] {
  const tests = stacks.map(coverageTest);
  const drawable = (codePoint: number) => tests.every((has) => has(codePoint));
  let missing = false;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (!drawable(cp) && !isInvisible(cp)) {
      missing = true;
      break;
    }
  }
  if (!missing) return [];
  const found: Undrawable[] = [];
  for (const { segment, index } of segmenter.segment(text)) {
    const lacking = [...segment].some((ch) => !drawable(ch.codePointAt(0)!) && !isInvisible(ch.codePointAt(0)!));
    if (lacking) found.push({ offset: index, cluster: segment, emoji: isEmoji(segment), formatOnly: drawsNothing(segment) });
  }
  return found;
}

/** `U+1F468 U+200D U+1F469` */
export const codePoints = (cluster: string): string =>
  [...cluster].map((ch) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
