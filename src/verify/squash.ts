/**
 * Text as verify compares it: NFC, without whitespace (NBSP included: `\s` holds it) and without
 * case. A reader may put a space or a line break anywhere between words, and a theme may draw a
 * title in capitals.
 */
export const squash = (text: string): string => text.normalize('NFC').replace(/\s+/g, '').toLowerCase();

/** squash, without the separators the layout draws between items too (`·`, the word joiner): the page-break checks locate the strings, not the lists. */
export const squashSeparators = (text: string): string => squash(text.replace(/[\u2060·]+/g, ''));
