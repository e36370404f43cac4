import { createElement, type ReactElement } from 'react';
import { ResumeDocument } from '../compose/resume/ResumeDocument.js';
import type { Decision } from '../tailor/model.js';
import { tailorResume } from '../tailor/tailorResume.js';
import type { Lang } from '../validate/schema/primitives.js';
import type { Resume } from '../validate/schema/resume.js';
import type { Role } from '../validate/schema/role.js';
import type { Theme } from '../validate/schema/theme.js';
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
export type DocumentMaker = (ctx: RoleContext) => ComposedDocument | undefined;

export const makeResume: DocumentMaker = (ctx) => {
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

/** The documents built for every role, in order. */
export const DOCUMENT_MAKERS: DocumentMaker[] = [makeResume];
