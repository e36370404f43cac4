import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { fontFile, type FontFamilyName, type WeightName } from '../../src/core/fonts.js';
import { speedUpShaping } from '../../src/render/shaping.js';

/*
 * speedUpShaping changes how fontkit finds the subtables that apply, not what they do: every
 * face careerpdf draws with must shape every line of the user's material and of code-like text
 * (JetBrains Mono's contextual ligatures: -> => != …) to the same glyphs and positions as before.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
// The user's application answers (a copy of their seed text) and the example project pages (one of them their own page).
const material = [read('test/fixtures/answers/seed-000.txt'), ...fs.readdirSync(path.join(ROOT, 'data/projects')).map((f) => read(`data/projects/${f}`))];
const tricky = [
  '-> => <= >= != === !== |> <|> :: ... -- --- ++ ** /* */ // <!-- --> 0x1F 1/2 3/4 12:30 A-Z A:B',
  'ffi ffl fi fl Th ½ x² H₂O ‘quoted’ “double” — – • · © ® ™ № ℃',
  '서빙(PostgreSQL) 申春浩 韓國 日本語 カタカナ 데이터엔지니어/Partner Backend',
  'https://github.com/example-user/very-long-repository-name/blob/main/src/index.ts?query=1&x=2#L10',
];
const lines = [...material.flatMap((text) => text.split('\n')), ...tricky].filter((line) => line.trim() !== '');
const ascii = lines.filter((line) => /^[\x20-\x7e]+$/.test(line));

/** Face, weight, the lines it shapes and the OpenType features set as careerpdf's styles do. */
const FACES: [FontFamilyName, WeightName, string[], Record<string, boolean>?][] = [
  ['Pretendard', 'Regular', lines],
  ['Pretendard', 'Bold', lines],
  ['PretendardJP', 'Regular', lines],
  // Code is drawn in JetBrains Mono only where it has the glyph (React-PDF falls back per
  // character), without its contextual ligatures (markdownStyles), and once with them.
  ['JetBrainsMono', 'Regular', ascii, { calt: false }],
  ['JetBrainsMono', 'Regular', ascii.filter((line) => !/[-=!<>/|:.+*]{2}/.test(line))],
];

type Face = fontkit.Font & {
  layout(
    text: string,
    features?: Record<string, boolean>,
  ): { glyphs: { id: number }[]; positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[] };
};
const open = (family: FontFamilyName, weight: WeightName) => fontkit.openSync(fontFile(family, weight)) as Face;

/**
 * The sources of the fontkit functions speedUpShaping replaces, read before it does: its
 * applyLookups is a copy of fontkit's loop with two tests added, its lookupsForFeatures a copy
 * that decodes a lookup when it is read, and the memo of layout relies on what layout takes and returns. Read through the face's GSUB processor, as shaping.ts does.
 */
const sha256 = (fn: unknown) => crypto.createHash('sha256').update(String(fn)).digest('hex');
const pristine = (() => {
  const face = open('Pretendard', 'Regular') as Face & { _layoutEngine: { engine: { GSUBProcessor: object } } };
  const base = Object.getPrototypeOf(Object.getPrototypeOf(face._layoutEngine.engine.GSUBProcessor)) as { applyLookups: unknown; lookupsForFeatures: unknown };
  const proto = Object.getPrototypeOf(face) as { layout: unknown; getGlyph: unknown };
  return {
    applyLookups: sha256(base.applyLookups),
    lookupsForFeatures: sha256(base.lookupsForFeatures),
    layout: sha256(proto.layout),
    getGlyph: sha256(proto.getGlyph),
  };
})();

/** Each line's glyph ids and positions, as one comparable string. */
function shape(family: FontFamilyName, weight: WeightName, texts: string[], features?: Record<string, boolean>): string[] {
  const face = open(family, weight);
  return texts.map((text) => {
    // A copy each time: fontkit writes its default features into the object it is given.
    const run = face.layout(text, features && { ...features });
    return `${run.glyphs.map((g) => g.id).join(',')}|${run.positions.map((p) => `${p.xAdvance},${p.yAdvance},${p.xOffset},${p.yOffset}`).join(';')}`;
  });
}

