import { View } from '@react-pdf/renderer';
import { Text } from './Text.js';
import type { Theme } from '../../validate/schema/theme.js';
import { FOOTER_HEIGHT, type TextStyles } from '../styles.js';

/**
 * The running footer: who and what on the left, `page / pages` on the right. `fixed` repeats
 * it on every page. The page number is its own fixed, absolutely placed `<Text render>`:
 * `totalPages` reaches only that, and nested in a View or given a lineHeight it disappears.
 */
export function PageFooter({ theme, styles, caption, left }: { theme: Theme; styles: TextStyles; caption: string; left?: number }) {
  const m = theme.page.margin;
  const bottom = m.bottom - 8;
  const { lineHeight: _dropped, ...numberStyle } = styles.small;
  return (
    <>
      <View
        fixed
        style={{
          position: 'absolute',
          left: left ?? m.left,
          right: m.right,
          bottom,
          height: FOOTER_HEIGHT,
          borderTopWidth: 0.5,
          borderTopColor: theme.colors.rule,
          paddingTop: 4,
        }}
      >
        <Text style={styles.small}>{caption}</Text>
      </View>
      <Text
        fixed
        style={{ ...numberStyle, position: 'absolute', right: m.right, bottom: bottom + FOOTER_HEIGHT - 4 - theme.sizes.small * 1.4, textAlign: 'right' }}
        render={({ pageNumber, totalPages }) => `${pageNumber} / ${totalPages}`}
      />
    </>
  );
}
