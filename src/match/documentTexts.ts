import type { SourceLocation } from '../core/problems.js';
import { walkStrings } from '../core/walkStrings.js';
import type { DataPath, YamlSource } from '../load/parseYaml.js';
import { localize } from '../tailor/i18n.js';
import type { Decision, EntryModel, ResumeModel } from '../tailor/model.js';
import type { ResolvedApplication } from '../tailor/resolveAnswers.js';
import { type PortfolioModel, tailorPortfolio } from '../tailor/tailorPortfolio.js';
import { tailorResume } from '../tailor/tailorResume.js';
import type { Role } from '../validate/schema/role.js';
import { type AnyEntry, entryLabel, toEntryModel } from '../tailor/toEntryModel.js';
import { markdownTexts, sourcedText, yamlTexts } from '../validate/claimTexts.js';
import type { Lang } from '../validate/schema/primitives.js';
import { type Resume, SECTION_KEYS, type SectionKey } from '../validate/schema/resume.js';
import type { ProjectPage } from '../validate/validateProjects.js';

export type DocumentKind = 'resume' | 'portfolio' | 'answers';

/** A text one of the role's documents shows, and where each of its characters was written. */
export interface DocumentText {
  document: DocumentKind;
  /** How the user knows it: `yogiyo › log-governance`, `Q2 design`, `ilogyo:12`. */
  label: string;
  text: string;
  locate(offset: number, length: number): SourceLocation;
}

/** A text of the master data that the role's documents leave out, and the tailoring rule that left it out. */
export interface LeftOutText extends DocumentText {
  droppedBy: string;
}

export interface RoleTexts {
  shown: DocumentText[];
  leftOut: LeftOutText[];
}

export interface RoleDocuments {
  resume: Resume;
  resumeSource: YamlSource;
  roleSource?: YamlSource;
  /** The tailored resume and the decisions that made it (tailorResume). */
  tailored: { model: ResumeModel; decisions: Decision[] };
  /** The tailored portfolio (tailorPortfolio) and every page it chose from. */
  portfolio?: { model: PortfolioModel; decisions: Decision[]; pages: readonly ProjectPage[] };
  application?: ResolvedApplication;
}

/** What the role's documents are made of, before tailoring. */
export interface RoleInputs {
  roleId: string;
  resume: Resume;
  resumeSource: YamlSource;
  role?: Role;
  roleSource?: YamlSource;
  projects: readonly ProjectPage[];
  application?: ResolvedApplication;
  lang?: Lang;
}

/** The role's documents tailored as a build tailors them (models only: nothing composed), and their texts. */
export function tailoredTexts(input: RoleInputs): RoleTexts {
  const tailored = tailorResume(input.resume, input.role, { roleId: input.roleId, lang: input.lang, creationDate: new Date(0) });
  const portfolio = input.projects.length > 0 ? { ...tailorPortfolio(input.projects, input.role, tailored.model), pages: input.projects } : undefined;
  return roleTexts({
    resume: input.resume,
    resumeSource: input.resumeSource,
    roleSource: input.roleSource,
    tailored,
    portfolio,
    application: input.application,
  });
}

/** Keys whose strings no document prints as text: handles, tags, links, dates and contacts. */
const NOT_TEXT = new Set(['id', 'tags', 'url', 'image', 'startDate', 'endDate', 'date', 'releaseDate', '$schema', 'meta', 'email', 'phone', 'profiles']);

/**
 * What the role's documents show — the tailored resume's entries, the chosen portfolio pages, the
 * resolved answers — each text with its source position, and what the master data has that they
 * do not, each with the decision that left it out (the tailor's record: exclude, focus filter,
 * limits, sections, portfolio picks, overrides). Pure.
 */
export function roleTexts(docs: RoleDocuments): RoleTexts {
  const shown: DocumentText[] = [];
  const leftOut: LeftOutText[] = [];
  resumeTexts(docs, shown, leftOut);
  if (docs.portfolio) portfolioTexts(docs.portfolio, shown, leftOut);
  for (const q of docs.application?.questions ?? []) shown.push({ ...sourcedText(`Q${q.number} ${q.id}`, undefined, q.answer), document: 'answers' });
  return { shown, leftOut };
}

function resumeTexts(docs: RoleDocuments, shown: DocumentText[], leftOut: LeftOutText[]): void {
  const { model, decisions } = docs.tailored;
  const lang = model.lang;
  const resume = docs.resume;
  // The role's own words (headline, summary, overrides) are shown where the model has them.
  if (docs.roleSource) {
    for (const text of yamlTexts(docs.roleSource, '', { skip: ROLE_NOT_SHOWN })) {
      if (modelStrings(model).some((s) => s.includes(text.text))) shown.push({ ...text, document: 'resume', label: `role › ${text.label.trim()}` });
    }
  }
  walkStrings(
    docs.resumeSource.data,
    (path, value) => {
      if (value.trim() === '') return;
      const text = { text: value, locate: (offset: number, length: number) => locateString(docs.resumeSource, path, value, offset, length) };
      const section = String(path[0]);
      if (section === 'basics') {
        const shownAs = path[1] === 'label' ? model.person.headline : path[1] === 'summary' ? model.summary : undefined;
        if (path[1] !== 'label' && path[1] !== 'summary') return;
        if (shownAs === value.trim() || shownAs?.includes(value.trim())) shown.push({ ...text, document: 'resume', label: `basics › ${path[1]}` });
        else
          leftOut.push({
            ...text,
            document: 'resume',
            label: `basics › ${path[1]}`,
            droppedBy: `the role writes its own ${path[1] === 'label' ? 'headline' : 'summary'}`,
          });
        return;
      }
      if (!(SECTION_KEYS as readonly string[]).includes(section) || typeof path[1] !== 'number') return;
      const key = section as SectionKey;
      const raw = (resume[key] ?? [])[path[1]] as AnyEntry | undefined;
      if (!raw) return;
      const label = labelOf(key, raw, path);
      const entry = model.sections.find((s) => s.key === key)?.entries.find((e) => sameEntry(e, key, raw));
      if (entry && entryStrings(entry).some((s) => s === value.trim() || s.includes(value.trim()))) {
        shown.push({ ...text, document: 'resume', label });
        return;
      }
      leftOut.push({ ...text, document: 'resume', label, droppedBy: otherLanguage(path, lang) ?? whyLeftOut(decisions, path) });
    },
    NOT_TEXT,
  );
}

