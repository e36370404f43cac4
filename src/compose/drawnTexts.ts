import { walkStrings } from '../core/walkStrings.js';

/**
 * Keys of the document models (tailor/model.ts, the portfolio's and the answers') whose strings
 * the components here never draw as text: handles, links, paths, settings, the answers' form
 * copy and counts. Kept beside the components that decide what is drawn, so that verify reads the
 * PDF back against what the document says it drew, knowing no model (see ComposedDocument.drawn).
 */
const NOT_DRAWN = new Set([
  'lang',
  'roleId',
  'id',
  'anchor',
  'file',
  'href',
  'url',
  'image',
  'images',
  'cover',
  'meta',
  'labels',
  'key',
  'kind',
  'type',
  'align',
  'identifier',
  'label',
  'alt',
  'tags',
  'pieces',
  'formText',
  'rule',
  'counts',
  'at',
  'position',
]);

/** Every text a document model puts on its pages, in the model's order (`**bold**` marks as written). */
export function drawnTexts(model: unknown): string[] {
  const texts: string[] = [];
  walkStrings(model, (_path, value) => texts.push(value), NOT_DRAWN);
  return texts;
}
