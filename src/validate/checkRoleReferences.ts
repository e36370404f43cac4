import type { Problem } from '../core/problems.js';
import { closestName } from '../core/closestName.js';
import type { YamlSource } from '../load/parseYaml.js';
import { formatPath } from './validateWithSchema.js';
import { collectIds } from './collectIds.js';
import type { Resume } from './schema/resume.js';
import type { Role } from './schema/role.js';

/**
 * A role may only name ids and tags the resume has: a typo would otherwise silently do nothing.
 * Takes the role as written (not only once valid), so that these problems are reported in the
 * same run as the role's schema problems; fields of the wrong shape are skipped here.
 */
export function checkRoleReferences(resume: Resume, written: unknown, source: YamlSource): Problem[] {
  const role = asRole(written);
  const { ids, tags } = collectIds(resume);
  const known = [...ids.keys()];
  const problems: Problem[] = [];
  const missingId = (id: string, path: (string | number)[], part: 'key' | 'value' = 'value') => {
    if (ids.has(id)) return;
    problems.push({
      severity: 'error',
      code: 'unknown-id',
      at: source.locate(path, part),
      path: formatPath(path),
      message: `no entry or highlight in the resume has the id "${id}"`,
      hint: suggest(id, known),
    });
  };
  role.include?.forEach((id, i) => missingId(id, ['include', i]));
  role.exclude?.forEach((id, i) => missingId(id, ['exclude', i]));
  for (const [section, list] of Object.entries(role.order ?? {})) list?.forEach((id, i) => missingId(id, ['order', section, i]));
  for (const id of Object.keys(role.overrides ?? {})) missingId(id, ['overrides', id], 'key');
  role.focus?.tags.forEach((tag, i) => {
    if (!tags.has(tag))
      problems.push({
        severity: 'warning',
        code: 'unknown-tag',
        at: source.locate(['focus', 'tags', i]),
        path: formatPath(['focus', 'tags', i]),
        message: `no entry or highlight has the tag "${tag}", so it ranks nothing`,
        hint: suggest(tag, [...tags]),
      });
  });
  return problems;
}

const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const record = (v: unknown): Record<string, unknown> => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

function asRole(written: unknown): Pick<Role, 'include' | 'exclude' | 'order' | 'overrides'> & { focus?: { tags: string[] } } {
  const raw = record(written);
  return {
    include: list(raw.include),
    exclude: list(raw.exclude),
    order: Object.fromEntries(Object.entries(record(raw.order)).map(([k, v]) => [k, list(v)])),
    overrides: record(raw.overrides) as Role['overrides'],
    focus: { tags: list(record(raw.focus).tags) },
  };
}

/** "did you mean …" from the closest known names (edit distance), or the list when short. */
export function suggest(name: string, known: string[]): string {
  const close = closestName(name, known);
  if (close !== undefined) return `did you mean "${close}"?`;
  return known.length === 0 ? 'add an `id:` to the entry you mean in resume.yaml' : `known: ${known.slice(0, 12).join(', ')}${known.length > 12 ? ', …' : ''}`;
}
