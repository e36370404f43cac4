import { Link, View } from '@react-pdf/renderer';
import { Text } from '../shared/Text.js';
import type React from 'react';
import type { EntryModel } from '../../tailor/model.js';
import type { Theme } from '../../validate/schema/theme.js';
import type { TextStyles } from '../styles.js';

interface EntryProps {
  entry: EntryModel;
  lead: React.ReactNode;
  theme: Theme;
  s: TextStyles;
}

/** Blank lines separate paragraphs in multi-line YAML text. */
export const paragraphs = (value: string): string[] => value.split(/\n\s*\n/).map((p) => p.replace(/\s*\n\s*/g, ' ').trim()).filter(Boolean);

/** A full entry: title, subtitle and dates on one line, then details, summary, bullets, keywords. */
export function Entry({ entry, lead, theme, s }: EntryProps) {
  // A short entry is kept on one page; one with bullets may break between them, never right after its title.
  return (
    <View wrap={entry.highlights.length > 0} style={{ marginBottom: theme.spacing.entry }}>
      <View wrap={false}>
        {lead}
        <View style={{ flexDirection: 'row', justifyContent: 'space-between', alignItems: 'flex-start' }}>
          <Text style={[s.title, { flexShrink: 1, paddingRight: 8 }]}>
            {entry.url ? <Link src={entry.url} style={[s.link, { color: theme.colors.text }]}>{entry.title}</Link> : entry.title}
            {entry.subtitle ? <Text style={s.subtitle}>{`   ${entry.subtitle}`}</Text> : null}
          </Text>
          {entry.dates ? <Text style={[s.dates, { flexShrink: 0 }]}>{entry.dates}</Text> : null}
        </View>
        {entry.detail ? <Text style={s.small}>{entry.detail}</Text> : null}
      </View>
      {entry.summary ? paragraphs(entry.summary).map((p, i) => <Text key={i} style={[s.body, { marginTop: 2 }]}>{p}</Text>) : null}
      {entry.highlights.map((h, i) => (
        <View key={i} style={{ flexDirection: 'row', marginTop: theme.spacing.bullet }}>
          <Text style={[s.body, { width: 10, color: theme.colors.accent }]}>•</Text>
          <Text style={[s.body, { flex: 1 }]}>{h}</Text>
        </View>
      ))}
      {entry.keywords.length > 0 ? <Text style={[s.small, { marginTop: 3 }]}>{entry.keywords.join(' · ')}</Text> : null}
      {entry.url ? <Link src={entry.url} style={[s.small, s.link]}>{entry.url}</Link> : null}
    </View>
  );
}

/** A short entry as a table row: name (and level) in a column, keywords or detail beside it. */
export function CompactRow({ entry, lead, theme, s }: EntryProps) {
  const level = entry.detail && entry.keywords.length > 0 ? <Text style={s.subtitle}>{` ${entry.detail}`}</Text> : null;
  return (
    <View wrap={false} style={{ marginBottom: theme.spacing.bullet + 1 }}>
      {lead}
      <View style={{ flexDirection: 'row' }}>
        <Text style={[s.title, { width: 110, fontSize: theme.sizes.body }]}>
          {entry.title}
          {level}
        </Text>
        <Text style={[s.body, { flex: 1 }]}>{entry.keywords.length > 0 ? entry.keywords.join(', ') : (entry.detail ?? '')}</Text>
      </View>
    </View>
  );
}

/** An entry in a narrow sidebar: everything stacked. */
export function StackedEntry({ entry, lead, theme, s }: EntryProps) {
  const color = theme.sidebar?.text ?? theme.colors.text;
  const secondary = [entry.subtitle, entry.detail, entry.dates].filter(Boolean).join(' · ');
  return (
    <View wrap={false} style={{ marginBottom: theme.spacing.entry - 2 }}>
      {lead}
      <Text style={[s.title, { color, fontSize: theme.sizes.body }]}>{entry.title}</Text>
      {secondary ? <Text style={[s.small, { color }]}>{secondary}</Text> : null}
      {entry.keywords.length > 0 ? <Text style={[s.small, { color }]}>{entry.keywords.join(' · ')}</Text> : null}
      {entry.summary ? <Text style={[s.small, { color }]}>{entry.summary}</Text> : null}
      {entry.highlights.map((h, i) => (
        <Text key={i} style={[s.small, { color }]}>{`• ${h}`}</Text>
      ))}
    </View>
  );
}
