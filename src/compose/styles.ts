import type { Style } from '@react-pdf/types';
import { sidebarOf, type Theme } from '../validate/schema/theme.js';
import type { TextArea } from '../verify/verifyText.js';
import type { FontStacks } from './fontStacks.js';

/** Height kept free at the bottom of every page for the fixed footer (fixed elements reserve no space). */
export const FOOTER_HEIGHT = 22;

/** Space between a sidebar and the main column. */
export const SIDEBAR_GAP = 20;

/** Where a theme's pages hold text, as the read-back checks need it (verify/verifyText.ts). */
export function textAreaOf(theme: Theme): TextArea {
  const sidebar = sidebarOf(theme);
  return { margin: theme.page.margin, footer: FOOTER_HEIGHT, ...(sidebar ? { sidebar: { right: sidebar.width, sections: sidebar.sections } } : {}) };
}

/**
 * Theme tokens → the named text styles every document uses. `fontSize` and `lineHeight` always
 * travel together on leaf text styles: React-PDF multiplies a unitless lineHeight with the
 * fontSize of the same style object, and a lineHeight on a Page hides `<Text render>`.
 */
export function textStyles(theme: Theme, stacks: FontStacks) {
  const { sizes, colors, weights } = theme;
  const fontFamily = stacks.body;
  const headingFamily = stacks.heading;
  const text = (fontSize: number, extra: Style = {}): Style => ({
    fontFamily,
    fontSize,
    lineHeight: theme.lineHeight,
    letterSpacing: theme.letterSpacing,
    color: colors.text,
    fontWeight: weights.body,
    ...extra,
  });
  return {
    name: text(sizes.name, { fontFamily: headingFamily, fontWeight: weights.name, lineHeight: 1.25, letterSpacing: 0 }),
    headline: text(sizes.headline, { color: colors.accent, fontWeight: 500 }),
    section: text(sizes.section, {
      fontFamily: headingFamily,
      fontWeight: weights.section,
      color: colors.accent,
      lineHeight: 1.3,
      ...(theme.sectionStyle.uppercase ? { textTransform: 'uppercase' as const } : {}),
    }),
    title: text(sizes.title, { fontFamily: headingFamily, fontWeight: weights.title, lineHeight: 1.4 }),
    subtitle: text(sizes.body, { color: colors.muted, lineHeight: 1.4 }),
    dates: text(sizes.small, { color: colors.muted, lineHeight: 1.5 }),
    body: text(sizes.body),
    small: text(sizes.small, { color: colors.muted }),
    link: { color: colors.accent, textDecoration: 'none' as const },
    strong: { fontWeight: 700 as const },
    /** The code stack, for the markdown styles. */
    codeFamily: stacks.code,
  };
}

export type TextStyles = ReturnType<typeof textStyles>;

export function pageStyle(theme: Theme): Style {
  const m = theme.page.margin;
  return {
    paddingTop: m.top,
    paddingRight: m.right,
    paddingBottom: m.bottom + FOOTER_HEIGHT,
    paddingLeft: m.left,
    color: theme.colors.text,
    backgroundColor: '#ffffff',
  };
}
