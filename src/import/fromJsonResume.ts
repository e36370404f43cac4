import { UserDataError, errorsIn } from '../core/problems.js';
import type { YamlSource } from '../load/parseYaml.js';
import { localize } from '../tailor/i18n.js';
import type { Text } from '../validate/schema/primitives.js';
import { resumeSchema, SECTION_KEYS, type Resume } from '../validate/schema/resume.js';
import { validateWithSchema } from '../validate/validateWithSchema.js';
import { slugId, IdPool } from './ids.js';

/** The field that names an entry of each section, for its id. */
const NAME_FIELD = {
  work: 'name',
  volunteer: 'organization',
  education: 'institution',
  awards: 'title',
  certificates: 'name',
  publications: 'name',
  skills: 'name',
  languages: 'language',
  interests: 'name',
  references: 'name',
  projects: 'name',
  military: 'branch',
} as const;

/**
 * A JSON Resume document → careerpdf's resume: the same fields, plus an id for every entry that
 * has none (made from its name) and `tags` suggested from its `keywords`, so that a role file can
 * address and rank it at once. careerpdf's own sections that its JSON Resume export keeps under
 * `meta.careerpdf` (병역) come back as sections. An invalid document is refused with every problem.
 */
export function fromJsonResume(source: YamlSource): Resume {
  const checked = validateWithSchema(source, resumeSchema);
  if (errorsIn(checked.problems).length > 0 || !checked.value) throw new UserDataError(checked.problems);
  // The raw data, not zod's output: keys the schema does not know are the user's and are kept.
  const { $schema: _schema, meta, ...data } = source.data as Record<string, unknown> & { meta?: Record<string, unknown> };
  const resume = data as Resume;
  const { careerpdf, ...restMeta } = (meta ?? {}) as { careerpdf?: Record<string, unknown> };
  if (careerpdf && Array.isArray(careerpdf.military)) resume.military = careerpdf.military as Resume['military'];
  if (Object.keys(restMeta).length > 0) resume.meta = restMeta as Resume['meta'];
  const ids = new IdPool(SECTION_KEYS.flatMap((key) => ((resume[key] ?? []) as { id?: string }[]).flatMap((e) => (e.id ? [e.id] : []))));
  for (const key of SECTION_KEYS) {
    resume[key] = ((resume[key] ?? []) as Record<string, unknown>[]).map((entry) => {
      const id = typeof entry.id === 'string' ? entry.id : ids.claim([localize(entry[NAME_FIELD[key]] as Text | undefined, 'en')], key.replace(/s$/, ''));
      const keywords = Array.isArray(entry.keywords) ? (entry.keywords as string[]) : [];
      const tags = entry.tags ?? (keywords.length > 0 ? [...new Set(keywords.map(slugId).filter(Boolean))] : undefined);
      return { id, ...entry, ...(tags ? { tags } : {}) };
    }) as never;
    if ((resume[key] as unknown[]).length === 0) delete resume[key];
  }
  return resume;
}
