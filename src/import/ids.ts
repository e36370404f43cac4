import { romanize } from 'es-hangul';
import { HANGUL_LETTER } from '../core/langs.js';

/** Ids this long are still readable in a role file's `exclude:` list. */
const MAX_ID_LENGTH = 40;

const HANGUL_RUN = new RegExp(`${HANGUL_LETTER.source}+`, 'g');

/**
 * An entry id made from its name, valid as the schema wants it (letters, digits, `-`, `_`,
 * starting with a letter or digit): lower case, Hangul romanised by the Revised Romanization
 * (`토스` → `toseu`, each Hangul run on its own so that punctuation stays a break), accents
 * dropped, anything else a `-`. Empty when the name has nothing to make it from (`日本語`).
 */
export function slugId(name: string): string {
  const romanized = name.normalize('NFC').replace(HANGUL_RUN, (run) => ` ${romanize(run)} `);
  const slug = romanized
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_ID_LENGTH) return slug;
  const cut = slug.slice(0, MAX_ID_LENGTH);
  return cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut;
}

/** Hands out ids unique in one resume: the first `toss`, then `toss-2`, `toss-3`… */
export class IdPool {
  private readonly taken = new Set<string>();

  constructor(existing: Iterable<string> = []) {
    for (const id of existing) this.taken.add(id.toLowerCase());
  }

  /** The first of `candidates` (names, most telling first) whose slug is free, else the first slug numbered; `fallback` when no name gives one. */
  claim(candidates: readonly (string | undefined)[], fallback: string): string {
    const slugs = candidates.map((c) => (c ? slugId(c) : '')).filter(Boolean);
    const free = slugs.find((s) => !this.taken.has(s));
    let id = free ?? slugs[0] ?? fallback;
    if (this.taken.has(id)) {
      let n = 2;
      while (this.taken.has(`${id}-${n}`)) n++;
      id = `${id}-${n}`;
    }
    this.taken.add(id);
    return id;
  }
}
