import { createRequire } from 'node:module';
import path from 'node:path';

/*
 * The font registry: which families exist, which files they come from, and which stacks draw
 * text. A neutral module: render registers these files with React-PDF, validate reads their
 * character maps (glyph coverage), and both must agree on the stacks.
 */

const require = createRequire(import.meta.url);
const packageDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));

/**
 * The fonts every document may use, as static TTF files from npm packages (see fonts/README.md).
 * Static TTF, not WOFF/WOFF2 or variable fonts: measured here, WOFF is ~30x slower, WOFF2
 * renders invisible text and variable fonts ignore fontWeight.
 */
export const FONT_FAMILIES = {
  /** Hangul, Latin: the body font. */
  Pretendard: { dir: () => path.join(packageDir('pretendard'), 'dist/public/static/alternative'), file: (w: string) => `Pretendard-${w}.ttf` },
  /** Same design with CJK ideographs (Hanja such as 申春浩) and kana: the fallback. */
  PretendardJP: { dir: () => path.join(packageDir('pretendard-jp'), 'dist/public/static/alternative'), file: (w: string) => `PretendardJP-${w}.ttf` },
  /** Latin monospace for code; Hangul in code falls back to Pretendard through monoStack(). */
  JetBrainsMono: {
    dir: () => packageDir('@expo-google-fonts/jetbrains-mono'),
    file: (w: string) => `${MONO_WEIGHT_DIRS[w]}/JetBrainsMono_${MONO_WEIGHT_DIRS[w]}.ttf`,
  },
} as const;

/** @expo-google-fonts keeps one folder per weight, named by CSS weight and style. */
const MONO_WEIGHT_DIRS: Record<string, string> = {
  Light: '300Light',
  Regular: '400Regular',
  Medium: '500Medium',
  SemiBold: '600SemiBold',
  Bold: '700Bold',
  ExtraBold: '800ExtraBold',
};

export type FontFamilyName = keyof typeof FONT_FAMILIES;

export const WEIGHTS = { Light: 300, Regular: 400, Medium: 500, SemiBold: 600, Bold: 700, ExtraBold: 800 } as const;
export type WeightName = keyof typeof WEIGHTS;

export const fontFile = (family: FontFamilyName, weight: WeightName = 'Regular'): string => {
  const f = FONT_FAMILIES[family];
  return path.join(f.dir(), f.file(weight));
};

/** Where a character the text font lacks (Hanja, kana) is drawn from. */
export const TEXT_FALLBACK: FontFamilyName = 'PretendardJP';

/**
 * The stack a theme's text family draws with: the family, then the fallback, glyph by glyph.
 * Without `fallback` the stack is the family alone: for a document none of whose characters
 * needs the fallback, React-PDF then does not load its faces (5.4 MB each) at all.
 */
export const textStack = (family: FontFamilyName, fallback = true): FontFamilyName[] => (fallback ? [family, TEXT_FALLBACK] : [family]);

/**
 * The stack for code: JetBrains Mono draws Latin, digits and punctuation at one width;
 * characters it lacks (Hangul, Hanja) fall back glyph by glyph to Pretendard, then PretendardJP.
 */
export const MONO_FAMILIES: FontFamilyName[] = ['JetBrainsMono', 'Pretendard', TEXT_FALLBACK];

/** The code stack, with or without the fallback (see textStack). */
export const monoStack = (fallback = true): FontFamilyName[] => (fallback ? MONO_FAMILIES : MONO_FAMILIES.filter((family) => family !== TEXT_FALLBACK));

/** React-PDF takes a stack where its types say a string. */
export const asFontFamily = (stack: readonly FontFamilyName[]): string => stack as unknown as string;
