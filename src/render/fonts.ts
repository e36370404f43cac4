import { Font } from '@react-pdf/renderer';
import { FONT_FAMILIES, WEIGHTS, fontFile, type FontFamilyName, type WeightName } from '../core/fonts.js';

/** The face every document draws its body text in: loading it first costs nothing extra. */
export const BODY_FONT = { fontFamily: 'Pretendard', fontWeight: WEIGHTS.Regular } as const;

let registered = false;

/** Registers the font families (src/core/fonts.ts) with React-PDF once per process (registration is global and lazy). */
export function registerFonts(): void {
  if (registered) return;
  for (const family of Object.keys(FONT_FAMILIES) as FontFamilyName[]) {
    Font.register({
      family,
      fonts: Object.entries(WEIGHTS).map(([name, fontWeight]) => ({ src: fontFile(family, name as WeightName), fontWeight })),
    });
  }
  registered = true;
}
