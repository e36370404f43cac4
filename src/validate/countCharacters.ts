import type { Lang } from '../core/langs.js';
import { memoByText } from '../core/memoByText.js';
import { createRequire } from 'node:module';

/*
 * Counting lives in validate/ because it exists to check text against a form's limit: the
 * limit check (checkAnswerLimits) is its reason to be. The tailor step attaches the figures
 * to the resolved answers so that the PDF, the text file and the `answers` report all show
 * the very numbers the check used — nobody downstream counts again.
 */

/**
 * How an application site counts an answer. Korean sites differ: most count characters
 * including spaces (공백 포함), some excluding them (공백 제외), older ones count bytes — UTF-8,
 * or EUC-KR/CP949 where a Hangul syllable takes 2 bytes.
 */
export const COUNTING_UNITS = ['with-spaces', 'without-spaces', 'utf8-bytes', 'cp949-bytes'] as const;
export type CountingUnit = (typeof COUNTING_UNITS)[number];

/**
 * A browser submits a textarea's line breaks as CRLF: a site that counts on the server sees
 * 2 characters per line break (`crlf`), one that counts in the page sees 1 (`lf`).
 */
export const NEWLINE_MODES = ['lf', 'crlf'] as const;
export type NewlineMode = (typeof NEWLINE_MODES)[number];

export interface CountingRule {
  unit: CountingUnit;
  newline: NewlineMode;
}

export const DEFAULT_RULE: CountingRule = { unit: 'with-spaces', newline: 'lf' };

export interface CharacterCounts {
  /** Characters including spaces and line breaks, a line break counted per the rule's newline mode. */
  withSpaces: number;
  /** Characters that are not whitespace of any kind (spaces, NBSP, U+3000, tabs, line breaks). */
  withoutSpaces: number;
  utf8Bytes: number;
  /** Bytes in CP949 (a superset of EUC-KR); a character it cannot hold counts as the `?` it becomes. */
  cp949Bytes: number;
  lineBreaks: number;
  /** Characters an EUC-KR/CP949 form cannot hold (emoji, NBSP, accented Latin …), each once. */
  notInCp949: string[];
}

const graphemes = new Intl.Segmenter('ko', { granularity: 'grapheme' });
/** CRLF is one grapheme cluster (UAX #29 GB3), so a line break of any style is one segment. */
const LINE_BREAK = /^(?:\r\n|[\n\r\u2028\u2029\u0085])$/;
const WHITESPACE = /^\s+$/u;

/**
 * Counts `text` every way a Korean application site might. The text is normalised to NFC first
 * (a syllable typed as decomposed jamo counts once, as the site will see it after the browser
 * composes it) and characters are grapheme clusters, so an emoji with a skin-tone modifier or
 * a ZWJ family counts once.
 */
export const countCharacters = (text: string, newline: NewlineMode = 'lf'): CharacterCounts => countOnce(newline, text);

const countOnce = memoByText((newline: NewlineMode, text: string): CharacterCounts => {
  const nfc = text.normalize('NFC');
  let visible = 0;
  let spaces = 0;
  let lineBreaks = 0;
  for (const { segment } of graphemes.segment(nfc)) {
    if (LINE_BREAK.test(segment)) lineBreaks++;
    else if (WHITESPACE.test(segment)) spaces++;
    else visible++;
  }
  const submitted = nfc.replace(/\r\n|[\n\r\u2028\u2029\u0085]/g, newline === 'crlf' ? '\r\n' : '\n');
  // The CP949 figures are counted when first read: loading the encoding's table costs ~50 ms,
  // which a run that never reads them (`match`, a form counting characters) does not pay.
  let cp949Bytes: number | undefined;
  let notInCp949: string[] | undefined;
  return {
    withSpaces: visible + spaces + lineBreaks * (newline === 'crlf' ? 2 : 1),
    withoutSpaces: visible,
    utf8Bytes: Buffer.byteLength(submitted, 'utf8'),
    get cp949Bytes() {
      cp949Bytes ??= iconv().encode(submitted, 'cp949').length;
      return cp949Bytes;
    },
    lineBreaks,
    get notInCp949() {
      notInCp949 ??= [...new Set(submitted)].filter((ch) => !fitsCp949(ch));
      return notInCp949;
    },
  };
});

/** iconv-lite, loaded on first use (see countOnce). */
let iconvLite: typeof import('iconv-lite') | undefined;
const iconv = (): typeof import('iconv-lite') => {
  iconvLite ??= createRequire(import.meta.url)('iconv-lite') as typeof import('iconv-lite');
  return iconvLite;
};

/** Per character, whether CP949 holds it: an answer repeats a few hundred characters a thousand times. */
const inCp949 = new Map<string, boolean>();

function fitsCp949(ch: string): boolean {
  let fits = inCp949.get(ch);
  if (fits === undefined) inCp949.set(ch, (fits = iconv().decode(iconv().encode(ch, 'cp949'), 'cp949') === ch));
  return fits;
}

/** The one number a rule compares against the limit. */
export function countUnder(counts: CharacterCounts, unit: CountingUnit): number {
  switch (unit) {
    case 'with-spaces':
      return counts.withSpaces;
    case 'without-spaces':
      return counts.withoutSpaces;
    case 'utf8-bytes':
      return counts.utf8Bytes;
    case 'cp949-bytes':
      return counts.cp949Bytes;
    default: {
      const never: never = unit;
      throw new Error(`unknown counting unit ${String(never)}`);
    }
  }
}

const RULE_WORDS: Record<Lang, Record<CountingUnit | 'crlf', string>> = {
  ko: { 'with-spaces': '공백 포함', 'without-spaces': '공백 제외', 'utf8-bytes': 'UTF-8 바이트', 'cp949-bytes': 'EUC-KR 바이트', crlf: '줄바꿈 2자' },
  en: {
    'with-spaces': 'spaces included',
    'without-spaces': 'spaces not counted',
    'utf8-bytes': 'UTF-8 bytes',
    'cp949-bytes': 'EUC-KR bytes',
    crlf: 'a line break counts 2',
  },
};

/** How a rule is named to the user, the way Korean sites label their counters (in English for an English document). */
export function describeRule(rule: CountingRule, lang: Lang = 'ko'): string {
  const unit = RULE_WORDS[lang][rule.unit];
  return rule.newline === 'crlf' ? `${unit}, ${RULE_WORDS[lang].crlf}` : unit;
}

/** `자` for characters, `바이트` for bytes: `1,000자`, `2,000바이트`; in English ` characters`, ` bytes`. */
export const unitWord = (unit: CountingUnit, lang: Lang = 'ko'): string => {
  const bytes = unit === 'utf8-bytes' || unit === 'cp949-bytes';
  if (lang === 'en') return bytes ? ' bytes' : ' characters';
  return bytes ? '바이트' : '자';
};