/** The role file's keys that are settings, not text a document prints. */
const ROLE_NOT_SHOWN = [
  'target',
  'focus',
  'sections',
  'include',
  'exclude',
  'order',
  'limits',
  'pages',
  'portfolio',
  'application',
  'posting',
  'upload',
  'theme',
  'lang',
];

/** Where `length` characters at `offset` of the string at `path` were written. */
function locateString(source: YamlSource, path: DataPath, value: string, offset: number, length: number): SourceLocation {
  return sourcedText('', undefined, { text: value, pieces: [{ start: 0, end: value.length, origin: { source, path, value, offset: 0 } }] }).locate(
    offset,
    length,
  );
}

/** Every string a tailored entry prints. */
const entryStrings = (e: EntryModel): string[] =>
  [e.title, e.subtitle, e.detail, e.summary, ...e.highlights, ...e.keywords].filter((s): s is string => Boolean(s));

const modelStrings = (model: ResumeModel): string[] => [
  ...(model.person.headline ? [model.person.headline] : []),
  ...(model.summary ? [model.summary] : []),
  ...model.sections.flatMap((s) => s.entries.flatMap(entryStrings)),
];

const sameEntry = (e: EntryModel, key: SectionKey, raw: AnyEntry): boolean =>
  raw.id ? e.id === raw.id : !e.id && e.title === toEntryModel(key, raw, 'ko', []).title;

/** `yogiyo › log-governance`, `yogiyo › highlight 3`, `yogiyo › summary`: the tailor's names for an entry and its parts. */
function labelOf(key: SectionKey, raw: AnyEntry, path: DataPath): string {
  const owner = entryLabel(key, raw);
  if (path[2] === 'highlights' && typeof path[3] === 'number') {
    const h = (raw as { highlights?: unknown[] }).highlights?.[path[3]];
    const id = typeof h === 'object' && h !== null ? (h as { id?: string }).id : undefined;
    return `${owner} › ${id ?? `highlight ${path[3] + 1}`}`;
  }
  return path.length > 2 ? `${owner} › ${String(path[2])}` : owner;
}

/** Why a text written per language is not shown: it is the other language's. */
function otherLanguage(path: DataPath, lang: Lang): string | undefined {
  const last = path.at(-1);
  if ((last !== 'ko' && last !== 'en') || last === lang) return undefined;
  return `written in ${last}; the role's documents are in ${lang}`;
}

/**
 * The tailoring decision that left out the text at `path`: the one about the nearest enclosing
 * highlight, entry or section (longest path prefix). An entry kept with a field the role
 * overrides shows the override instead.
 */
export function whyLeftOut(decisions: readonly Decision[], path: DataPath): string {
  const about = decisions
    .filter((d) => d.path && d.action !== 'moved' && d.path.length <= path.length && d.path.every((part, i) => path[i] === part))
    .sort((a, b) => b.path!.length - a.path!.length);
  const decision = about.find((d) => d.action !== 'overridden') ?? about[0];
  if (!decision) return 'not printed in the tailored resume';
  return `${decision.subject}: ${decision.action} — ${decision.reason}`;
}

function portfolioTexts(portfolio: NonNullable<RoleDocuments['portfolio']>, shown: DocumentText[], leftOut: LeftOutText[]): void {
  const chosen = new Set(portfolio.model.projects.map((p) => p.id));
  for (const page of portfolio.pages) {
    const texts: DocumentText[] = [
      ...frontMatterTexts(page, portfolio.model.projects.find((p) => p.id === page.id)?.title),
      ...markdownTexts(page.file, page.body, page.id).map((t) => ({ ...t, document: 'portfolio' as const })),
    ];
    if (chosen.has(page.id)) shown.push(...texts);
    else {
      const decision = portfolio.decisions.find((d) => d.subject === page.id && d.action === 'dropped');
      const droppedBy = decision ? `portfolio page ${page.id}: dropped — ${decision.reason}` : `portfolio page ${page.id}: not in the role's portfolio`;
      leftOut.push(...texts.map((t) => ({ ...t, droppedBy })));
    }
  }
}

/** The page's title, summary and stack: written in its front matter (located at the page's first line). */
function frontMatterTexts(page: ProjectPage, title: string | undefined): DocumentText[] {
  const at = (): SourceLocation => ({ file: page.file, line: 1, col: 1 });
  const texts = [title ?? localize(page.title, 'ko'), localize(page.facts.summary, 'ko'), page.facts.stack?.join(', ')].filter((s): s is string => Boolean(s));
  return texts.map((text) => ({ document: 'portfolio', label: `${page.id} front matter`, text, locate: at }));
}
