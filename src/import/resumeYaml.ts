import { Document, parseDocument } from 'yaml';
import { UserDataError } from '../core/problems.js';
import { parseYaml } from '../load/parseYaml.js';
import { localize } from '../tailor/i18n.js';
import type { Text } from '../validate/schema/primitives.js';
import { SECTION_KEYS, type Resume, type SectionKey } from '../validate/schema/resume.js';
import { IdPool } from './ids.js';

/** The order a written resume.yaml has its top-level keys in: the person, then the sections as a resume shows them. */
const KEY_ORDER = ['basics', ...SECTION_KEYS, 'meta'] as const;

/**
 * A resume as the text of a careerpdf resume.yaml, with `header` as the comment at its top (where
 * it came from, what to do next). Written with the `yaml` Document API: block style, long lines
 * kept whole, multi-line text as `|` blocks, Korean as it is (no escapes).
 */
export function resumeYaml(resume: Resume, header: readonly string[]): string {
  const ordered = Object.fromEntries(KEY_ORDER.filter((key) => resume[key] !== undefined).map((key) => [key, resume[key]]));
  const doc = new Document(ordered);
  doc.commentBefore = header.map((line) => ` ${line}`).join('\n');
  return doc.toString({ lineWidth: 0 });
}

/** The fields that name an entry of each section: an imported entry with the same name as one there is the same entry. */
const NAME_FIELDS: Record<SectionKey, readonly string[]> = {
  work: ['name', 'position'],
  volunteer: ['organization', 'position'],
  education: ['institution', 'studyType'],
  awards: ['title'],
  certificates: ['name'],
  publications: ['name'],
  skills: ['name'],
  languages: ['language'],
  interests: ['name'],
  references: ['name'],
  projects: ['name'],
  military: ['branch', 'status'],
};

const nameOf = (key: SectionKey, entry: Record<string, unknown>, lang: 'ko' | 'en'): string =>
  NAME_FIELDS[key]
    .map((field) => localize(entry[field] as Text | undefined, lang) ?? '')
    .join(' ')
    .trim()
    .toLowerCase();

/**
 * `import --merge`: what `imported` has and the existing resume.yaml lacks, added to it — basics
 * fields it has not got, and entries it has neither by id nor by name (an added entry whose id is
 * taken gets a free one) — leaving everything there, comments included, as it was. Returns the
 * new text and what was added, as `section: id`.
 */
export function mergeResumeYaml(existing: { shown: string; text: string }, imported: Resume): { text: string; added: string[] } {
  const parsed = parseYaml(existing.shown, existing.text);
  if (parsed.problems.some((p) => p.severity === 'error')) throw new UserDataError(parsed.problems);
  const data = (parsed.source.data ?? {}) as Record<string, unknown>;
  if (typeof data !== 'object' || Array.isArray(data))
    throw new UserDataError([
      {
        severity: 'error',
        code: 'schema',
        at: { file: existing.shown, line: 1, col: 1 },
        message: 'the file is not a mapping of resume fields',
        hint: 'fix it, or import into another folder',
      },
    ]);
  const doc = parseDocument(existing.text);
  const added: string[] = [];
  const basics = (data.basics ?? {}) as Record<string, unknown>;
  for (const [field, value] of Object.entries(imported.basics ?? {})) {
    if (basics[field] !== undefined) continue;
    doc.setIn(['basics', field], value);
    added.push(`basics.${field}`);
  }
  const ids = new IdPool(existingIds(data));
  for (const key of SECTION_KEYS) {
    const there = (Array.isArray(data[key]) ? data[key] : []) as Record<string, unknown>[];
    const known = new Set(there.flatMap((e) => [typeof e.id === 'string' ? `id:${e.id}` : '', `name:${nameOf(key, e, 'ko')}`, `name:${nameOf(key, e, 'en')}`]));
    for (const entry of (imported[key] ?? []) as Record<string, unknown>[]) {
      if (known.has(`id:${entry.id}`) || known.has(`name:${nameOf(key, entry, 'ko')}`)) continue;
      const id = ids.claim([entry.id as string], key);
      const value = { ...entry, id };
      if (Array.isArray(data[key])) doc.addIn([key], value);
      else {
        doc.set(key, [value]);
        data[key] = [];
      }
      added.push(`${key}: ${id}`);
    }
  }
  return { text: added.length > 0 ? doc.toString({ lineWidth: 0 }) : existing.text, added };
}

/** Every id the resume holds (entries and highlights), so that an added entry takes none of them. */
function existingIds(data: Record<string, unknown>): string[] {
  const ids: string[] = [];
  for (const key of SECTION_KEYS) {
    for (const entry of (Array.isArray(data[key]) ? data[key] : []) as Record<string, unknown>[]) {
      if (typeof entry?.id === 'string') ids.push(entry.id);
      for (const h of Array.isArray(entry?.highlights) ? entry.highlights : []) if (typeof h?.id === 'string') ids.push(h.id);
    }
  }
  return ids;
}
