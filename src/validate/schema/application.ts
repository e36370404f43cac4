import * as z from 'zod';
import { COUNTING_UNITS, NEWLINE_MODES } from '../countCharacters.js';
import type { DataPath } from '../../load/parseYaml.js';
import { id } from './primitives.js';

/**
 * `{{name}}` in a shared block marks the words that differ between roles; each reference fills
 * them with its `with:` values. Global flag: use with matchAll/replace only.
 */
export const SLOT_PATTERN = /\{\{\s*([a-z0-9][a-z0-9_-]*)\s*\}\}/gi;

/** `**bold**` within a line: bold in the PDF, plain words in the form. Global flag: matchAll/replace only. */
export const BOLD_PATTERN = /\*\*(?=\S)([^\n]*?\S)\*\*/g;

/** A shared paragraph, used by id: `{ block: eta-lead, with: { contribution: 80% } }`. */
export const blockReference = z.strictObject({
  block: id.describe('id of a block in data/answers/*.yaml'),
  with: z
    .record(id, z.union([z.string(), z.number().transform(String)]))
    .optional()
    .describe('values for the {{slots}} of the block'),
});
export type BlockReference = z.infer<typeof blockReference>;

/**
 * Text as the form receives it: written here, taken from a shared block, or a list of those
 * joined as paragraphs (a blank line between them). Inside, a blank line starts a paragraph,
 * lines starting with `- ` or `1. ` are list items and `**bold**` is bold in the PDF (the
 * asterisks are dropped from the paste-ready text).
 */
export const composedText = z.union([z.string().min(1), blockReference, z.array(z.union([z.string().min(1), blockReference])).min(1)], {
  error: 'expected text, a shared block {block: id}, or a list of them',
});
export type ComposedText = z.infer<typeof composedText>;

const countingUnit = z
  .enum(COUNTING_UNITS)
  .describe('how the site counts: with-spaces (공백 포함, default), without-spaces (공백 제외), utf8-bytes, cp949-bytes (EUC-KR, Hangul = 2 bytes)');
const newlineMode = z.enum(NEWLINE_MODES).describe('a line break counts 1 (lf, default) or 2 (crlf, sites that count what the browser submits)');

const questionSchema = z.strictObject({
  id: id.describe('a short handle for the question, e.g. intro'),
  question: composedText.describe('the question as the form asks it'),
  limit: z.int().positive().describe('the most the form accepts, under the counting rule'),
  count: countingUnit.optional(),
  newline: newlineMode.optional(),
  answer: composedText,
});

/** A role's application form: the questions it asks and this person's answers. */
export const applicationSchema = z.strictObject({
  company: z.string().optional().describe("default: the role's target.company"),
  position: z.string().optional().describe("default: the role's target.position"),
  count: countingUnit.optional().describe('counting rule for every question that gives none'),
  newline: newlineMode.optional(),
  questions: z.array(questionSchema).min(1),
});
export type Application = z.infer<typeof applicationSchema>;

/** `data/answers/*.yaml`: paragraphs written once and used by several roles' answers. */
export const answerBlocksSchema = z.strictObject({
  $schema: z.string().optional(),
  blocks: z.record(id, z.string().min(1)).describe('block id → text; {{slot}} marks words each role fills in'),
});

/** The parts of a composed text with their data paths (relative to the composed value's path). */
export function composedParts(value: ComposedText, at: DataPath): { part: string | BlockReference; path: DataPath }[] {
  return Array.isArray(value) ? value.map((part, i) => ({ part, path: [...at, i] })) : [{ part: value, path: at }];
}
