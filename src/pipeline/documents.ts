import { createElement, type ReactElement } from 'react';
import { PortfolioDocument } from '../compose/portfolio/PortfolioDocument.js';
import { ResumeDocument } from '../compose/resume/ResumeDocument.js';
import { renderPdf } from '../render/renderPdf.js';
import type { Decision } from '../tailor/model.js';
import { tailorPortfolio } from '../tailor/tailorPortfolio.js';
import { tailorResume } from '../tailor/tailorResume.js';
import type { Lang } from '../validate/schema/primitives.js';
import type { Resume } from '../validate/schema/resume.js';
import type { Role } from '../validate/schema/role.js';
import type { Theme } from '../validate/schema/theme.js';
import type { ProjectPage } from '../validate/validateProjects.js';
import type { DocumentKind } from '../write/manifest.js';

/** Everything a document needs to be made for one role. */
export interface RoleContext {
  roleId: string;
  resume: Resume;
  role?: Role;
  lang?: Lang;
  theme: Theme;
  dataDir: string;
  creationDate: Date;
  /** The validated portfolio pages (data/projects/*.md); none: no portfolio. */
  projects?: readonly ProjectPage[];
}

/** A composed document, ready to render. */
export interface ComposedDocument {
  kind: DocumentKind;
  element: ReactElement;
  /** The strings drawn, for verification (placeholders, text that must be extractable). */
  content: unknown;
  /** Parts of the file name. */
  naming: { name: string; company?: string; position?: string };
  pageBudget?: number;
  decisions: Decision[];
}

/** One entry per document kind; a kind that has nothing to show for a role returns undefined. */
export type DocumentMaker = (ctx: RoleContext) => ComposedDocument | undefined | Promise<ComposedDocument | undefined>;

export const makeResume = (ctx: RoleContext): ComposedDocument => {
  const { model, decisions } = tailorResume(ctx.resume, ctx.role, { roleId: ctx.roleId, lang: ctx.lang, dataDir: ctx.dataDir, creationDate: ctx.creationDate });
  return {
    kind: 'resume',
    element: createElement(ResumeDocument, { model, theme: ctx.theme }),
    content: model,
    naming: { name: model.person.name, company: model.target?.company, position: model.target?.position },
    pageBudget: ctx.role?.pages?.resume,
    decisions,
  };
};

/**
 * The portfolio. Its table of contents shows the page each project starts on, which React-PDF
 * knows only after layout: a first layout records the pages (see PortfolioDocument's
 * onProjectStart), and the document returned carries them. Only the digits of the contents
 * change between the two, in a fixed-width column, so the second layout puts every project on
 * the same page (the portfolio tests check the numbers against the PDF).
 */
export const makePortfolio: DocumentMaker = async (ctx) => {
  if (!ctx.projects || ctx.projects.length === 0) return undefined;
  const resume = tailorResume(ctx.resume, ctx.role, { roleId: ctx.roleId, lang: ctx.lang, dataDir: ctx.dataDir, creationDate: ctx.creationDate }).model;
  const { model, decisions } = tailorPortfolio(ctx.projects, ctx.role, resume);
  if (model.projects.length === 0) return undefined;
  const startPages = new Map<string, number>();
  await renderPdf(createElement(PortfolioDocument, { model, theme: ctx.theme, onProjectStart: (anchor, page) => startPages.set(anchor, page) }));
  return {
    kind: 'portfolio',
    element: createElement(PortfolioDocument, { model, theme: ctx.theme, startPages }),
    content: model,
    naming: { name: model.person.name, company: model.target?.company, position: model.target?.position },
    decisions,
  };
};

/** The documents built for every role, in order. */
export const DOCUMENT_MAKERS: DocumentMaker[] = [makeResume, makePortfolio];
