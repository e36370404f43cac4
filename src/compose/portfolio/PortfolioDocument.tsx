import { Document, Image, Link, Page, View } from '@react-pdf/renderer';
import { documentMeta } from '../shared/documentMeta.js';
import { Text } from '../shared/Text.js';
import type { Contact } from '../../tailor/model.js';
import type { PortfolioModel, ProjectModel } from '../../tailor/tailorPortfolio.js';
import { PAGE_SIZES, type Theme } from '../../validate/schema/theme.js';
import { ImagePlaceholder, MarkdownBody } from '../markdown/MarkdownBody.js';
import { markdownStyles, type MarkdownStyles } from '../markdown/markdownStyles.js';
import { fitImage } from '../markdown/structure.js';
import { bookmark } from '../shared/bookmark.js';
import { PageFooter } from '../shared/PageFooter.js';
import { fontStacks } from '../fontStacks.js';
import { pageStyle, textStyles, type TextStyles } from '../styles.js';
import type { TocPageNumbers } from './TocPageNumbers.js';
import { imageSource } from '../shared/imageSource.js';
import { tag } from '../shared/tag.js';
import { inlineList } from '../shared/inlineList.js';

export interface PortfolioProps {
  model: PortfolioModel;
  theme: Theme;
  /** Carries each project's start page from its header to the table of contents during layout. */
  pageNumbers: TocPageNumbers;
}

/** Room above the content of project pages for the running header (fixed elements reserve none). */
const HEADER_HEIGHT = 16;

/** From this many projects on, the contents have a page of their own; below it the cover lists the projects (a page for one or two lines is a page turned for nothing). */
const CONTENTS_PAGE_FROM = 3;

/** The portfolio: a cover, a table of contents (on the cover, for one or two projects), then each project from a new page. */
export function PortfolioDocument({ model, theme, pageNumbers }: PortfolioProps) {
  const s = textStyles(theme, fontStacks(theme, model));
  const m = markdownStyles(theme, s);
  const { meta } = model;
  const page = PAGE_SIZES[theme.page.size];
  const margin = theme.page.margin;
  const column = page.width - margin.left - margin.right;
  const contentHeight = page.height - margin.top - margin.bottom - HEADER_HEIGHT - 40;
  const caption = [model.person.name, model.target?.position, model.labels.document].filter(Boolean).join(' · ');
  const contentsPage = model.projects.length >= CONTENTS_PAGE_FROM;
  return (
    <Document {...documentMeta(meta)}>
      <Cover
        model={model}
        theme={theme}
        s={s}
        contents={contentsPage ? undefined : <ProjectRows model={model} theme={theme} s={s} pageNumbers={pageNumbers} />}
      />
      {contentsPage ? (
        <Page size={theme.page.size} style={pageStyle(theme)} bookmark={{ title: model.labels.contents, fit: true }}>
          <Contents model={model} theme={theme} s={s} pageNumbers={pageNumbers} />
          <PageFooter theme={theme} styles={s} caption={caption} />
        </Page>
      ) : null}
      {model.projects.map((project) => (
        <Page
          key={project.id}
          size={theme.page.size}
          style={{ ...pageStyle(theme), paddingTop: margin.top + HEADER_HEIGHT }}
          {...bookmark(`${project.number}. ${project.title}`)}
          {...tag('Sect')}
        >
          <RunningHeader
            theme={theme}
            s={s}
            left={project.title}
            right={`${String(project.number).padStart(2, '0')} / ${String(model.projects.length).padStart(2, '0')}`}
          />
          <ProjectHeader
            project={project}
            model={model}
            theme={theme}
            s={s}
            m={m}
            column={column}
            maxImageHeight={contentHeight * 0.5}
            pageNumbers={pageNumbers}
          />
          <MarkdownBody
            root={project.body}
            images={project.images}
            m={m}
            labels={model.labels}
            width={column}
            maxImageHeight={contentHeight * 0.62}
            anchor={project.anchor}
          />
          <PageFooter theme={theme} styles={s} caption={caption} />
        </Page>
      ))}
    </Document>
  );
}

