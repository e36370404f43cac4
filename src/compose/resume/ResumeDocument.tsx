import { Document, Page, View } from '@react-pdf/renderer';
import { documentMeta } from '../shared/documentMeta.js';
import { Text } from '../shared/Text.js';
import type { EntryModel, ResumeModel, SectionModel } from '../../tailor/model.js';
import type { SectionKey } from '../../validate/schema/resume.js';
import { sidebarOf, type Theme } from '../../validate/schema/theme.js';
import { PageFooter } from '../shared/PageFooter.js';
import { fontStacks } from '../fontStacks.js';
import { pageStyle, SIDEBAR_GAP, textStyles, type TextStyles } from '../styles.js';
import { CompactRow, type CompactTable, Entry, StackedEntry, compactTable, paragraphs } from './Entry.js';
import { Header, SidebarProfile } from './Header.js';
import { gutterFor, Section } from './Section.js';

interface Props {
  model: ResumeModel;
  theme: Theme;
}

/** Sections of short entries read best as a two-column table. */
export const COMPACT_SECTIONS: readonly SectionKey[] = ['skills', 'languages', 'interests'];

/** The resume, in the theme's layout: one column, or a sidebar beside the main column. */
export function ResumeDocument({ model, theme: themeAsGiven }: Props) {
  const inSidebar = new Set(sidebarOf(themeAsGiven)?.sections ?? []);
  const mainSections = model.sections.filter((section) => !inSidebar.has(section.key));
  // In a gutter placement the gutter holds every title of the main column on one line (see gutterFor).
  const { theme, titleSize } = gutterFor([...(model.summary ? [model.labels.summary] : []), ...mainSections.map((section) => section.title)], themeAsGiven);
  const s = textStyles(theme, fontStacks(theme, model));
  const { meta } = model;
  const sidebar = sidebarOf(theme);
  const caption = [model.person.name, model.target?.position, model.labels.document].filter(Boolean).join(' · ');
  const main = (sections: SectionModel[]) => {
    return (
      <>
        {model.summary ? (
          <Section
            title={model.labels.summary}
            titleSize={titleSize}
            theme={theme}
            s={s}
            blocks={paragraphs(model.summary).map((p) => (lead) => <Paragraph text={p} lead={lead} theme={theme} s={s} />)}
          />
        ) : null}
        {sections.map((section) => {
          // A compact section's rows are one table, made where its first row is drawn (each row names it as its parent).
          const table = COMPACT_SECTIONS.includes(section.key) ? compactTable(section.entries, theme) : undefined;
          return (
            <Section
              key={section.key}
              title={section.title}
              titleSize={titleSize}
              theme={theme}
              s={s}
              blocks={section.entries.map((entry) => (lead) => <SectionEntry table={table} entry={entry} lead={lead} theme={theme} s={s} />)}
            />
          );
        })}
      </>
    );
  };
  return (
    <Document {...documentMeta(meta)}>
      {sidebar ? (
        <Page size={theme.page.size} style={{ ...pageStyle(theme), paddingLeft: 0 }}>
          {/* The sidebar's background, repeated on every page from edge to edge. */}
          <View fixed style={{ position: 'absolute', left: 0, top: 0, bottom: 0, width: sidebar.width, backgroundColor: sidebar.background }} />
          <View style={{ flexDirection: 'row' }}>
            <View style={{ width: sidebar.width, paddingLeft: theme.page.margin.left, paddingRight: 14 }}>
              <SidebarProfile model={model} theme={theme} s={s} />
              {model.sections
                .filter((section) => sidebar.sections.includes(section.key))
                .map((section) => (
                  <Section
                    key={section.key}
                    inSidebar
                    title={section.title}
                    theme={theme}
                    s={s}
                    blocks={section.entries.map((entry) => (lead) => <StackedEntry entry={entry} lead={lead} theme={theme} s={s} />)}
                  />
                ))}
            </View>
            <View style={{ flex: 1, paddingLeft: SIDEBAR_GAP }}>{main(mainSections)}</View>
          </View>
          <PageFooter theme={theme} styles={s} caption={caption} left={sidebar.width + SIDEBAR_GAP} />
        </Page>
      ) : (
        <Page size={theme.page.size} style={pageStyle(theme)}>
          <Header model={model} theme={theme} s={s} />
          {main(mainSections)}
          <PageFooter theme={theme} styles={s} caption={caption} />
        </Page>
      )}
    </Document>
  );
}

function SectionEntry({ table, ...props }: { table: CompactTable | undefined; entry: EntryModel; lead: React.ReactNode; theme: Theme; s: TextStyles }) {
  return table ? <CompactRow table={table} {...props} /> : <Entry {...props} />;
}

function Paragraph({ text, lead, theme, s }: { text: string; lead: React.ReactNode; theme: Theme; s: TextStyles }) {
  return (
    <View wrap={false} style={{ marginBottom: theme.spacing.paragraph }}>
      {lead}
      <Text style={s.body}>{text}</Text>
    </View>
  );
}
