import type { EntryModel, ResumeModel } from '../tailor/model.js';
import type { PortfolioModel } from '../tailor/tailorPortfolio.js';
import { sidebarOf, type Theme } from '../validate/schema/theme.js';
import type { AtsItem } from '../verify/atsView.js';
import type { AnswersModel } from './answers/AnswersDocument.js';
import { answerStructure } from './answers/answerStructure.js';
import { countLine, questionEyebrow } from './answers/countLabel.js';
import { drawnTexts } from './drawnTexts.js';
import { listMarkersOf } from './markdown/structure.js';
import { paragraphs } from './resume/Entry.js';
import { COMPACT_SECTIONS } from './resume/ResumeDocument.js';
import { projectEyebrow } from './portfolio/PortfolioDocument.js';
import { ANSWERS_LABELS } from '../tailor/i18n.js';

/**
 * What a document draws, block by block in reading order: what verify reads the PDF back
 * against (page breaks, what spilled over a budget), so that it knows no model. Made here, beside
 * drawnTexts, by the makers of pipeline/documents.ts, from the model the document's components draw.
 * (Not the PDF's outline of bookmarks: that is compose/shared/bookmark.ts.)
 */
export interface DocumentOutline {
  blocks: OutlineBlock[];
  /** The texts of the document's list markers (`•`, `1.`): one of them alone on a page's last line has lost its item. */
  markers: readonly string[];
  /** A last page under a fifth full is a page turned for nothing (a resume's: fit pulls it back); a portfolio's projects each end a page, the answers are as long as the form asks. */
  fullLastPage: boolean;
}

export type OutlineKind = 'person' | 'section-title' | 'paragraph' | 'entry' | 'project' | 'question';

export interface OutlineBlock {
  kind: OutlineKind;
  /** What a message calls it: `경력 › 이로교`, `question 2`. */
  label: string;
  /** The data's id of what it draws (an entry, a project, a question), for the messages that say what to leave out. */
  id?: string;
  /** The column it is drawn in: a sidebar layout's resume draws its profile and some sections beside the main column. */
  column: 'main' | 'sidebar';
  /** The strings that open the block, in the order drawn: an entry's title, organisation, dates and detail; a project's or question's eyebrow and title. */
  head: string[];
  /** The rest of its strings, in the order drawn. */
  body: string[];
  /** False: drawn as one unbreakable piece, never across pages. */
  breaks: boolean;
  /** The block starts a new page (a portfolio project). */
  startsPage?: boolean;
  /** Texts a reader takes as one token and the layout keeps on one line: dates, a phone number, an email, a URL's host. */
  unbroken?: UnbrokenText[];
}

export interface UnbrokenText {
  /** For the message: `phone`, `date range of "Acme"`. */
  what: string;
  text: string;
  /** A URL: only its scheme and host are kept unbroken (render/breakPoints.ts). */
  url?: boolean;
}

/** The resume, as ResumeDocument draws it: with a sidebar, the profile and the sidebar's sections first; then the summary and the main sections. */
export function resumeOutline(model: ResumeModel, theme: Theme): DocumentOutline {
  const layout = sidebarOf(theme);
  const sidebar = new Set(layout?.sections ?? []);
  const column = (inSidebar: boolean) => (inSidebar ? 'sidebar' : 'main');
  const sectionBlocks = (section: ResumeModel['sections'][number], inSidebar: boolean): OutlineBlock[] => [
    { kind: 'section-title', label: section.title, column: column(inSidebar), head: [section.title], body: [], breaks: false },
    ...section.entries.map(
      (entry): OutlineBlock => ({
        kind: 'entry',
        label: `${section.title} › ${entry.title}`,
        id: entry.id,
        column: column(inSidebar),
        ...entryStrings(entry),
        // A sidebar's entries and a compact section's rows (skills, languages) are drawn whole.
        breaks: !inSidebar && !COMPACT_SECTIONS.includes(section.key),
        unbroken: [
          ...(entry.dates ? [{ what: `date range of "${entry.title}"`, text: entry.dates }] : []),
          ...(entry.url ? [{ what: `URL host of "${entry.title}"`, text: entry.url, url: true }] : []),
        ],
      }),
    ),
  ];
  const { person } = model;
  const profile: OutlineBlock = {
    kind: 'person',
    label: person.name,
    // A sidebar holds the profile, whichever sections it holds.
    column: column(layout !== undefined),
    head: [person.name, ...(person.headline ? [person.headline] : [])],
    body: person.contacts.map((c) => c.text),
    breaks: false,
    unbroken: person.contacts.flatMap((c): UnbrokenText[] => {
      if (c.kind === 'phone' || c.kind === 'email') return [{ what: c.kind, text: c.text }];
      if (c.kind === 'url' || c.kind === 'profile') return [{ what: 'URL host', text: c.text, url: true }];
      return [];
    }),
  };
  const summary: OutlineBlock[] = model.summary
    ? [
        { kind: 'section-title', label: model.labels.summary, column: 'main', head: [model.labels.summary], body: [], breaks: false },
        ...paragraphs(model.summary).map(
          (p): OutlineBlock => ({ kind: 'paragraph', label: model.labels.summary, column: 'main', head: [p], body: [], breaks: false }),
        ),
      ]
    : [];
  return {
    blocks: [
      profile,
      ...model.sections.filter((s) => sidebar.has(s.key)).flatMap((s) => sectionBlocks(s, true)),
      ...summary,
      ...model.sections.filter((s) => !sidebar.has(s.key)).flatMap((s) => sectionBlocks(s, false)),
    ],
    markers: ['•'],
    fullLastPage: true,
  };
}

