import { localize } from '../tailor/i18n.js';
import type { ChosenSection, ResumeModel } from '../tailor/model.js';
import { PLACEHOLDER_PATTERN, type Lang } from '../validate/schema/primitives.js';
import type { Resume, SectionKey } from '../validate/schema/resume.js';

/** The schema a JSON Resume export names and validates against (tests: test/fixtures/json-resume-schema-v1.0.0.json). */
export const JSON_RESUME_SCHEMA_URL = 'https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json';

/** Fields JSON Resume checks the format of (an email, a URI, an ISO date): a `[TODO: …]` there would make the document invalid. */
const FORMATTED = new Set(['email', 'url', 'canonical', 'startDate', 'endDate', 'date', 'releaseDate']);

/** careerpdf's own sections: JSON Resume's top level takes no other key, so they go under `meta.careerpdf`. */
const EXTENSION_SECTIONS: readonly SectionKey[] = ['military'];

export interface JsonResumeExport {
  document: Record<string, unknown>;
  /** What had to be left out or changed to make a valid JSON Resume, in the user's words. */
  notes: string[];
}

/**
 * The role's tailored resume as a JSON Resume v1.0.0 document: the entries the PDF shows, in its
 * order, with the role's overrides and tailored highlights, every text in the model's language.
 * Entries keep their `id` (JSON Resume allows more keys on an entry), `tags` are dropped (they
 * only steer tailoring), and careerpdf's extra sections (병역) are kept under `meta.careerpdf`.
 */
export function toJsonResume(resume: Resume, model: ResumeModel, chosen: readonly ChosenSection[]): JsonResumeExport {
  const notes: string[] = [];
  const lang = model.lang;
  const plain = (value: unknown, path: string) => plainValue(value, path, lang, notes);
  const basics = resume.basics ?? {};
  const document: Record<string, unknown> = { $schema: JSON_RESUME_SCHEMA_URL };
  const exportedBasics = plain(
    {
      ...basics,
      name: model.person.name || undefined,
      label: model.person.headline,
      summary: model.summary,
      // A photo is a file of the data folder; JSON Resume wants a URL to it.
      image: basics.image && /^https?:\/\//.test(basics.image) ? basics.image : undefined,
    },
    'basics',
  );
  if (basics.image && exportedBasics && !(exportedBasics as Record<string, unknown>).image)
    notes.push(`basics.image "${basics.image}" is a local file, not a URL: left out`);
  if (exportedBasics) document.basics = exportedBasics;
  const extensions: Record<string, unknown> = {};
  for (const section of chosen) {
    const entries = section.entries.map(({ entry, highlights }, i) => {
      const { tags: _tags, ...fields } = entry as Record<string, unknown>;
      const out = (plain('highlights' in fields ? { ...fields, highlights } : fields, `${section.key}[${i}]`) ?? {}) as Record<string, unknown>;
      // JSON Resume v1.0.0 takes a certificate's date as a full date (`format: date`) only.
      if (section.key === 'certificates' && typeof out.date === 'string') out.date = fullDate(out.date);
      return out;
    });
    if (EXTENSION_SECTIONS.includes(section.key)) extensions[section.key] = entries;
    else document[section.key] = entries;
  }
  const meta = (plain(resume.meta, 'meta') ?? {}) as Record<string, unknown>;
  document.meta = { ...meta, version: 'v1.0.0', careerpdf: { role: model.roleId, lang, ...extensions } };
  return { document, notes };
}

/**
 * A value of the data as plain JSON in one language: `{ko, en}` texts localized, empty values
 * and placeholders in formatted fields left out (each noted), key order kept.
 */
function plainValue(value: unknown, path: string, lang: Lang, notes: string[]): unknown {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') {
    const key = path.slice(path.lastIndexOf('.') + 1);
    if (FORMATTED.has(key) && PLACEHOLDER_PATTERN.test(value)) {
      notes.push(`${path} is a placeholder ("${value}"): left out`);
      return undefined;
    }
    return value;
  }
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const items = value.map((item, i) => plainValue(item, `${path}[${i}]`, lang, notes)).filter((item) => item !== undefined);
    return items;
  }
  if (isLocalized(value)) return plainValue(localize(value, lang), path, lang, notes);
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const converted = plainValue(child, `${path}.${key}`, lang, notes);
    if (converted !== undefined && !(typeof converted === 'object' && converted !== null && !Array.isArray(converted) && Object.keys(converted).length === 0))
      out[key] = converted;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

const isLocalized = (value: object): value is { ko?: string; en?: string } => {
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => k === 'ko' || k === 'en');
};

/** `2021` → `2021-01-01`, `2021-03` → `2021-03-01`: the first day of the period given. */
const fullDate = (date: string): string => (/^\d{4}$/.test(date) ? `${date}-01-01` : /^\d{4}-\d{2}$/.test(date) ? `${date}-01` : date);
