/*
 * Columns are counted in characters (code points), as a user counts them, not in the UTF-16
 * units JavaScript strings index by: an emoji or another character outside the BMP is one
 * column, not two. Offsets stay UTF-16 (they index strings); only columns are converted.
 */

/** How many characters `text` holds between two UTF-16 offsets. */
export function codePointsBetween(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is one character: count it at its first unit.
    if (!(unit >= 0xdc00 && unit <= 0xdfff && i > from && isHigh(text.charCodeAt(i - 1)))) count++;
  }
  return count;
}

const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;

/** 1-based line and column (in characters) of a UTF-16 offset. */
export function positionAt(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, col: codePointsBetween(text, lineStart, offset) + 1 };
}

/** The UTF-16 offset of a 1-based line and column (in characters). */
export function offsetAt(text: string, line: number, col: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) offset = text.indexOf('\n', offset) + 1;
  for (let c = 1; c < col && offset < text.length; c++) offset += isHigh(text.charCodeAt(offset)) ? 2 : 1;
  return offset;
}
