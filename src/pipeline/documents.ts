import { createElement } from 'react';
import type { ComposedDocument } from '../compose/composedDocument.js';
import { AnswersDocument } from '../compose/answers/AnswersDocument.js';
import { answersText } from '../compose/answers/answersText.js';
import { countSummary, countVerdict } from '../compose/answers/countLabel.js';
import { PortfolioDocument } from '../compose/portfolio/PortfolioDocument.js';
import { TocPageNumbers } from '../compose/portfolio/TocPageNumbers.js';
import { ResumeDocument } from '../compose/resume/ResumeDocument.js';
import { drawnTexts } from '../compose/drawnTexts.js';
import { answersOutline, atsItems, portfolioOutline, resumeOutline } from '../compose/documentOutline.js';
import type { YamlSource } from '../load/parseYaml.js';
import { documentLanguage } from '../tailor/documentLanguage.js';
import { DOCUMENT_NAMES, localize } from '../tailor/i18n.js';
import { applicationTarget, type ResolvedApplication } from '../tailor/resolveAnswers.js';
import { tailorPortfolio } from '../tailor/tailorPortfolio.js';
import { drawableText } from '../tailor/drawableText.js';
import { tailorResume } from '../tailor/tailorResume.js';
import type { Photo } from '../validate/checkPhoto.js';
import type { Lang } from '../validate/schema/primitives.js';
import type { Resume } from '../validate/schema/resume.js';
import type { Role } from '../validate/schema/role.js';
import { sidebarOf, type Theme } from '../validate/schema/theme.js';
import type { ProjectPage } from '../validate/validateProjects.js';
import type { DocumentKind } from '../write/manifest.js';
import { exportResume, type ExportedResume } from '../export/exportResume.js';
import { EXPORT_EXTENSIONS, EXPORT_FORMATS, type ExportFormat } from '../export/formats.js';

/** Everything a document needs to be made for one role. */
export interface RoleContext {
  roleId: string;
  resume: Resume;
  role?: Role;
  lang?: Lang;
  theme: Theme;
  /** The resume's photo, checked; none: no photo. */
  photo?: Photo;
  creationDate: Date;
  /** The validated portfolio pages (data/projects/*.md); none: no portfolio. */
  projects?: readonly ProjectPage[];
  /** The role's application answers, resolved and counted; none: no answers documents. */
  application?: ResolvedApplication;
  /** `--fit`: every document with a page budget is fitted, whatever the role file says. */
  fit?: boolean;
  /** The files the resume and the role were read from, to locate what is wrong with the whole (a resume too long). */
  sources?: { resume?: YamlSource; role?: YamlSource };
  /** Text formats of the resume asked for on the command line (`build --format`), besides the role's `formats:`. */
  formats?: readonly ExportFormat[];
}

/** One entry per document kind; a kind that has nothing to show for a role returns undefined. */
export type DocumentMaker = (ctx: RoleContext) => ComposedDocument | undefined;

type TailoredResume = ReturnType<typeof tailorResume>;
const tailoredResumes = new WeakMap<RoleContext, TailoredResume>();

/**
 * The role's tailored resume, made once per context: the resume document draws it, the
 * portfolio's cover and contact use it, and the pipeline validates its length before either is composed.
 */
export function tailoredResume(ctx: RoleContext): TailoredResume {
  let tailored = tailoredResumes.get(ctx);
  if (!tailored) {
    tailored = tailorResume(ctx.resume, ctx.role, { roleId: ctx.roleId, lang: ctx.lang, photo: ctx.photo, creationDate: ctx.creationDate });
    tailoredResumes.set(ctx, tailored);
  }
  return tailored;
}

/** The role's tailored resume in text formats, written from the very model its PDF draws (see export/exportResume.ts). */
export const resumeExports = (ctx: RoleContext, formats: readonly ExportFormat[]): ExportedResume[] => {
  const tailored = tailoredResume(ctx);
  return formats.map((format) => exportResume(format, ctx.resume, tailored));
};

/** The formats a build writes beside a role's resume PDF: `--format`'s and the role's `formats:`, in a fixed order. */
const formatsOf = (ctx: RoleContext): ExportFormat[] => EXPORT_FORMATS.filter((f) => ctx.formats?.includes(f) || ctx.role?.formats?.includes(f));

/**
 * A document's file-name words, from the model as tailored, not as drawn: the drawn copy leaves out
 * what no font has (an emoji), and the answers, named from the data, keep it; one role's files share a name.
 */
