import * as z from 'zod';
import { applicationSchema } from './application.js';
import { id, langSchema, text } from './primitives.js';
import { sectionKeySchema } from './resume.js';
import { paperSchema } from './theme.js';
import { uploadSchema } from './upload.js';
import { EXPORT_FORMATS } from '../../export/formats.js';

/** Replacement fields for one entry (or highlight, via `text`), addressed by its id. */
const override = z.record(z.string(), text);

/**
 * One target role: `data/roles/<id>.yaml`. The file name is the role id. Everything but the
 * target is optional; an empty role builds the master resume with the role's name on it.
 */
export const roleSchema = z.strictObject({
  $schema: z.string().optional(),
  target: z.strictObject({
    company: text,
    position: text,
    country: z
      .string()
      .regex(/^[A-Za-z]{2}$/, { message: 'expected a two-letter country code (ISO 3166-1), e.g. US, KR, DE' })
      .optional()
      .describe('where the job is, as a two-letter code (US, KR…): an English role in the US or Canada prints on Letter'),
  }),
  lang: langSchema.optional(),
  theme: z.string().optional(),
  paper: paperSchema.optional().describe("this role's paper; default: Letter for an English role in the US or Canada, else the theme's page.size"),
  headline: text.optional(),
  summary: text.optional(),
  focus: z
    .strictObject({
      /** Tags this role cares about, most important first; they rank entries and highlights. */
      tags: z.array(z.string().min(1)).default([]),
      /** `rank` only reorders; `filter` also drops tagged entries and highlights that match no focus tag. */
      mode: z.enum(['rank', 'filter']).default('rank'),
      /** Sections whose entries are reordered by relevance (work stays chronological unless listed). */
      rankSections: z.array(sectionKeySchema).default(['projects', 'skills']),
    })
    .optional(),
  sections: z.array(sectionKeySchema).optional().describe('which sections to show, in this order'),
  include: z.array(id).optional().describe('ids kept even when the focus filter would drop them'),
  exclude: z.array(id).optional().describe('ids of entries or highlights to leave out'),
  order: z.partialRecord(sectionKeySchema, z.array(id)).optional().describe('per section, ids to put first, in this order'),
  overrides: z.record(id, override).optional().describe('per id, fields to replace (a highlight takes `text`)'),
  limits: z
    .strictObject({
      highlights: z.int().positive().optional().describe('highlights per entry at most'),
      entries: z.partialRecord(sectionKeySchema, z.int().positive()).optional().describe('entries per section at most'),
    })
    .optional(),
  formats: z.array(z.enum(EXPORT_FORMATS)).optional().describe('text formats built beside the resume PDF: jsonresume, markdown, text'),
  pages: z
    .strictObject({
      resume: z.int().positive().optional(),
      /** Tighten the theme, within its `minimums`, until the resume fits its budget and leaves no short last page (see fit/). */
      fit: z.boolean().optional().describe("tighten the layout within the theme's minimums until the document fits its budget"),
    })
    .optional()
    .describe('page budget per document'),
  portfolio: z
    .strictObject({
      projects: z.array(z.string().min(1)).optional().describe('project page ids (data/projects/<id>.md), first in this order'),
      tags: z.array(z.string().min(1)).optional().describe('then every other page with one of these tags, in page order'),
    })
    .optional()
    .describe('which portfolio pages this role shows; absent: every page meant for the role'),
  application: applicationSchema.optional().describe('the application form: questions with limits and the answers (자기소개서)'),
  posting: z
    .string()
    .min(1)
    .optional()
    .describe('the job posting (채용공고): a .txt or .md file in the data folder (postings/kream-de.txt), or the text itself'),
  blind: z
    .boolean()
    .optional()
    .describe('블라인드 채용: no photo, birth date, school names, hometown or family in any document, and a warning where the text names them'),
  upload: uploadSchema.optional().describe("the application form's file rules: the largest file it takes and the file names it asks for"),
});

export type Role = z.infer<typeof roleSchema>;
