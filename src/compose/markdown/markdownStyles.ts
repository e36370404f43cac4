import type { Style } from '@react-pdf/types';
import type { Theme } from '../../validate/schema/theme.js';
import type { TextStyles } from '../styles.js';

/** Background of code, tables' header row and placeholder frames: a tint of the rule colour. */
const TINT = '#f3f5f8';

/** Styles of the markdown body, derived from the theme's text styles (same tokens as the resume). */
export function markdownStyles(theme: Theme, s: TextStyles) {
  const { sizes, colors, spacing } = theme;
  const codeSize = Math.round(sizes.body * 0.9 * 10) / 10;
  // Code is printed character by character: JetBrains Mono's contextual ligatures (=> as one
  // arrow) would show a reader something other than what was typed, and fontkit fails on them
  // (a RangeError reading the ligature glyphs of this build of the font).
  const code = { fontFamily: s.codeFamily, fontSize: codeSize, color: '#24303d', fontFeatureSettings: { calt: false } } as Style;
  const heading = (base: Style, extra: Style = {}): Style => ({ ...base, marginTop: 10, marginBottom: 4, ...extra });
  return {
    headings: {
      1: heading(s.section, { fontSize: sizes.section + 2, textTransform: 'none' }),
      2: heading(s.section, { textTransform: 'none' }),
      3: heading(s.title, { fontSize: sizes.title + 0.5 }),
      4: heading(s.title, { fontSize: sizes.body + 0.5, marginTop: 8 }),
      5: heading(s.title, { fontSize: sizes.body, marginTop: 6 }),
      6: heading(s.title, { fontSize: sizes.body, color: colors.muted, marginTop: 6 }),
    } as Record<1 | 2 | 3 | 4 | 5 | 6, Style>,
    paragraph: { ...s.body, marginBottom: spacing.paragraph + 2 } as Style,
    emphasis: { color: colors.accent, fontWeight: 500 } as Style,
    strong: { fontWeight: 700 } as Style,
    strike: { textDecoration: 'line-through', color: colors.muted } as Style,
    link: { color: colors.accent, textDecoration: 'underline' } as Style,
    inlineCode: { ...code, backgroundColor: TINT } as Style,
    codeBlock: {
      backgroundColor: TINT,
      borderLeftWidth: 2,
      borderLeftColor: colors.rule,
      paddingVertical: 6,
      paddingHorizontal: 8,
      marginBottom: spacing.paragraph + 4,
    } as Style,
    code: { ...code, lineHeight: 1.45, letterSpacing: 0 } as Style,
    codeLanguage: { ...s.small, fontSize: sizes.small - 1, lineHeight: 1.3, marginBottom: 2 } as Style,
    blockquote: { borderLeftWidth: 2.5, borderLeftColor: colors.accent, paddingLeft: 9, marginBottom: spacing.paragraph + 2 } as Style,
    blockquoteText: { color: colors.muted } as Style,
    rule: { borderBottomWidth: 0.6, borderBottomColor: colors.rule, marginTop: 8, marginBottom: 12 } as Style,
    listItem: { flexDirection: 'row', marginBottom: spacing.bullet } as Style,
    marker: { ...s.body, color: colors.accent } as Style,
    table: {
      borderTopWidth: 0.8,
      borderTopColor: colors.text,
      borderBottomWidth: 0.8,
      borderBottomColor: colors.text,
      marginBottom: spacing.paragraph + 6,
    } as Style,
    tableRow: { flexDirection: 'row', borderBottomWidth: 0.4, borderBottomColor: colors.rule } as Style,
    tableHeaderRow: { flexDirection: 'row', borderBottomWidth: 0.6, borderBottomColor: colors.text, backgroundColor: TINT } as Style,
    tableCell: { paddingVertical: 3, paddingHorizontal: 5 } as Style,
    tableText: { ...s.body, fontSize: sizes.small + 0.3, lineHeight: 1.45 } as Style,
    image: { marginTop: 4, marginBottom: spacing.paragraph + 6, alignItems: 'center' } as Style,
    caption: { ...s.small, textAlign: 'center', marginTop: 3 } as Style,
    placeholder: {
      borderWidth: 1,
      borderStyle: 'dashed',
      borderColor: colors.muted,
      backgroundColor: TINT,
      height: 88,
      justifyContent: 'center',
      alignItems: 'center',
      paddingHorizontal: 12,
    } as Style,
    placeholderTitle: { ...s.small, fontWeight: 600, color: colors.text, textAlign: 'center' } as Style,
    placeholderDetail: { ...s.small, fontSize: sizes.small - 0.5, textAlign: 'center' } as Style,
    footnoteRef: { fontSize: sizes.small - 1, color: colors.accent, verticalAlign: 'super' } as Style,
    footnotes: { borderTopWidth: 0.5, borderTopColor: colors.rule, marginTop: 10, paddingTop: 6 } as Style,
    footnoteText: { ...s.small } as Style,
  };
}

export type MarkdownStyles = ReturnType<typeof markdownStyles>;
