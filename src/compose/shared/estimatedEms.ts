/** Characters a font draws a full em wide: Hangul, CJK, fullwidth forms. */
const WIDE = /[\u1100-\u11ff\u3000-\u9fff\uac00-\ud7a3\uff00-\uffef]/;
const CAPITAL = /\p{Lu}/u;

/**
 * A text's width in ems, estimated before layout (React-PDF measures only when it draws): a wide
 * character one em, a capital `capital`, anything else `other`. Callers pick the side to err on.
 */
export function estimatedEms(text: string, { other = 0.55, capital = other }: { other?: number; capital?: number } = {}): number {
  let ems = 0;
  for (const ch of text) ems += WIDE.test(ch) ? 1 : CAPITAL.test(ch) ? capital : other;
  return ems;
}
