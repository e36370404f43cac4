import type { Problem } from '../core/problems.js';
import type { DrawnText } from './checkGlyphs.js';

/**
 * The longest run of characters with no space that a build draws. Longer runs are refused:
 * nothing a reader can use is that long (a long URL is a few hundred characters), so it is a
 * paste gone wrong — a base64 image, a minified file — that would fill pages with noise. It also
 * bounds the line breaker's work: React-PDF gets two parts per break point of a word
 * (render/breakPoints.ts) and spreads them into one call, which overflows the stack from about
 * 60,000 parts (a 30 KB token crashed the build).
 */
export const MAX_UNBROKEN_RUN = 1000;

const TOO_LONG = new RegExp(`\\S{${MAX_UNBROKEN_RUN + 1},}`, 'gu');

/** Every drawn run of more than MAX_UNBROKEN_RUN characters with no space, at its file:line:col. */
export function checkUnbrokenRuns(texts: readonly DrawnText[]): Problem[] {
  const problems: Problem[] = [];
  for (const text of texts) {
    for (const match of text.text.matchAll(TOO_LONG)) {
      const length = Array.from(match[0]).length;
      problems.push({
        severity: 'error',
        code: 'unbroken-run',
        at: text.locate(match.index, match[0].length),
        ...(text.path ? { path: text.path } : {}),
        message: `${length.toLocaleString('en-US')} characters with no space ("${match[0].slice(0, 24)}…"): no word is that long; it looks like a pasted file or base64 data, and would fill the page with noise`,
        hint: `remove it, or link to where it lives; a token of up to ${MAX_UNBROKEN_RUN.toLocaleString('en-US')} characters (a long URL) is kept and wraps across lines`,
      });
    }
  }
  return problems;
}
