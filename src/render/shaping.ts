import type { Font as FontkitFont } from 'fontkit';

/*
 * Faster OpenType shaping in fontkit, glyph for glyph the same result.
 *
 * React-PDF shapes every run of text with fontkit, in JavaScript. For each lookup of each
 * enabled feature, fontkit walks every glyph and calls every subtable of the lookup in turn; a
 * subtable only then finds out, from its coverage table (often by a linear scan), that the glyph
 * is not one it applies to. Pretendard enables 109 lookups by default (`calt` and `clig` alone
 * have ~150 chain-context subtables, which fontkit checks backtrack-first), so a character costs
 * about 100 subtable calls: ~29 µs warm and far more in a cold process, the largest share of a
 * build's time.
 *
 * Every subtable type applies only at a glyph its first coverage table lists, and when it does
 * not, fontkit's code returns false without touching anything. So each lookup's subtables'
 * first coverages are turned once into one bitmap of glyph ids, and at a glyph not in it the
 * lookup's subtables are not called at all: HarfBuzz's per-lookup "digest". A lookup with a
 * subtable of a kind not listed here (a kind fontkit does not support) is applied as fontkit
 * always did.
 *
 * The bitmaps are read from the font file's bytes (a lookup's header, its subtables' offsets and
 * first coverage tables), not from fontkit's decoded lookup: fontkit decodes every lookup of the
 * enabled features when a run is first shaped, each with all its subtables (Pretendard's kerning
 * class pairs, its chain contexts), ~60 ms a face in a cold process, though the bench's resume
 * can start 26 of the 52 it decodes (2 of GPOS's 25). A lookup none of whose start glyphs is in
 * the run is skipped whole, and decoded only when a run first has one.
 *
 * And a run already shaped is not shaped again: the same text in the same face comes back in
 * every document of a role (name, contact line, titles) and in every role of `--all` (60% of
 * the characters shaped by a `build --all`), so each face remembers its runs for the process.
 *
 * And one correction: fontkit keeps one glyph object per glyph id for the process, made with the
 * characters it was first asked for, and pdfkit writes a glyph's characters into the PDF's text
 * layer (ToUnicode). A glyph first reached through other characters (a space glyph through a
 * NBSP, a dot produced by a substitution) gave every later document of the process that text for
 * it: what a PDF said it shows depended on what the process had drawn before (watch, `--all`).
 * Asked for with other characters than its kept glyph's, getGlyph now returns a glyph of its own
 * with the characters asked for (a NBSP drawn with the space's glyph: a space).
 *
 * Written against fontkit 2.0.4, pinned (package.json `overrides`); test/unit/shaping.test.ts
 * fails if the fontkit functions replaced here change.
 */

/** Lookup types whose subtable points at a subtable of another type (GSUB 7, GPOS 9). */
const EXTENSION = { GSUB: 7, GPOS: 9 } as const;
/** Context and chain-context lookup types: their format 3 lists coverages instead of having one. */
const CONTEXT = { GSUB: 5, GPOS: 7 } as const;
const CHAIN_CONTEXT = { GSUB: 6, GPOS: 8 } as const;
/** The other types, whose subtables all begin with a format and the offset of the coverage they start at (GPOS 4–6: the mark coverage). */
const COVERAGE_FIRST: Record<'GSUB' | 'GPOS', readonly number[]> = { GSUB: [1, 2, 3, 4], GPOS: [1, 2, 3, 4, 5, 6] };

/** Big-endian reads from the font file, throwing past its end (a lookup that cannot be read is applied as fontkit always did). */
function reader(bytes: Uint8Array) {
  const u16 = (at: number) => {
    if (!(at >= 0 && at + 2 <= bytes.length)) throw new RangeError('outside the font file');
    return (bytes[at]! << 8) | bytes[at + 1]!;
  };
  return { u16, u32: (at: number) => u16(at) * 0x10000 + u16(at + 2) };
}

/**
 * Where the first coverage table of a subtable at `at` (absolute) is, as fontkit decodes it: `coverage`,
 * the mark coverage of the mark attachments, the first of `coverages` / `inputCoverage` of a
 * format 3 context; through an extension subtable to the one it points at. Undefined for a kind
 * this does not know.
 */
