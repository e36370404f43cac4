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
 * subtable of a kind not listed here (an extension subtable, a kind fontkit does not support)
 * is applied as fontkit always did.
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

interface Coverage {
  version: number;
  glyphs?: number[];
  rangeRecords?: { start: number; end: number }[];
}

/** A lookup subtable as fontkit decodes it (only the fields that lead to its first coverage). */
interface Subtable {
  version?: number;
  coverage?: Coverage;
  coverages?: Coverage[];
  inputCoverage?: Coverage[];
  markCoverage?: Coverage;
  mark1Coverage?: Coverage;
}

type FirstCoverage = (table: Subtable) => Coverage | undefined;

const coverage: FirstCoverage = (t) => t.coverage;
/** Context and chain-context subtables: formats 1 and 2 have one coverage; format 3 a list, first glyph first. */
const contextCoverage =
  (list: (t: Subtable) => Coverage[] | undefined): FirstCoverage =>
  (t) =>
    t.version === 3 ? list(t)?.[0] : t.coverage;

/** Per lookup type, where a subtable says which glyphs it may start at. */
const FIRST_COVERAGE: Record<'GSUB' | 'GPOS', Record<number, FirstCoverage>> = {
  GSUB: { 1: coverage, 2: coverage, 3: coverage, 4: coverage, 5: contextCoverage((t) => t.coverages), 6: contextCoverage((t) => t.inputCoverage) },
  GPOS: {
    1: coverage,
    2: coverage,
    3: coverage,
    4: (t) => t.markCoverage,
    5: (t) => t.markCoverage,
    6: (t) => t.mark1Coverage,
    7: contextCoverage((t) => t.coverages),
    8: contextCoverage((t) => t.inputCoverage),
  },
};

/** One bit per glyph id the coverage lists. */
function coverageBits(cov: Coverage, numGlyphs: number): Uint8Array | null {
  const ids = cov.version === 1 ? cov.glyphs : undefined;
  const ranges = cov.version === 2 ? cov.rangeRecords : undefined;
  if (!ids && !ranges) return null;
  let highest = numGlyphs - 1;
  for (const id of ids ?? []) highest = Math.max(highest, id);
  for (const { end } of ranges ?? []) highest = Math.max(highest, end);
  const bits = new Uint8Array((highest >> 3) + 1);
  for (const id of ids ?? []) bits[id >> 3]! |= 1 << (id & 7);
  for (const { start, end } of ranges ?? []) for (let id = start; id <= end; id++) bits[id >> 3]! |= 1 << (id & 7);
  return bits;
}

interface Lookup {
  lookupType: number;
  flags: unknown;
  subTables: Subtable[];
}

interface GlyphIterator {
  index: number;
  cur: { id: number; features: Record<string, unknown> };
  reset(flags: unknown): void;
  next(): unknown;
}

/** fontkit's OTProcessor, the base of its GSUB and GPOS processors (only what applyLookups uses). */
interface Processor {
  font: { numGlyphs: number };
  glyphs: unknown[];
  positions: unknown[];
  glyphIterator: GlyphIterator;
  currentFeature: string;
  table: { lookupList: { length: number; get(i: number): Lookup } };
  applyLookup(lookupType: number, table: Subtable): boolean;
  applyLookups(lookups: { feature: string; lookup: Lookup }[], glyphs: unknown[], positions: unknown[]): void;
}

/** The face's GSUB and GPOS processors (fontkit creates them with the face's layout engine), where it has them. */
function processorsOf(font: FontkitFont): { GSUB?: Processor; GPOS?: Processor } {
  const engine = (font as unknown as { _layoutEngine?: { engine?: { GSUBProcessor?: Processor | null; GPOSProcessor?: Processor | null } } })._layoutEngine
    ?.engine;
  return { GSUB: engine?.GSUBProcessor ?? undefined, GPOS: engine?.GPOSProcessor ?? undefined };
}

/** The glyphs any subtable of the lookup may start at, or null where that cannot be known. */
function lookupStarts(kind: 'GSUB' | 'GPOS', lookup: Lookup, numGlyphs: number): Uint8Array | null {
  const firstCoverage = FIRST_COVERAGE[kind][lookup.lookupType];
  if (!firstCoverage) return null;
  const coverages = lookup.subTables.map(firstCoverage);
  if (coverages.some((c) => c === undefined)) return null;
  const all = coverages.map((c) => coverageBits(c!, numGlyphs));
  if (all.some((bits) => bits === null)) return null;
  const union = new Uint8Array(Math.max(...all.map((bits) => bits!.length)));
  for (const bits of all) for (let i = 0; i < bits!.length; i++) union[i]! |= bits![i]!;
  return union;
}

const starts = new WeakMap<Lookup, Uint8Array | null>();

/** Installs the filter on fontkit's lookup loop; false where fontkit's processors are not found. */
function filterLookups(font: FontkitFont): boolean {
  const { GSUB: gsub, GPOS: gpos } = processorsOf(font);
  if (!gsub || !gpos) return false;
  const base = Object.getPrototypeOf(Object.getPrototypeOf(gsub)) as Processor;
  if (base !== Object.getPrototypeOf(Object.getPrototypeOf(gpos)) || typeof base.applyLookups !== 'function') return false;
  // fontkit does not export its GlyphIterator: an empty run makes the processor create one.
  gsub.applyLookups([], [], []);
  const Iterator = gsub.glyphIterator.constructor as new (glyphs: unknown[]) => GlyphIterator;
  const gsubProto = Object.getPrototypeOf(gsub) as Processor;

  // fontkit's applyLookups, with one test added before a glyph's subtables are called.
  base.applyLookups = function (this: Processor, lookups, glyphs, positions) {
    const kind = Object.getPrototypeOf(this) === gsubProto ? 'GSUB' : 'GPOS';
    this.glyphs = glyphs;
    this.positions = positions;
    this.glyphIterator = new Iterator(glyphs);
    for (const { feature, lookup } of lookups) {
      let bits = starts.get(lookup);
      if (bits === undefined) starts.set(lookup, (bits = lookupStarts(kind, lookup, this.font.numGlyphs)));
      this.currentFeature = feature;
      const it = this.glyphIterator;
      it.reset(lookup.flags);
      while (it.index < glyphs.length) {
        const id = it.cur.id;
        if (feature in it.cur.features && (bits === null || (bits[id >> 3]! & (1 << (id & 7))) !== 0)) {
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
