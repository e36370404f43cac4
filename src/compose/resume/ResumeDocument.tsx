import { Document, Image, Link, Page, Text, View } from '@react-pdf/renderer';
import React from 'react';
import type { Contact, EntryModel, ResumeModel, SectionModel } from '../../tailor/model.js';
import type { SectionKey } from '../../validate/schema/resume.js';
import type { Theme } from '../../validate/schema/theme.js';
import { bookmark } from '../shared/bookmark.js';
import { PageFooter } from '../shared/PageFooter.js';
import { pageStyle, textStyles, type TextStyles } from '../styles.js';

interface Props {
  model: ResumeModel;
  theme: Theme;
}

/** The resume: header with name, headline, contact and photo; then each section in order. */
export function ResumeDocument({ model, theme }: Props) {
  const s = textStyles(theme);
  const { meta } = model;
  return (
    <Document title={meta.title} author={meta.author} subject={meta.subject} keywords={meta.keywords.join(', ')} language={meta.language} creator="careerpdf" producer="careerpdf" creationDate={meta.creationDate}>
      <Page size={theme.page.size} style={pageStyle(theme)}>
        <Header model={model} theme={theme} s={s} />
        {model.summary ? (
          <Section
            title={model.labels.summary}
            theme={theme}
            s={s}
            blocks={paragraphs(model.summary).map((p) => (lead) => (
              <View wrap={false} style={{ marginBottom: theme.spacing.paragraph }}>
                {lead}
                <Text style={s.body}>{p}</Text>
              </View>
            ))}
          />
        ) : null}
        {model.sections.map((section) => (
          <Section
            key={section.key}
            title={section.title}
            theme={theme}
            s={s}
            blocks={section.entries.map((entry) => (lead) => (COMPACT_SECTIONS.includes(section.key) ? <CompactRow entry={entry} lead={lead} theme={theme} s={s} /> : <Entry entry={entry} lead={lead} theme={theme} s={s} />))}
          />
        ))}
        <PageFooter theme={theme} styles={s} caption={footerCaption(model)} />
      </Page>
    </Document>
  );
}

const footerCaption = (model: ResumeModel) => [model.person.name, model.target?.position, model.lang === 'ko' ? '이력서' : 'Resume'].filter(Boolean).join(' · ');

/** Blank lines separate paragraphs in multi-line YAML text. */
export const paragraphs = (value: string): string[] => value.split(/\n\s*\n/).map((p) => p.replace(/\s*\n\s*/g, ' ').trim()).filter(Boolean);

function Header({ model, theme, s }: { model: ResumeModel; theme: Theme; s: TextStyles }) {
  const { person, target } = model;
  return (
    <View style={{ flexDirection: 'row', marginBottom: theme.spacing.section }}>
      <View style={{ flex: 1 }}>
        <Text style={s.name}>{person.name}</Text>
        {person.headline ? <Text style={[s.headline, { marginTop: 2 }]}>{person.headline}</Text> : null}
        {target ? (
          <Text style={[s.small, { marginTop: 2 }]}>
            {model.lang === 'ko' ? `지원 분야  ${target.position} · ${target.company}` : `Applying for  ${target.position} · ${target.company}`}
          </Text>
        ) : null}
        <ContactLine contacts={person.contacts} s={s} />
      </View>
      {person.image ? <Image src={person.image} style={{ width: 72, height: 96, flexShrink: 0, objectFit: 'cover', marginLeft: 16, borderRadius: 2 }} /> : null}
    </View>
  );
}

function ContactLine({ contacts, s }: { contacts: Contact[]; s: TextStyles }) {
  if (contacts.length === 0) return null;
  return (
    <Text style={[s.small, { marginTop: 6 }]}>
      {contacts.map((c, i) => (
        <Text key={i}>
          {i > 0 ? '   ·   ' : ''}
          {c.href ? <Link src={c.href} style={s.link}>{c.text}</Link> : c.text}
        </Text>
      ))}
    </Text>
  );
}

/** A block of a section; the section title is handed to the first one as its `lead`. */
type Block = (lead: React.ReactNode) => React.ReactNode;

/**
 * A titled section. The title is drawn inside the first block's unbreakable head, so it can
 * never be left alone at the bottom of a page (minPresenceAhead proved unreliable for this).
 */
function Section({ title, theme, s, blocks }: { title: string; theme: Theme; s: TextStyles; blocks: Block[] }) {
  const heading = (
    <View style={{ marginBottom: 6, paddingBottom: 3, ...(theme.sectionStyle.rule ? { borderBottomWidth: 0.8, borderBottomColor: theme.colors.rule } : {}) }}>
      <Text style={s.section}>{title}</Text>
    </View>
  );
  return (
    <View style={{ marginBottom: theme.spacing.section }} {...bookmark(title)}>
      {blocks.map((block, i) => (
        <React.Fragment key={i}>{block(i === 0 ? heading : null)}</React.Fragment>
      ))}
    </View>
  );
}

function Entry({ entry, lead, theme, s }: { entry: EntryModel; lead: React.ReactNode; theme: Theme; s: TextStyles }) {
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

/** Sections of short entries read best as a two-column table: name, then its keywords or level. */
const COMPACT_SECTIONS: SectionKey[] = ['skills', 'languages', 'interests'];

function CompactRow({ entry, lead, theme, s }: { entry: EntryModel; lead: React.ReactNode; theme: Theme; s: TextStyles }) {
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
