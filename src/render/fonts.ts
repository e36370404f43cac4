import { createRequire } from 'node:module';
import path from 'node:path';
import { Font } from '@react-pdf/renderer';

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
  /** Latin monospace for code; Hangul in code falls back to Pretendard through MONO_STACK. */
  JetBrainsMono: { dir: () => packageDir('@expo-google-fonts/jetbrains-mono'), file: (w: string) => `${MONO_WEIGHT_DIRS[w]}/JetBrainsMono_${MONO_WEIGHT_DIRS[w]}.ttf` },
} as const;

/** @expo-google-fonts keeps one folder per weight, named by CSS weight and style. */
const MONO_WEIGHT_DIRS: Record<string, string> = { Light: '300Light', Regular: '400Regular', Medium: '500Medium', SemiBold: '600SemiBold', Bold: '700Bold', ExtraBold: '800ExtraBold' };

/**
 * The font stack for code: JetBrains Mono draws Latin, digits and punctuation at one width;
 * characters it lacks (Hangul, Hanja) fall back glyph by glyph to Pretendard, then PretendardJP.
 */
export const MONO_STACK = ['JetBrainsMono', 'Pretendard', 'PretendardJP'] as unknown as string;

export type FontFamilyName = keyof typeof FONT_FAMILIES;

const WEIGHTS = { Light: 300, Regular: 400, Medium: 500, SemiBold: 600, Bold: 700, ExtraBold: 800 } as const;

export const fontFile = (family: FontFamilyName, weight: keyof typeof WEIGHTS = 'Regular'): string => {
  const f = FONT_FAMILIES[family];
  return path.join(f.dir(), f.file(weight));
};

let registered = false;

/** Registers the font families with React-PDF once per process (registration is global and lazy). */
export function registerFonts(): void {
  if (registered) return;
  for (const family of Object.keys(FONT_FAMILIES) as FontFamilyName[]) {
    Font.register({
      family,
      fonts: Object.entries(WEIGHTS).map(([name, fontWeight]) => ({ src: fontFile(family, name as keyof typeof WEIGHTS), fontWeight })),
    });
  }
  registered = true;
}