function firstCoverageAt(kind: 'GSUB' | 'GPOS', type: number, at: number, read: ReturnType<typeof reader>): number | undefined {
  if (type === EXTENSION[kind]) {
    const inner = read.u16(at + 2);
    return read.u16(at) === 1 && inner !== type ? firstCoverageAt(kind, inner, at + read.u32(at + 4), read) : undefined;
  }
  const format = read.u16(at);
  let offset: number | undefined;
  if (type === CONTEXT[kind] && format === 3) offset = read.u16(at + 2) > 0 ? read.u16(at + 6) : undefined;
  else if (type === CHAIN_CONTEXT[kind] && format === 3) {
    const backtrack = read.u16(at + 2);
    offset = read.u16(at + 4 + 2 * backtrack) > 0 ? read.u16(at + 6 + 2 * backtrack) : undefined;
  } else if (type === CONTEXT[kind] || type === CHAIN_CONTEXT[kind] || COVERAGE_FIRST[kind].includes(type)) offset = read.u16(at + 2);
  return offset ? at + offset : undefined;
}

/** Sets one bit per glyph id the coverage table at `at` lists; false for a format that is not 1 or 2. */
function addCoverage(bits: Uint8Array, at: number, read: ReturnType<typeof reader>): boolean {
  const format = read.u16(at);
  const count = read.u16(at + 2);
  const set = (id: number) => {
    if (id >> 3 >= bits.length) throw new RangeError('a glyph id past the font');
    bits[id >> 3]! |= 1 << (id & 7);
  };
  if (format === 1) for (let i = 0; i < count; i++) set(read.u16(at + 4 + 2 * i));
  else if (format === 2) for (let i = 0; i < count; i++) for (let id = read.u16(at + 4 + 6 * i), end = read.u16(at + 6 + 6 * i); id <= end; id++) set(id);
  else return false;
  return true;
}

/** fontkit's lookup list: a restructure LazyArray, which decodes a lookup (all its subtables) when it is first got. */
interface LookupList {
  length: number;
  get(i: number): Lookup;
  /** The LazyArray's own fields: the font file, where its offsets are counted from, where they are. */
  stream?: { buffer?: unknown };
  ctx?: { _startOffset?: unknown };
  base?: unknown;
}

/**
 * The glyphs any subtable of lookup `index` may start at, read from the font file (the
 * lookup's header and its subtables' first coverages) without decoding the lookup; null where
 * that cannot be known (the list is not the LazyArray it was, a kind not known here, bytes
 * that do not read): such a lookup is applied as fontkit always did.
 */
