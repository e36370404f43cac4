import LineBreaker from 'linebreak';
import { HANGUL_LETTER } from '../core/langs.js';

/**
 * React-PDF's hyphenation callback: it receives each space-separated word and returns its
 * parts. Between two non-empty parts React-PDF may break a line and insert a hyphen; an empty
 * part ('') instead becomes a zero-width glue: a break point with no hyphen. So:
 *
 * - ordinary words stay whole and no hyphen is ever inserted, in English or Korean; Korean
 *   breaks only between words (CSS `word-break: keep-all`), as Korean documents do;
 * - a URL, path or other long token gets silent break points where UAX #14 allows one
 *   (after `/`, `?`, …), so it wraps inside the margin instead of being clipped — but before a
 *   hyphen, never after it (as style guides break URLs): a text extractor (an applicant-tracking
 *   system) takes a hyphen at the end of a line for a hyphenation and joins `sy-park-` /
 *   `example` into `sy-parkexample`;
 * - a run with no legal break that is still too long for a narrow column (a long Hangul
 *   compound, a hash) gets break points between every character, as a last resort;
 * - a URL's scheme and host stay whole (up to KEPT_HOST_LENGTH characters: a longer one may not fit a sidebar);
 * - a token glued with NBSP (dates, phone numbers: compose/resume/Entry.tsx keepTogether) never breaks.
 */
export function breakPoints(word: string): string[] {
  if (word.length <= LONG_WORD) return [word];
  const runs: string[] = [];
  let last = 0;
  const hostEnd = keptHostEnd(word);
  for (const position of breakPositions(word)) {
    // UAX #14 breaks after a hyphen; a line here breaks before it instead (see above).
    const at = word[position - 1] === '-' ? position - 1 : position;
    if (at <= last || at >= word.length) continue;
    // UAX #14 allows a break between any two Hangul syllables; Korean typesetting keeps words whole.
    if (HANGUL_LETTER.test(word[at - 1]!) && HANGUL_LETTER.test(word[at]!)) continue;
    // NBSP glues what the layout keeps on one line (a date range, a phone number); UAX #14 allows a break after its dash.
    if (word[at - 1] === NBSP || word[at] === NBSP || word[position] === NBSP) continue;
    if (at < hostEnd) continue;
    runs.push(word.slice(last, at));
    last = at;
  }
  runs.push(word.slice(last));
  const parts = runs.flatMap((run, i) => {
    // The first run starts with the kept host: it stays whole, only what follows it may break anywhere.
    const kept = i === 0 ? hostEnd : 0;
    if (Array.from(run.slice(kept)).length <= LONG_RUN || run.includes(NBSP)) return [run];
    return kept > 0 ? [run.slice(0, kept), ...characters(run.slice(kept))] : characters(run);
  });
  return parts.flatMap((part, i) => (i === 0 ? [part] : ['', part]));
}

/**
 * Where UAX #14 allows a break, and — in a URL host too long to keep whole — after each of its
 * dots, so that such a host breaks between its labels (`portfolio.` / `example.dev`) before a
 * line breaks between letters (`example.d` / `ev`).
 */
function breakPositions(word: string): number[] {
  const positions: number[] = [];
  const breaker = new LineBreaker(word);
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) positions.push(bk.position);
  const host = URL_HOST.exec(word)?.[0];
  if (host && host.length > KEPT_HOST_LENGTH) for (let i = host.indexOf('.'); i !== -1; i = host.indexOf('.', i + 1)) positions.push(i + 1);
  return [...new Set(positions)].sort((a, b) => a - b);
}

/** A run's characters, each hyphen kept with the character after it (a line never ends at a hyphen, see above). */
function characters(run: string): string[] {
  const chars: string[] = [];
  for (const ch of run) {
    if (chars.length > 0 && chars[chars.length - 1]!.endsWith('-')) chars[chars.length - 1] += ch;
    else chars.push(ch);
  }
  return chars;
}

/** Words up to this length are never split. */
const LONG_WORD = 16;
/** An unbreakable run longer than this may not fit a sidebar column, so it may break anywhere. */
const LONG_RUN = 20;
const NBSP = '\u00a0';

/** A URL's scheme and host up to this length are never broken (the read-back checks it: verify/pageBreaks.ts). */
export const KEPT_HOST_LENGTH = 30;
/** The end of a URL's scheme and host (`https://example.com`), or 0: the word is no URL or its host is too long to keep. */
function keptHostEnd(word: string): number {
  const host = URL_HOST.exec(word)?.[0];
  return host && host.length <= KEPT_HOST_LENGTH ? host.length : 0;
}
export const URL_HOST = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[a-z0-9-]+\.)+[a-z]{2,}(?=[/?#:]|$)/i;
