import type { DataPath } from '../load/parseYaml.js';
import { SECTION_KEYS, type Resume } from './schema/resume.js';

export interface IdSite {
  path: DataPath;
  tags: string[];
}

/** Every id in the resume (entries and highlights) with where it is and its tags. */
export function collectIds(resume: Resume): { ids: Map<string, IdSite[]>; tags: Set<string> } {
  const ids = new Map<string, IdSite[]>();
  const tags = new Set<string>();
  const note = (id: string | undefined, path: DataPath, entryTags: string[] = []) => {
    entryTags.forEach((t) => tags.add(t));
    if (id === undefined) return;
    ids.set(id, [...(ids.get(id) ?? []), { path, tags: entryTags }]);
  };
  for (const key of SECTION_KEYS) {
    resume[key]?.forEach((entry, i) => {
      note(entry.id, [key, i], entry.tags);
      if ('highlights' in entry) {
        entry.highlights?.forEach((h, j) => {
          if (typeof h !== 'string') note(h.id, [key, i, 'highlights', j], h.tags);
        });
      }
    });
  }
  return { ids, tags };
}