/** An entry's strings as drawn (compose/resume/Entry.tsx), in order; the head is title, subtitle, dates and detail. */
function entryStrings(entry: EntryModel): { head: string[]; body: string[] } {
  return {
    head: [entry.title, entry.subtitle, entry.dates, entry.detail].filter((s): s is string => !!s),
    // Keywords are drawn joined by ` · `, which the read-back does not compare (it squashes spaces and dots away).
    body: [entry.summary, ...entry.highlights, entry.keywords.length > 0 ? entry.keywords.join('') : undefined, entry.url].filter((s): s is string => !!s),
  };
}

/** The portfolio: each project from a new page, opened by its eyebrow (`PROJECT 02`) and title; the cover and contents before them are not blocks. */
export function portfolioOutline(model: PortfolioModel): DocumentOutline {
  return {
    blocks: model.projects.map((project) => ({
      kind: 'project',
      label: project.title,
      id: project.id,
      column: 'main',
      head: [projectEyebrow(model.labels, project.number), project.title],
      body: [...(project.summary ? [project.summary] : []), ...project.facts.flatMap((f) => [f.label, f.value]), ...drawnTexts(project.body)],
      breaks: true,
      startsPage: true,
    })),
    markers: [...new Set(model.projects.flatMap((p) => listMarkersOf(p.body)))],
    fullLastPage: false,
  };
}

/** The answers: each question, opened by its eyebrow (`문항 1 / 3`) and the question, then its count and its answer line by line. */
export function answersOutline(model: AnswersModel): DocumentOutline {
  const { questions } = model.application;
  const label = ANSWERS_LABELS[model.lang].question;
  const lines = questions.map((q) => answerStructure(q.answer.text).flat());
  return {
    blocks: questions.map((q, i) => ({
      kind: 'question',
      label: `question ${q.number}`,
      id: q.id,
      column: 'main',
      head: [questionEyebrow(label, q.number, questions.length), ...q.question.split('\n')],
      body: [countLine(q, model.lang), ...lines[i]!.map((line) => `${line.marker ?? ''}${line.runs.map((r) => r.text).join('')}`)],
      breaks: true,
    })),
    markers: [...new Set(lines.flat().flatMap((line) => (line.marker ? [line.marker] : [])))],
    fullLastPage: false,
  };
}

/**
 * The facts of a resume an applicant-tracking system must find whole and in order (verify/atsView.ts): the name, the
 * email, phone and links, every section title, and every entry's title, organisation and dates, a sidebar's before the main column's.
 */
export function atsItems(model: ResumeModel, sidebarSections: readonly string[]): AtsItem[] {
  const items: AtsItem[] = [{ what: 'the name', text: model.person.name }];
  for (const contact of model.person.contacts) {
    if (contact.kind !== 'location')
      items.push({ what: `the ${contact.kind === 'url' || contact.kind === 'profile' ? 'link' : contact.kind}`, text: contact.text });
  }
  const summary = model.summary ? [{ title: model.labels.summary, entries: [] }] : [];
  const inSidebar = (key: string) => sidebarSections.includes(key);
  const sections = [...model.sections.filter((s) => inSidebar(s.key)), ...summary, ...model.sections.filter((s) => !inSidebar(s.key))];
  for (const section of sections) {
    items.push({ what: `the section title "${section.title}"`, text: section.title });
    for (const entry of section.entries) {
      const named = `"${entry.title}" (${section.title})`;
      items.push({ what: `the title of ${named}`, text: entry.title });
      if (entry.subtitle) items.push({ what: `the organisation of ${named}`, text: entry.subtitle });
      if (entry.dates) items.push({ what: `the dates of ${named}`, text: entry.dates });
    }
  }
  return items.filter((item) => item.text.trim() !== '');
}