const namingOf = (model: { person: { name: string }; target?: { company?: string; position?: string }; lang: Lang }) => ({
  name: model.person.name,
  company: model.target?.company,
  position: model.target?.position,
  lang: model.lang,
});

export const makeResume = (ctx: RoleContext): ComposedDocument => {
  const tailored = tailoredResume(ctx);
  const { decisions } = tailored;
  const model = drawableText(tailored.model, ctx.theme);
  const exports = formatsOf(ctx).map((format) => exportResume(format, ctx.resume, tailored));
  return {
    kind: 'resume',
    element: createElement(ResumeDocument, { model, theme: ctx.theme }),
    content: model,
    drawn: drawnTexts(model),
    outline: resumeOutline(model, ctx.theme),
    naming: namingOf(tailored.model),
    pageBudget: ctx.role?.pages?.resume,
    fit: ctx.fit === true || ctx.role?.pages?.fit === true,
    decisions,
    ats: atsItems(model, sidebarOf(ctx.theme)?.sections ?? []),
    companions: exports.map((e) => ({ kind: `resume-${e.format}` as const, ext: EXPORT_EXTENSIONS[e.format], content: e.content })),
    notes: exports.flatMap((e) => e.notes.map((note) => `${e.format}: ${note}`)),
  };
};

/**
 * The portfolio. Its table of contents shows the page each project starts on, known only during
 * layout (see TocPageNumbers): the document is settled once the contents printed the real numbers.
 */
export const makePortfolio: DocumentMaker = (ctx) => {
  if (!ctx.projects || ctx.projects.length === 0) return undefined;
  const resume = tailoredResume(ctx).model;
  const tailored = tailorPortfolio(ctx.projects, ctx.role, resume);
  const { decisions } = tailored;
  const model = drawableText(tailored.model, ctx.theme);
  if (model.projects.length === 0) return undefined;
  const pageNumbers = new TocPageNumbers();
  return {
    kind: 'portfolio',
    element: createElement(PortfolioDocument, { model, theme: ctx.theme, pageNumbers }),
    settled: () => pageNumbers.printedAreReal(),
    content: model,
    fit: ctx.fit === true || ctx.role?.pages?.fit === true,
    drawn: drawnTexts(model),
    outline: portfolioOutline(model),
    naming: namingOf(tailored.model),
    decisions,
  };
};

/** The application answers: a PDF to read or attach, and the exact text to paste into the form. */
export const makeAnswers: DocumentMaker = (ctx) => {
  if (!ctx.application) return undefined;
  const lang = documentLanguage(ctx.resume, ctx.role, ctx.lang).lang;
  // The answers were resolved in the role's language; --lang may ask for another.
  const application = ctx.role ? { ...ctx.application, ...applicationTarget(ctx.role, lang) } : ctx.application;
  const name = localize(ctx.resume.basics?.name, lang) ?? '';
  const documentName = DOCUMENT_NAMES.answers[lang];
  const meta = {
    title: [name, application.position, documentName].filter(Boolean).join(' — '),
    author: name,
    subject: `${application.company} ${application.position}`.trim(),
    keywords: [application.company, application.position].filter(Boolean),
    language: lang === 'ko' ? 'ko-KR' : 'en-US',
    creationDate: ctx.creationDate,
  };
  // The PDF leaves out what no font draws (emoji); the paste-ready text keeps every character.
  const model = drawableText({ lang, name, application, meta }, ctx.theme);
  return {
    kind: 'answers',
    element: createElement(AnswersDocument, { model, theme: ctx.theme }),
    content: model,
    drawn: drawnTexts(model),
    outline: answersOutline(model),
    naming: { name, company: application.company, position: application.position, lang },
    decisions: [],
    companions: [{ kind: 'answers-text', ext: 'txt', content: answersText(application, name, lang) }],
    notes: application.questions.map(
      (q) => `Q${q.number} ${q.id.padEnd(14)} ${countSummary(q, lang)}  ${countVerdict(q, lang)}${q.count > q.limit ? '  ⚠ OVER THE LIMIT' : ''}`,
    ),
  };
};

/** The documents built for every role, in order, by the kind of their main file. */
export const DOCUMENT_MAKERS = { resume: makeResume, portfolio: makePortfolio, answers: makeAnswers } satisfies Partial<Record<DocumentKind, DocumentMaker>>;

export type MainKind = keyof typeof DOCUMENT_MAKERS;
export const MAIN_KINDS = Object.keys(DOCUMENT_MAKERS) as MainKind[];
