import crypto from 'node:crypto';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { fontFile, type FontFamilyName, type WeightName } from '../../src/core/fonts.js';
import { decodeGlyphNamesLazily } from '../../src/render/postTable.js';

/*
 * decodeGlyphNamesLazily changes when fontkit decodes a `post` table's glyph names, not what any
 * field of the table is: every face careerpdf draws with must give the same header fields, the
 * same names and the same glyph names as fontkit alone.
 */

const FACES: [FontFamilyName, WeightName][] = [
  ['Pretendard', 'Regular'],
  ['Pretendard', 'Bold'],
  ['PretendardJP', 'Regular'],
  ['JetBrainsMono', 'Regular'],
];

type Face = fontkit.Font & { post: Record<string, unknown>; numGlyphs: number; italicAngle: number; getGlyph(id: number): { name: string } };
const open = (family: FontFamilyName, weight: WeightName) => fontkit.openSync(fontFile(family, weight)) as Face;

/** Read before decodeGlyphNamesLazily replaces it. */
const pristineDecodeTable = crypto
  .createHash('sha256')
  .update(String((Object.getPrototypeOf(open('Pretendard', 'Regular')) as { _decodeTable: unknown })._decodeTable))
  .digest('hex');

/** The table's fields as fontkit's readers see them (the header first: that is what embedding reads), then glyph names across the font. */
function postOf(face: Face): { header: string; rest: string; glyphNames: string[] } {
  const { post } = face;
  const header = JSON.stringify([post.version, post.italicAngle, post.underlinePosition, post.underlineThickness, post.isFixedPitch, face.italicAngle]);
  const rest = JSON.stringify(Object.fromEntries(Object.keys(post).map((key) => [key, post[key]])));
  const ids = [...Array(400).keys(), ...Array.from({ length: 200 }, (_, i) => Math.floor((i * face.numGlyphs) / 200))];
  return { header, rest, glyphNames: ids.map((id) => face.getGlyph(id).name) };
}

describe("post tables' glyph names decoded when read", () => {
  it('replaces the fontkit code it was written against (fontkit 2.0.4, pinned)', () => {
    // Changed? Check that TTFFont._decodeTable still decodes a table from this.stream at the
    // directory entry's offset (src/render/postTable.ts reads the header there), then put the new hash here.
    expect(pristineDecodeTable, 'fontkit changed the code src/render/postTable.ts wraps').toBe(
      '5fa576edaa73bd7997ac90595c7a52e83c5c33c91a30994af2bccbd89a4637e7',
    );
  });

  it('gives every field and glyph name of every face the value fontkit alone gives', () => {
    const before = FACES.map(([family, weight]) => postOf(open(family, weight)));
    expect(decodeGlyphNamesLazily(open('Pretendard', 'Regular'))).toBe(true);
    FACES.forEach(([family, weight], i) => {
      const face = open(family, weight);
      // The header is read without decoding the names: they are still a getter.
      expect(face.post.version, `${family} ${weight}`).toBe(2);
      expect(typeof Object.getOwnPropertyDescriptor(face.post, 'names')?.get, `${family} ${weight}`).toBe('function');
      expect(postOf(face), `${family} ${weight}`).toEqual(before[i]);
    });
    expect(before[0]!.glyphNames.filter(Boolean).length).toBeGreaterThan(500);
  });
});
