import { asFontFamily, monoStack, textStack } from '../core/fonts.js';
import { undrawable } from '../core/glyphCoverage.js';
import { walkStrings } from '../core/walkStrings.js';
import type { Theme } from '../validate/schema/theme.js';

/** The font stacks a document's styles draw with (React-PDF takes a stack where its types say a string). */
export interface FontStacks {
  body: string;
  heading: string;
  code: string;
}

/**
 * The theme's stacks for this document, with the fallback family (Hanja, kana) only when some
 * character of its content needs it: React-PDF loads every face of every family in a stack
 * before it lays out a page, and PretendardJP is 5.4 MB a face, four faces a document. The
 * content is the model as drawn (tailor's drawableText): what no stack draws is already gone.
 */
export function fontStacks(theme: Theme, content: unknown): FontStacks {
  const alone = [[theme.fonts.body], [theme.fonts.heading]];
  let fallback = false;
  walkStrings(content, (_path, value) => {
    if (!fallback && undrawable(value, alone).length > 0) fallback = true;
  });
  return {
    body: asFontFamily(textStack(theme.fonts.body, fallback)),
    heading: asFontFamily(textStack(theme.fonts.heading, fallback)),
    code: asFontFamily(monoStack(fallback)),
  };
}
