declare module 'fontkit' {
  /** The part of fontkit's API careerpdf uses: a font file's character map. */
  export interface Font {
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function openSync(filename: string): Font;
}