/** The cover; `contents`, when the projects are too few for a contents page, listed under the contacts. */
function Cover({ model, theme, s, contents }: { model: PortfolioModel; theme: Theme; s: TextStyles; contents?: React.ReactNode }) {
  const { person, target, labels } = model;
  const margin = theme.page.margin;
  return (
    <Page size={theme.page.size} style={{ ...pageStyle(theme), paddingTop: margin.top, justifyContent: 'space-between' }} {...bookmark(labels.document)}>
      <View
        style={{
          height: 5,
          backgroundColor: theme.colors.accent,
          marginLeft: -margin.left + 0.01,
          marginRight: -margin.right + 0.01,
          marginTop: -margin.top + 0.01,
        }}
      />
      <View style={{ marginTop: 120 }}>
        <Text style={[s.section, { textTransform: 'uppercase', letterSpacing: 1.5 }]}>{labels.document}</Text>
        <Text style={[s.name, { fontSize: theme.sizes.name + 10, marginTop: 10 }]} {...tag('H1')}>
          {person.name}
        </Text>
        {person.headline ? <Text style={[s.headline, { marginTop: 4 }]}>{person.headline}</Text> : null}
        {target ? <Text style={[s.title, { marginTop: 26, fontWeight: 500 }]}>{`${labels.applyingFor} ${target.position} · ${target.company}`}</Text> : null}
      </View>
      <View style={{ borderTopWidth: 0.8, borderTopColor: theme.colors.rule, paddingTop: 10, marginBottom: 10 }}>
        {person.contacts.map((contact, i) => (
          <ContactRow key={i} contact={contact} s={s} />
        ))}
        {contents ? (
          <View style={{ marginTop: 14 }}>{contents}</View>
        ) : (
          <Text style={[s.small, { marginTop: 8 }]}>{model.projects.map((p) => p.title).join('  ·  ')}</Text>
        )}
      </View>
    </Page>
  );
}

function ContactRow({ contact, s }: { contact: Contact; s: TextStyles }) {
  return (
    <Text style={s.body}>
      {contact.href ? (
        <Link src={contact.href} style={s.link}>
          {contact.text}
        </Link>
      ) : (
        contact.text
      )}
    </Text>
  );
}

interface ContentsProps {
  model: PortfolioModel;
  theme: Theme;
  s: TextStyles;
  pageNumbers: TocPageNumbers;
}

function Contents(props: ContentsProps) {
  return (
    <View>
      <Text style={[props.s.section, { textTransform: 'none', fontSize: props.theme.sizes.section + 4, marginBottom: 14 }]} {...tag('H2')}>
        {props.model.labels.contents}
      </Text>
      <ProjectRows {...props} />
    </View>
  );
}

/** A row per project: its number, title and facts, and the page it starts on, linked there. */
function ProjectRows({ model, theme, s, pageNumbers }: ContentsProps) {
  const { lineHeight: _none, ...numberStyle } = s.title;
  return (
    <>
      {model.projects.map((project) => {
        const detail = inlineList(project.facts.filter((f) => f.label !== model.labels.stack).map((f) => f.value));
        return (
          <Link key={project.id} src={`#${project.anchor}`} style={{ textDecoration: 'none', color: theme.colors.text }}>
            <View
              wrap={false}
              style={{ flexDirection: 'row', alignItems: 'flex-start', paddingVertical: 7, borderBottomWidth: 0.5, borderBottomColor: theme.colors.rule }}
            >
              <Text style={[s.title, { width: 26, color: theme.colors.accent }]}>{String(project.number).padStart(2, '0')}</Text>
              <View style={{ flex: 1, paddingRight: 12 }}>
                <Text style={s.title}>{project.title}</Text>
                {detail ? <Text style={s.small}>{detail}</Text> : null}
              </View>
              {/* A render text (no lineHeight, or it vanishes) in a fixed-width column: "…" and the number lay out the same. */}
              <Text
                style={[numberStyle, { width: 30, textAlign: 'right', color: theme.colors.accent }]}
                render={() => String(pageNumbers.startOf(project.anchor) ?? '…')}
              />
            </View>
          </Link>
        );
      })}
    </>
  );
}

