/*
 * Korean words as a posting writes them: a noun followed by a particle (쿠버네티스를, Python과,
 * 경력이) or by a 하다 ending (설계하고, 운영해). Stripping them needs only whether the syllable
 * before has a final consonant (받침), which is arithmetic on the Unicode syllable block; a
 * Hangul library (es-hangul) offers this and much more, but not the stripping itself.
 */

const SYLLABLES_START = 0xac00;
const SYLLABLES_END = 0xd7a3;
/** The final consonant ㄹ: `로` follows it as it follows a vowel (서울로, 파일로). */
const RIEUL = 8;

/** The final consonant index of a Hangul syllable (0: none); undefined for anything else. */
function finalConsonant(syllable: string): number | undefined {
  const code = syllable.codePointAt(0) ?? 0;
  if (code < SYLLABLES_START || code > SYLLABLES_END) return undefined;
  return (code - SYLLABLES_START) % 28;
}

type After = 'consonant' | 'vowel' | 'vowel-or-rieul' | 'any';

/** Particles, longest first, with what the syllable before must end in. */
const PARTICLES: readonly (readonly [string, After])[] = [
  ['에서부터', 'any'],
  ['에서는', 'any'],
  ['에서도', 'any'],
  ['으로는', 'consonant'],
  ['으로서', 'consonant'],
  ['으로써', 'consonant'],
  ['이라는', 'consonant'],
  ['이라고', 'consonant'],
  ['에게서', 'any'],
  ['에서', 'any'],
  ['으로', 'consonant'],
  ['에게', 'any'],
  ['까지', 'any'],
  ['부터', 'any'],
  ['처럼', 'any'],
  ['보다', 'any'],
  ['이나', 'consonant'],
  ['이며', 'consonant'],
  ['이랑', 'consonant'],
  ['에는', 'any'],
  ['에도', 'any'],
  ['과의', 'consonant'],
  ['와의', 'vowel'],
  ['로서', 'vowel-or-rieul'],
  ['로써', 'vowel-or-rieul'],
  ['로는', 'vowel-or-rieul'],
  ['라는', 'vowel'],
  ['라고', 'vowel'],
  ['을', 'consonant'],
  ['를', 'vowel'],
  ['이', 'consonant'],
  ['가', 'vowel'],
  ['은', 'consonant'],
  ['는', 'vowel'],
  ['과', 'consonant'],
  ['와', 'vowel'],
  ['로', 'vowel-or-rieul'],
  ['나', 'vowel'],
  ['며', 'vowel'],
  ['의', 'any'],
  ['에', 'any'],
];

/** Endings that turn a noun into a verb or adjective: 설계하고 → 설계, 운영해 → 운영, 구축한 → 구축. */
const VERB_ENDINGS = ['하시는', '하신', '하여', '하고', '하는', '하며', '해본', '해보신', '해', '한', '할', '된', '되는', '되어', '적인', '적으로', '적'];

const fits = (before: string, after: After): boolean => {
  const final = finalConsonant(before);
  if (final === undefined) return after === 'any';
  switch (after) {
    case 'any':
      return true;
    case 'consonant':
      return final !== 0;
    case 'vowel':
      return final === 0;
    case 'vowel-or-rieul':
      return final === 0 || final === RIEUL;
  }
};

/**
 * The particle that ends `word` and fits the syllable before it, else undefined. One that fits
 * any syllable (의, 에) is taken only after two syllables or more: 회의 and 기반에 end in the
 * same syllable, and only the second is a noun with a particle.
 */
export function trailingParticle(word: string): string | undefined {
  for (const [particle, after] of PARTICLES) {
    const stem = word.length - particle.length;
    if (!word.endsWith(particle) || stem < (after === 'any' ? 2 : 1)) continue;
    if (fits(word.slice(stem - 1, stem), after)) return particle;
  }
  return undefined;
}

/** The noun of a Korean word: its particle, then a 하다 ending, stripped (`쿠버네티스를` → `쿠버네티스`). */
export function nounOf(word: string): string {
  let stem = word;
  const particle = trailingParticle(stem);
  if (particle) stem = stem.slice(0, -particle.length);
  for (const ending of VERB_ENDINGS) {
    if (stem.endsWith(ending) && stem.length - ending.length >= 2) return stem.slice(0, -ending.length);
  }
  return stem;
}

export const isHangul = (text: string): boolean => /[\uac00-\ud7a3]/.test(text);
