import { View } from '@react-pdf/renderer';
import { Text } from '../shared/Text.js';
import React from 'react';
import type { Theme } from '../../validate/schema/theme.js';
import { bookmark } from '../shared/bookmark.js';
import type { TextStyles } from '../styles.js';
import { tag } from '../shared/tag.js';
import { estimatedEms } from '../shared/estimatedEms.js';

/** A block of a section; the section title is handed to the first one as its `lead`. */
export type Block = (lead: React.ReactNode) => React.ReactNode;

interface SectionProps {
  title: string;
  theme: Theme;
  s: TextStyles;
  blocks: Block[];
  /** Drawn in the sidebar: no gutter, the sidebar's own colours. */
  inSidebar?: boolean;
  /** In a left gutter: the size every title of the document takes (gutterTitleSize). */
  titleSize?: number;
}

/**
 * A titled section. The title is drawn inside the first block's unbreakable head, so it can
 * never be left alone at the bottom of a page (minPresenceAhead proved unreliable for this).
 * With `placement: gutter` it is drawn there too, placed out in a left column beside the content.
 */
export function Section({ title, theme, s, blocks, inSidebar = false, titleSize }: SectionProps) {
  const style = theme.sectionStyle;
  const gutter = style.placement === 'gutter' && !inSidebar;
  const heading = <SectionTitle title={title} theme={theme} s={s} inSidebar={inSidebar} titleSize={titleSize} />;
  if (gutter) {
    // Drawn by the first block, in its unbreakable head, out in the gutter beside it: a row split at a page's end left the title alone at its foot.
    const inGutter = (
      <View style={{ position: 'absolute', top: 0, left: -(style.gutterWidth ?? 0), width: style.gutterWidth, paddingRight: GUTTER_PADDING }}>{heading}</View>
    );
    return (
      <View
        style={{
          flexDirection: 'row',
          marginBottom: theme.spacing.section,
          ...(style.rule ? { borderTopWidth: 0.6, borderTopColor: theme.colors.rule, paddingTop: 6 } : {}),
        }}
        {...bookmark(title)}
        {...tag('Sect')}
      >
        <View style={{ width: style.gutterWidth }} />
        <View style={{ flex: 1 }}>
          {blocks.map((block, i) => (
            <React.Fragment key={i}>{block(i === 0 ? inGutter : null)}</React.Fragment>
          ))}
        </View>
      </View>
    );
  }
  return (
    <View style={{ marginBottom: theme.spacing.section }} {...bookmark(title)} {...tag('Sect')}>
      {blocks.map((block, i) => (
        <React.Fragment key={i}>{block(i === 0 ? heading : null)}</React.Fragment>
      ))}
    </View>
  );
}

const GUTTER_PADDING = 10;

/**
 * A theme whose left gutter holds every section title of the document on one line: the titles
 * take the theme's size, or a smaller one down to GUTTER_TITLE_FLOOR of it, the same for all, and
 * the gutter widens for what still does not fit (`MILITARY SERVICE`). A title running into the
 * content beside it is unreadable; one wrapped in the gutter is read by a parser line by line,
 * interleaved with the content beside it. Other placements: the theme as it is.
 */
export function gutterFor(titles: readonly string[], theme: Theme): { theme: Theme; titleSize?: number } {
  const style = theme.sectionStyle;
  if (style.placement !== 'gutter' || !style.gutterWidth) return { theme };
  const widest = Math.max(1, ...titles.map((title) => titleEms(style.uppercase ? title.toUpperCase() : title)));
  const fitting = Math.floor(((style.gutterWidth - GUTTER_PADDING) / widest) * 10) / 10;
  const titleSize = Math.min(theme.sizes.section, Math.max(fitting, Math.round(theme.sizes.section * GUTTER_TITLE_FLOOR * 10) / 10));
  const gutterWidth = Math.max(style.gutterWidth, Math.ceil(widest * titleSize + GUTTER_PADDING));
  return { theme: gutterWidth === style.gutterWidth ? theme : { ...theme, sectionStyle: { ...style, gutterWidth } }, titleSize };
}
const GUTTER_TITLE_FLOOR = 0.85;

/** A bold title's width in ems, estimated on the safe side: capitals 0.66, the rest 0.56. */
const titleEms = (text: string): number => estimatedEms(text, { other: 0.56, capital: 0.66 });

function SectionTitle({ title, theme, s, inSidebar, titleSize }: { title: string; theme: Theme; s: TextStyles; inSidebar: boolean; titleSize?: number }) {
  const style = theme.sectionStyle;
  const ruled = style.rule && style.placement === 'above';
  const color = inSidebar ? (theme.sidebar?.text ?? theme.colors.accent) : theme.colors.accent;
  return (
    <View
      style={{
        flexDirection: 'row',
        alignItems: 'center',
        marginBottom: 6,
        paddingBottom: ruled ? 3 : 0,
        ...(ruled && !inSidebar ? { borderBottomWidth: 0.8, borderBottomColor: theme.colors.rule } : {}),
      }}
    >
      {style.bar ? <View style={{ width: 3, height: theme.sizes.section, backgroundColor: theme.colors.accent, marginRight: 6 }} /> : null}
      <Text style={[s.section, { color, ...(titleSize && !inSidebar ? { fontSize: titleSize } : {}) }]} {...tag('H2')}>
        {title}
      </Text>
    </View>
  );
}
