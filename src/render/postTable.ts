import type { Font as FontkitFont } from 'fontkit';

/*
 * A font's `post` table, its glyph names decoded when first read.
 *
 * pdfkit reads two numbers of the table when it embeds a font (isFixedPitch and italicAngle, for
 * the FontDescriptor) and React-PDF two more (the underline's position and thickness), all in
 * its 32-byte header; fontkit decodes the whole table for them, and in a version 2 table that is
 * a name for every glyph (Pretendard: ~3,000 strings, 20–40 ms a face in a cold process, and a
 * resume embeds four faces). Here the header of a version 2 table is read from the font file and
 * the rest (numberOfGlyphs, glyphNameIndex, names: only a glyph's name reads them) is decoded by
 * fontkit itself on first read, so every field has the value fontkit gives it. Other versions,
 * and fonts that are not plain TrueType/OpenType files (WOFF), are decoded as fontkit always did.
 *
 * Written against fontkit 2.0.4, pinned (package.json `overrides`); test/unit/postTable.test.ts
 * fails if TTFFont._decodeTable changes or a field comes out different.
 */

interface TableEntry {
  tag: string;
  offset: number;
  length: number;
}

interface Face {
  _decodeTable(table: TableEntry): unknown;
  stream: { buffer?: unknown };
}

/** The table's fields past its header, in a version 2 table. */
const NAME_FIELDS = ['numberOfGlyphs', 'glyphNameIndex', 'names'] as const;

/** The header of a version 2 table, as fontkit decodes it (fixed32 = 16.16 signed), or undefined for another version or a short table. */
function versionTwoHeader(bytes: Uint8Array, at: number, length: number): Record<string, number> | undefined {
  if (length < 32 || at + 32 > bytes.length) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset + at, 32);
  if (view.getInt32(0) !== 0x20000) return undefined;
  return {
    version: 2,
    italicAngle: view.getInt32(4) / 0x10000,
    underlinePosition: view.getInt16(8),
    underlineThickness: view.getInt16(10),
    isFixedPitch: view.getUint32(12),
    minMemType42: view.getUint32(16),
    maxMemType42: view.getUint32(20),
    minMemType1: view.getUint32(24),
    maxMemType1: view.getUint32(28),
  };
}

let installed: boolean | undefined;

/**
 * Installs it on fontkit's TTFFont, reached through a font of that class (any face of
 * Pretendard). Returns whether it was found, so that a fontkit upgrade that moves it fails a test.
 */
export function decodeGlyphNamesLazily(font: FontkitFont): boolean {
  installed ??= (() => {
    const proto = Object.getPrototypeOf(font) as Face;
    if (!Object.hasOwn(proto, '_decodeTable') || typeof proto._decodeTable !== 'function') return false;
    const decode = proto._decodeTable;
    proto._decodeTable = function (this: Face, table) {
      const bytes = this.stream.buffer;
      // A subclass (WOFF, WOFF2) reads its tables from a stream of its own: not this file's offsets.
      const header =
        table.tag === 'post' && Object.getPrototypeOf(this) === proto && bytes instanceof Uint8Array && versionTwoHeader(bytes, table.offset, table.length);
      if (!header) return decode.call(this, table);
      let rest: Record<string, unknown> | undefined;
      const field = (name: string) => () => (rest ??= decode.call(this, table) as Record<string, unknown>)[name];
      for (const name of NAME_FIELDS) Object.defineProperty(header, name, { get: field(name), enumerable: true });
      return header;
    };
    return true;
  })();
  return installed;
}