describe('faster shaping', () => {
  it('replaces the fontkit code it was written against (fontkit 2.0.4, pinned)', () => {
    // Changed? Compare fontkit's OTProcessor.applyLookups and lookupsForFeatures with the copies in src/render/shaping.ts
    // (and TTFFont.layout with what rememberRuns assumes: keyed by its arguments, its result
    // not changed by React-PDF; TTFFont.getGlyph with what glyphsKeepTheirCharacters assumes: one
    // glyph kept per id, made by its class's constructor (id, characters, font)), update the copy,
    // then put the new hashes here.
    expect(pristine, 'fontkit changed the code src/render/shaping.ts replaces').toEqual({
      applyLookups: 'bbc1de53bcfa3010dd3ff3570c27b910caced830dabb17339c12af51864a46de',
      lookupsForFeatures: '3b5f0f6197528251d9e6b8a8903dc49ceb463ef62f7470dd41eb42ed4226992d',
      layout: 'd21bf931823a8e7cc9f02a6220b070ebfee52fd3a832c011da102a903be97706',
      getGlyph: '872a56864f7309e36642074743c3e062977acf45fc3f9748c73d2cd2dd74e91b',
    });
  });

  it('shapes every line of the material to the same glyphs and positions as fontkit alone', () => {
    const before = FACES.map(([family, weight, texts, features]) => shape(family, weight, texts, features));
    expect(speedUpShaping(open('Pretendard', 'Regular'))).toBe(true);
    const after = FACES.map(([family, weight, texts, features]) => shape(family, weight, texts, features));
    expect(lines.length).toBeGreaterThan(250);
    FACES.forEach(([family, weight], i) => {
      const differing = after[i]!.flatMap((shaped, j) => (shaped === before[i]![j] ? [] : [FACES[i]![2][j]]));
      expect(differing, `${family} ${weight}`).toEqual([]);
    });
  });

  it('decodes only the lookups whose start glyphs a run has (the others are read from the font file, never decoded)', () => {
    expect(speedUpShaping(open('Pretendard', 'Regular'))).toBe(true);
    type Table = { lookupList: { length: number; items: unknown[] } };
    const face = open('Pretendard', 'Bold') as Face & { GSUB: Table; GPOS: Table };
    for (const line of material[0]!.split('\n')) face.layout(line);
    const decoded = (table: Table) => table.lookupList.items.filter(Boolean).length;
    // Korean prose: a few of Pretendard's 83 GSUB and 26 GPOS lookups apply (fontkit alone decodes all 109 a default run lists).
    expect(decoded(face.GSUB) + decoded(face.GPOS)).toBeGreaterThan(0);
    expect(decoded(face.GSUB) + decoded(face.GPOS)).toBeLessThan((face.GSUB.lookupList.length + face.GPOS.lookupList.length) / 2);
  });

  it("gives each glyph the characters it was asked for, not those it was first made for (the PDF's text layer)", () => {
    expect(speedUpShaping(open('Pretendard', 'Regular'))).toBe(true);
    type Glyph = { id: number; codePoints: number[] };
    const face = open('Pretendard', 'SemiBold') as Face & { glyphForCodePoint(cp: number): Glyph; getGlyph(id: number, characters?: number[]): Glyph };
    // The dot's glyph first made for another character (as a substitution may): asked for a dot, it is a dot.
    const dotId = face.glyphForCodePoint(0x2e).id;
    expect(face.getGlyph(dotId, [0x2a]).codePoints).toEqual([0x2a]);
    expect(face.glyphForCodePoint(0x2e).codePoints).toEqual([0x2e]);
    expect(face.glyphForCodePoint(0x2e)).toBe(face.glyphForCodePoint(0x2e));
    // Pretendard draws a NBSP with the space's glyph: whichever comes first, both read back as a space.
    const nbsp = face.glyphForCodePoint(0xa0);
    expect(nbsp.id).toBe(face.glyphForCodePoint(0x20).id);
    expect([nbsp.codePoints, face.glyphForCodePoint(0x20).codePoints]).toEqual([[0x20], [0x20]]);
    const run = face.layout('a\u00a0b c.') as unknown as { glyphs: Glyph[] };
    expect(run.glyphs.map((g) => g.codePoints)).toEqual([[0x61], [0x20], [0x62], [0x20], [0x63], [0x2e]]);
  });

  it('gives a remembered run as a copy: changing one does not change the next', () => {
    expect(speedUpShaping(open('Pretendard', 'Regular'))).toBe(true);
    const face = open('Pretendard', 'Bold');
    const summary = (run: ReturnType<Face['layout']>) => JSON.stringify([run.glyphs.map((g) => g.id), run.positions]);
    const first = face.layout('서빙(PostgreSQL) 지연 시간');
    const expected = summary(first);
    first.glyphs.pop();
    first.positions[0]!.xAdvance = 9999;
    const again = face.layout('서빙(PostgreSQL) 지연 시간');
    expect(again).not.toBe(first);
    expect(summary(again)).toBe(expected);
  });
});
