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
