import crypto from 'node:crypto';
import type { ComposedDocument } from '../compose/composedDocument.js';
import type { Theme } from '../validate/schema/theme.js';
import { toolIdentity } from './documentInputs.js';

/**
 * The hash of what a composed document shows: the model and theme its element is drawn from,
 * its file name, its page budget (its warnings) and whether it is fitted to it, the text of its companion files, and the tool
 * that draws it. Two documents with the same hash render to the same bytes, so an edit that
 * changes no document's model (a comment, a highlight the portfolio does not show) re-renders
 * only the documents whose model it changes. Image bytes are in the model (as Buffers) and are
 * hashed by their content, never by their path.
 */
export function shownHash(
  doc: Pick<ComposedDocument, 'kind' | 'content' | 'pageBudget' | 'fit' | 'companions'>,
  theme: Theme,
  file: string,
  strict: boolean,
): string {
  // `fit` decides which tightened theme the document is laid out in: from the theme and the model, the same one every time.
  const shown = {
    tool: toolIdentity(),
    kind: doc.kind,
    file,
    strict,
    pageBudget: doc.pageBudget,
    fit: doc.fit === true,
    theme,
    content: doc.content,
    companions: doc.companions,
  };
  return crypto.createHash('sha256').update(canonicalJson(shown)).digest('hex');
}

/**
 * JSON of a model, with the values JSON would lose or blow up: Buffers as the hash of their
 * bytes, Maps and Sets as their entries, functions left out. Any other class instance is a model this function does
 * not know how to hash: a bug to fix here, never a silently stale document.
 */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, converted: unknown) {
    // JSON.stringify has already called toJSON (a Buffer's gives a byte array): look at the raw value.
    const raw = key === '' ? converted : this[key];
    if (raw instanceof Uint8Array) return `sha256:${crypto.createHash('sha256').update(raw).digest('hex')}`;
    if (raw instanceof Map) return { map: [...raw] };
    if (raw instanceof Set) return { set: [...raw] };
    if (raw instanceof Date) return raw.toISOString();
    // A function draws nothing by itself (the answers' source files carry a locate()); what it reads is data beside it.
    if (typeof raw === 'function') return undefined;
    if (
      raw !== null &&
      typeof raw === 'object' &&
      !Array.isArray(raw) &&
      Object.getPrototypeOf(raw) !== Object.prototype &&
      Object.getPrototypeOf(raw) !== null
    ) {
      throw new Error(`a document model holds a ${raw.constructor?.name ?? 'class'} instance at "${key}": it cannot be hashed for the build cache`);
    }
    return converted;
  });
}