function lookupStarts(kind: 'GSUB' | 'GPOS', list: LookupList, index: number, numGlyphs: number): Uint8Array | null {
  const bytes = list.stream?.buffer;
  const listStart = list.ctx?._startOffset;
  if (!(bytes instanceof Uint8Array) || typeof listStart !== 'number' || typeof list.base !== 'number') return null;
  const read = reader(bytes);
  try {
    const lookup = listStart + read.u16(list.base + 2 * index);
    const type = read.u16(lookup);
    const bits = new Uint8Array(((Math.max(numGlyphs, 1) - 1) >> 3) + 1);
    for (let i = 0, count = read.u16(lookup + 4); i < count; i++) {
      const coverage = firstCoverageAt(kind, type, lookup + read.u16(lookup + 6 + 2 * i), read);
      if (coverage === undefined || !addCoverage(bits, coverage, read)) return null;
    }
    return bits;
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

interface Lookup {
  lookupType: number;
  flags: unknown;
  subTables: unknown[];
}

/** What fontkit's lookupsForFeatures lists: the lookup, with its feature and its index in the lookup list. */
interface FeatureLookup {
  feature: string;
  index: number;
  readonly lookup: Lookup;
}

interface GlyphIterator {
  index: number;
  cur: { id: number; features: Record<string, unknown> };
  reset(flags: unknown): void;
  next(): unknown;
}

/** fontkit's OTProcessor, the base of its GSUB and GPOS processors (only what applyLookups and lookupsForFeatures use). */
interface Processor {
  font: { numGlyphs: number };
  glyphs: { id: number }[];
  positions: unknown[];
  glyphIterator: GlyphIterator;
  currentFeature: string;
  features: Record<string, { lookupListIndexes: number[] } | undefined>;
  table: { lookupList: LookupList };
  applyLookup(lookupType: number, table: unknown): boolean;
  applyLookups(lookups: FeatureLookup[], glyphs: { id: number }[], positions: unknown[]): void;
  lookupsForFeatures(userFeatures?: string[], exclude?: number[]): FeatureLookup[];
}

/** The face's GSUB and GPOS processors (fontkit creates them with the face's layout engine), where it has them. */
function processorsOf(font: FontkitFont): { GSUB?: Processor; GPOS?: Processor } {
  const engine = (font as unknown as { _layoutEngine?: { engine?: { GSUBProcessor?: Processor | null; GPOSProcessor?: Processor | null } } })._layoutEngine
    ?.engine;
  return { GSUB: engine?.GSUBProcessor ?? undefined, GPOS: engine?.GPOSProcessor ?? undefined };
}

const starts = new WeakMap<LookupList, (Uint8Array | null)[]>();
const has = (bits: Uint8Array, id: number) => (bits[id >> 3]! & (1 << (id & 7))) !== 0;

/** Installs the filter on fontkit's lookup loop; false where fontkit's processors are not found. */
function filterLookups(font: FontkitFont): boolean {
  const { GSUB: gsub, GPOS: gpos } = processorsOf(font);
  if (!gsub || !gpos) return false;
  const base = Object.getPrototypeOf(Object.getPrototypeOf(gsub)) as Processor;
  if (base !== Object.getPrototypeOf(Object.getPrototypeOf(gpos)) || typeof base.applyLookups !== 'function' || typeof base.lookupsForFeatures !== 'function')
    return false;
  // fontkit does not export its GlyphIterator: an empty run makes the processor create one.
  gsub.applyLookups([], [], []);
  const Iterator = gsub.glyphIterator.constructor as new (glyphs: unknown[]) => GlyphIterator;
  const gsubProto = Object.getPrototypeOf(gsub) as Processor;

  // fontkit's lookupsForFeatures, with each lookup decoded when it is first read, not when it is listed.
  base.lookupsForFeatures = function (this: Processor, userFeatures = [], exclude) {
    const list = this.table.lookupList;
    const lookups: FeatureLookup[] = [];
    for (const tag of userFeatures) {
      const feature = this.features[tag];
      if (!feature) continue;
      for (const index of feature.lookupListIndexes) {
        if (exclude && exclude.indexOf(index) !== -1) continue;
        lookups.push({
          feature: tag,
          index,
          get lookup() {
            return list.get(index);
          },
        });
      }
    }
    lookups.sort((a, b) => a.index - b.index);
    return lookups;
  };

  // fontkit's applyLookups, with a lookup that can start at no glyph of the run skipped (not decoded), and one test added before a glyph's subtables are called.
  base.applyLookups = function (this: Processor, lookups, glyphs, positions) {
    const kind = Object.getPrototypeOf(this) === gsubProto ? 'GSUB' : 'GPOS';
    const list = this.table.lookupList;
    let known = starts.get(list);
    if (!known) starts.set(list, (known = []));
    this.glyphs = glyphs;
    this.positions = positions;
    this.glyphIterator = new Iterator(glyphs);
    for (const entry of lookups) {
      let bits = known[entry.index];
      if (bits === undefined) known[entry.index] = bits = lookupStarts(kind, list, entry.index, this.font.numGlyphs);
      if (bits && !glyphs.some((glyph) => has(bits, glyph.id))) continue;
      const { feature, lookup } = entry;
      this.currentFeature = feature;
      const it = this.glyphIterator;
      it.reset(lookup.flags);
      while (it.index < glyphs.length) {
        if (feature in it.cur.features && (bits === null || has(bits, it.cur.id))) {
          for (const table of lookup.subTables) if (this.applyLookup(lookup.lookupType, table)) break;
        }
        it.next();
      }
    }
  };
  return true;
}

/** What fontkit's `layout` returns; React-PDF reads its glyphs and positions and changes neither. */
interface GlyphRun {
  glyphs: object[];
  positions: object[];
}

type Layout = (this: FontkitFont, text: string, features?: unknown, script?: string, language?: string, direction?: string) => GlyphRun;

/** Runs kept per face: enough for every document of every role; a long watch session starts over past it. */
const MAX_RUNS = 20_000;
const runs = new WeakMap<FontkitFont, Map<string, GlyphRun>>();

/** A copy with arrays and positions of its own, so that no caller can change a remembered run. */
function copyRun(run: GlyphRun): GlyphRun {
  const clone = <T extends object>(o: T): T => Object.assign(Object.create(Object.getPrototypeOf(o) as object) as T, o);
  return Object.assign(clone(run), { glyphs: run.glyphs.slice(), positions: run.positions.map(clone) });
}

/** Remembers each face's runs by text and shaping options. */
function rememberRuns(font: FontkitFont): boolean {
  const proto = Object.getPrototypeOf(font) as { layout?: Layout };
  const layout = proto.layout;
  if (typeof layout !== 'function') return false;
  proto.layout = function (this: FontkitFont, text, features, script, language, direction) {
    // Keyed before the call: fontkit writes its default features into the object it is given.
    const key = `${direction}\u0001${script}\u0001${language}\u0001${JSON.stringify(features ?? null)}\u0001${text}`;
    let known = runs.get(this);
    if (!known) runs.set(this, (known = new Map()));
    let run = known.get(key);
    if (!run) {
      if (known.size >= MAX_RUNS) known.clear();
      known.set(key, (run = layout.call(this, text, features, script, language, direction)));
    }
    return copyRun(run);
  };
  return true;
}

type GetGlyph = (this: FontkitFont, id: number, characters?: number[]) => { id: number; codePoints: number[] } | null;

const sameCharacters = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((c, i) => c === b[i]);

const NBSP = 0xa0;
const SPACE = 0x20;

/**
 * getGlyph(id, characters) gives a glyph carrying those characters (see the header); one per id
 * and characters, kept per face. A NBSP drawn with the space's glyph carries a space: a PDF font
 * maps each glyph to one text, and a reader copying the text wants spaces (the NBSP's work, no
 * break there, is done by the layout).
 */
function glyphsKeepTheirCharacters(font: FontkitFont): boolean {
  const proto = Object.getPrototypeOf(font) as { getGlyph?: GetGlyph; glyphForCodePoint?: (codePoint: number) => { id: number } };
  const getGlyph = proto.getGlyph;
  if (typeof getGlyph !== 'function' || typeof proto.glyphForCodePoint !== 'function') return false;
  const others = new WeakMap<FontkitFont, Map<string, ReturnType<GetGlyph>>>();
  const spaceGlyphs = new WeakMap<FontkitFont, number>();
  const spaceGlyphOf = (face: FontkitFont) => {
    let id = spaceGlyphs.get(face);
    if (id === undefined) spaceGlyphs.set(face, (id = (face as unknown as Required<typeof proto>).glyphForCodePoint(SPACE).id));
    return id;
  };
  proto.getGlyph = function (this: FontkitFont, id, asked = []) {
    const kept = getGlyph.call(this, id, asked);
    if (!kept || asked.length === 0) return kept;
    const characters = asked.length === 1 && asked[0] === NBSP && id === spaceGlyphOf(this) ? [SPACE] : asked;
    if (sameCharacters(kept.codePoints, characters)) return kept;
    let known = others.get(this);
    if (!known) others.set(this, (known = new Map()));
    const key = `${id}:${characters.join(',')}`;
    let glyph = known.get(key);
    if (!glyph) {
      if (known.size >= MAX_RUNS) known.clear();
      // The glyph class's own constructor (id, characters, font), as fontkit makes its glyphs: its metrics are decoded again, lazily.
      const Glyph = kept.constructor as new (id: number, codePoints: number[], font: FontkitFont) => NonNullable<ReturnType<GetGlyph>>;
      known.set(key, (glyph = new Glyph(id, characters, this)));
    }
    return glyph;
  };
  return true;
}

let installed: boolean | undefined;

/**
 * Installs both, once per process. Needs a font with GSUB and GPOS (any face of Pretendard):
 * fontkit's classes are reachable only through a font. Returns whether they were found, so that
 * a fontkit upgrade that moves them fails a test rather than silently shaping at the old speed.
 */
export function speedUpShaping(font: FontkitFont): boolean {
  installed ??= filterLookups(font) && rememberRuns(font) && glyphsKeepTheirCharacters(font);
  return installed;
}