/** Above a project's title: `PROJECT 02`. */
export const projectEyebrow = (labels: PortfolioModel['labels'], number: number): string =>
  `${labels.project.toUpperCase()} ${String(number).padStart(2, '0')}`;

function RunningHeader({ theme, s, left, right }: { theme: Theme; s: TextStyles; left: string; right: string }) {
  const margin = theme.page.margin;
  return (
    <View
      fixed
      style={{
        position: 'absolute',
        top: margin.top - 20,
        left: margin.left,
        right: margin.right,
        flexDirection: 'row',
        justifyContent: 'space-between',
        borderBottomWidth: 0.5,
        borderBottomColor: theme.colors.rule,
        paddingBottom: 3,
      }}
    >
      <Text style={[s.small, { flexShrink: 1, marginRight: 16 }]}>{left}</Text>
      <Text style={[s.small, { flexShrink: 0, textAlign: 'right' }]}>{right}</Text>
    </View>
  );
}

function ProjectHeader({
  project,
  model,
  theme,
  s,
  m,
  column,
  maxImageHeight,
  pageNumbers,
}: {
  project: ProjectModel;
  model: PortfolioModel;
  theme: Theme;
  s: TextStyles;
  m: MarkdownStyles;
  column: number;
  maxImageHeight: number;
  pageNumbers: TocPageNumbers;
}) {
  const { lineHeight: _none, ...eyebrow } = s.small;
  const cover = project.cover;
  return (
    <View id={project.anchor} style={{ marginBottom: 12 }}>
      {/* A <Text render> learns its page number during layout: it tells the table of contents. No lineHeight on it (it would vanish). */}
      <Text
        style={[eyebrow, { color: theme.colors.accent, fontWeight: 600, letterSpacing: 1 }]}
        render={({ pageNumber }) => {
          pageNumbers.recordStart(project.anchor, pageNumber);
          return projectEyebrow(model.labels, project.number);
        }}
      />
      <Text style={[s.name, { fontSize: theme.sizes.name - 4, marginTop: 4 }]} {...tag('H2')}>
        {project.title}
      </Text>
      {project.summary ? <Text style={[s.body, { color: theme.colors.muted, marginTop: 4 }]}>{project.summary}</Text> : null}
      {project.facts.length > 0 ? (
        <View
          style={{
            marginTop: 10,
            paddingVertical: 6,
            borderTopWidth: 0.8,
            borderTopColor: theme.colors.accent,
            borderBottomWidth: 0.5,
            borderBottomColor: theme.colors.rule,
          }}
        >
          {project.facts.map((fact) => (
            <View key={fact.label} style={{ flexDirection: 'row' }}>
              <Text style={[s.small, { width: 64, color: theme.colors.muted, fontWeight: 600 }]}>{fact.label}</Text>
              <Text style={[s.small, { flex: 1, color: theme.colors.text }]}>{fact.value}</Text>
            </View>
          ))}
        </View>
      ) : (
        <View style={{ marginTop: 8, borderTopWidth: 0.8, borderTopColor: theme.colors.accent }} />
      )}
      {cover ? (
        <View wrap={false} style={{ marginTop: 12, alignItems: 'center' }}>
          {cover.image.kind === 'file' ? (
            <Image src={imageSource(cover.image)} style={fitImage(cover.image, { maxWidth: column, maxHeight: maxImageHeight })} />
          ) : (
            <ImagePlaceholder url={cover.url} alt="" reason={cover.image.reason} ctx={{ m, labels: model.labels, width: column }} />
          )}
        </View>
      ) : null}
    </View>
  );
}
