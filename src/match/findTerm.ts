import { isHangul } from './korean.js';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The pattern of one name in running text. Latin names match as whole words (`SQL` is not in
 * `PostgreSQL`, `Kubernetes와` is Kubernetes), with an English plural, in any case — except short
 * capitalised ones (`Go`, `ML`, `DW`), which match as written so that the verb "go" is not Go.
 * Korean names match inside words too: a noun is written joined to what follows (데이터를,
 * 파이프라인과) and compounds are written with or without spaces (데이터 웨어하우스 = 데이터웨어하우스).
 */
export function namePattern(name: string): RegExp {
  const spaced = escapeRegExp(name.trim()).replace(/\s+/g, '\\s*');
  if (isHangul(name)) return new RegExp(spaced, 'u');
  const exactCase = name.length <= 3 && /[A-Z]/.test(name);
  const plural = /[a-z]$/i.test(name) && name.length > 3 ? '(?:e?s)?' : '';
  return new RegExp(`(?<![A-Za-z0-9])${spaced}${plural}(?![A-Za-z0-9+#])`, exactCase ? 'u' : 'iu');
}

const patterns = new Map<string, RegExp>();
const patternOf = (name: string): RegExp => {
  let pattern = patterns.get(name);
  if (!pattern) patterns.set(name, (pattern = namePattern(name)));
  return pattern;
};

const everywhere = new Map<string, RegExp>();
/** Every place `name` is written in `text`. */
export function allPlaces(text: string, name: string): { offset: number; length: number }[] {
  let pattern = everywhere.get(name);
  if (!pattern) {
    const one = patternOf(name);
    everywhere.set(name, (pattern = new RegExp(one.source, `${one.flags}g`)));
  }
  return [...text.matchAll(pattern)].map((m) => ({ offset: m.index, length: m[0].length }));
}

/** The first place any of `names` is written in `text`: its offset and length, with the name found. */
export function findTerm(text: string, names: readonly string[]): { offset: number; length: number; name: string } | undefined {
  let best: { offset: number; length: number; name: string } | undefined;
  for (const name of names) {
    const m = patternOf(name).exec(text);
    if (m && (!best || m.index < best.offset || (m.index === best.offset && m[0].length > best.length))) best = { offset: m.index, length: m[0].length, name };
  }
  return best;
}
