/** The languages documents are written in (titles, dates, labels). Kept apart from the schemas so the CLI reads it without loading zod. */
export const LANGS = ['ko', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** A Hangul letter: a syllable, or a jamo (conjoining or compatibility). */
export const HANGUL_LETTER = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/;
