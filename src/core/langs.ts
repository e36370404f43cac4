/** The languages documents are written in (titles, dates, labels). Kept apart from the schemas so the CLI reads it without loading zod. */
export const LANGS = ['ko', 'en'] as const;
export type Lang = (typeof LANGS)[number];
