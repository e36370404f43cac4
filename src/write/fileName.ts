import { DOCUMENT_NAMES } from '../tailor/i18n.js';
import type { Lang } from '../validate/schema/primitives.js';
import { fillFileName, type Upload } from '../validate/schema/upload.js';
import { type DocumentKind, mainKindOf } from './manifest.js';

/** The longest file name ext4, APFS, NTFS and most others take, in bytes of UTF-8 (a Hangul syllable is 3). */
export const MAX_NAME_BYTES = 255;

/**
 * `신춘호-KREAM-데이터엔지니어-resume.pdf`: whose, which role, which document, readable in a
 * recruiter's downloads folder. The words come from the user's data (basics.name, the target),
 * so they go through safeFileName.
 */
export function documentFileName(parts: { name: string; company?: string; position?: string; kind: DocumentKind }, ext = 'pdf'): string {
  return safeFileName([parts.name, parts.company, parts.position], parts.kind, ext);
}

/**
 * The one place a file name is made from words of the user's data: the words joined with `-`,
 * then `-<last>.<ext>` (the kind, which tells the files of a folder apart). Never a path (no
 * separator, never `.`, `..` or a hidden name), never empty, never a name Windows reserves, and
 * cut to MAX_NAME_BYTES at a character boundary, always the same way for the same words: the
 * words are shortened, `last` and `ext` are kept whole.
 */
export function safeFileName(words: readonly (string | undefined)[], last: string, ext: string): string {
  const tail = `${clean(last) || 'file'}.${ext}`;
  const budget = MAX_NAME_BYTES - bytes(`-${tail}`);
  const joined = words
    .map((w) => (w ? clean(w) : ''))
    .filter(Boolean)
    .join('-')
    // A leading dot hides the file; a leading dash reads as an option on a command line.
    .replace(/^[.-]+/, '');
  let head = fitBytes(joined, budget);
  if (head && reserved(`${head}-${tail}`)) head = fitBytes(`_${head}`, budget);
  const name = head ? `${head}-${tail}` : tail;
  return reserved(name) ? `_${name}` : name;
}

/** A document's file name: as the role's form asks (upload.fileName: `{name}_{position}_{kind}`), else careerpdf's own. */
export function roleFileName(
  naming: { name: string; company?: string; position?: string; lang: Lang },
  kind: DocumentKind,
  ext: string,
  roleId: string,
  upload: Upload | undefined,
): string {
  if (!upload?.fileName) return documentFileName({ ...naming, kind }, ext);
  return templateFileName(upload.fileName, { ...naming, kind: DOCUMENT_NAMES[mainKindOf(kind)][naming.lang], role: roleId }, ext);
}

/**
 * The name a company's form asks for: `{name}_{position}_{kind}` (role's upload.fileName) with its
 * fields filled from the data, each word cleaned as in safeFileName, then `.<ext>`; cut to
 * MAX_NAME_BYTES the same way. A field with no value is left out with the separator before it.
 */
export function templateFileName(template: string, values: Parameters<typeof fillFileName>[1], ext: string): string {
  const cleaned = Object.fromEntries(Object.entries(values).map(([field, value]) => [field, value ? clean(value) : undefined]));
  // The kind is what tells a role's files apart: a name too long is cut before it, never through it (the three files got one name).
  const kind = cleaned.kind ?? '';
  const filled = fillFileName(template, { ...cleaned, kind: kind ? KIND_MARK : undefined })
    .replace(REJECTED, '')
    .replace(/^[.\s_-]+|[.\s_-]+$/g, '')
    .replace(/\s+/g, '_');
  const budget = MAX_NAME_BYTES - bytes(`.${ext}`);
  const at = filled.indexOf(KIND_MARK);
  const tail = at < 0 ? '' : fitBytes(filled.slice(at).replaceAll(KIND_MARK, kind), budget);
  const before = at < 0 ? filled : filled.slice(0, at);
  // The separator before the kind stays, however much of the words before it is cut.
  const separator = at > 0 ? (/[-_.]$/.exec(before)?.[0] ?? '') : '';
  const head = fitBytes(before.slice(0, before.length - separator.length), budget - bytes(tail) - bytes(separator));
  const name = `${(head ? head + separator : '') + tail || 'file'}.${ext}`;
  return reserved(name) ? `_${name}` : name;
}

/** Where the kind goes while the name is cut (a private-use character: no user's word holds it, REJECTED keeps it). */
const KIND_MARK = '\ue000';

/** Windows refuses CON, NUL, COM1… as the part of a name before its first dot (`CON.x-resume.pdf`). */
const reserved = (name: string): boolean => WINDOWS_RESERVED.test(name.split('.')[0]!);

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/**
 * Characters a file system or an upload form rejects, or that disguise a name: path separators
 * and Windows' reserved punctuation, control characters (C0, DEL, C1) and the bidirectional
 * overrides that make `exe.pdf` look like `fdp.exe`.
 */
const REJECTED = /[\\/:*?"<>|\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g;

const clean = (word: string): string =>
  word
    .normalize('NFC')
    .replace(/\[TODO[^\]]*\]/g, '')
    .replace(REJECTED, '')
    .trim()
    .replace(/\s+/g, '_');

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** `text` cut to at most `max` bytes between two characters (a grapheme: a base and its marks), without a dangling separator. */
function fitBytes(text: string, max: number): string {
  if (bytes(text) <= max) return text;
  let cut = '';
  for (const { segment } of graphemes.segment(text)) {
    if (bytes(cut + segment) > max) break;
    cut += segment;
  }
  return cut.replace(/[-_.\s]+$/, '');
}
