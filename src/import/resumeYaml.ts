import { isDeepStrictEqual } from 'node:util';
import { Document, parse, parseDocument } from 'yaml';
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
  return { text: added.length > 0 ? keepWrittenLines(existing.text, doc.toString({ lineWidth: 0 })) : existing.text, added };
}

/**
 * The merged text with every line that was there as it was written: the yaml library writes the
 * document again in its own spacing (`name: 홍길동   # keep` lost its spaces, `[a]` became `[ a ]`).
 * The rewritten lines are walked beside the original ones; a line equal to the next original one
 * but for spaces is that line, as written; any other is an added line. When the lines do not line
 * up so (an item added inside a flow list changes its line), or the result would read otherwise
 * than the rewritten text, the rewritten text is kept: it is right, only respaced.
 */
function keepWrittenLines(original: string, rewritten: string): string {
  const squash = (line: string) => line.replace(/\s+/g, '');
  const before = original.split('\n');
  const out: string[] = [];
  const lastWritten = before.findLastIndex((line) => line.trim() !== '');
  let next = 0;
  for (const line of rewritten.split('\n')) {
    // A blank line the library dropped between two written lines stays.
    while (next < lastWritten && before[next]!.trim() === '' && line.trim() !== '') out.push(before[next++]!);
    if (next < before.length && squash(before[next]!) === squash(line)) out.push(before[next++]!);
    else out.push(line);
  }
  out.push(...before.slice(next).filter((line) => line.trim() === ''));
  if (before.slice(next).some((line) => line.trim() !== '')) return rewritten;
  const kept = out.join('\n');
  try {
    return isDeepStrictEqual(parse(kept), parse(rewritten)) ? kept : rewritten;
  } catch {
    return rewritten;
  }
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
