import { View } from '@react-pdf/renderer';
import { Text } from '../shared/Text.js';
import React from 'react';
import type { Theme } from '../../validate/schema/theme.js';
import { bookmark } from '../shared/bookmark.js';
import type { TextStyles } from '../styles.js';
import { tag } from '../shared/tag.js';

/** A block of a section; the section title is handed to the first one as its `lead`. */
export type Block = (lead: React.ReactNode) => React.ReactNode;

interface SectionProps {
  title: string;
  theme: Theme;
  s: TextStyles;
  blocks: Block[];
  /** Drawn in the sidebar: no gutter, the sidebar's own colours. */
  inSidebar?: boolean;
}

/**
 * A titled section. The title is drawn inside the first block's unbreakable head, so it can
 * never be left alone at the bottom of a page (minPresenceAhead proved unreliable for this).
 * With `placement: gutter` the title sits in a left column beside the content instead.
 */
export function Section({ title, theme, s, blocks, inSidebar = false }: SectionProps) {
  const style = theme.sectionStyle;
  const gutter = style.placement === 'gutter' && !inSidebar;
  const heading = <SectionTitle title={title} theme={theme} s={s} inSidebar={inSidebar} />;
  if (gutter) {
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
        <View style={{ width: style.gutterWidth, paddingRight: 10 }}>{heading}</View>
        <View style={{ flex: 1 }}>
          {blocks.map((block, i) => (
            <React.Fragment key={i}>{block(null)}</React.Fragment>
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

function SectionTitle({ title, theme, s, inSidebar }: { title: string; theme: Theme; s: TextStyles; inSidebar: boolean }) {
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
      <Text style={[s.section, { color }]} {...tag('H2')}>
        {title}
      </Text>
    </View>
  );
}
