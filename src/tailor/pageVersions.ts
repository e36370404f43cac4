import path from 'node:path';
import type { Lang } from '../validate/schema/primitives.js';
import type { ProjectPage } from '../validate/validateProjects.js';
import type { Decision } from './model.js';

/**
 * One version of each portfolio page for a document in `lang`. Pages that share an id are the
 * language versions of one page — `ilogyo.md` and `ilogyo.en.md` beside it, or pages with
 * `lang:` in their front matter — and the document takes the one in its language, else the page
 * with no language suffix, else the first. A language version needs only what differs: what its
 * front matter leaves out (stack, tags, order, cover, roles…) it takes from the page it is a
 * version of. Pure; the order is the pages' (file-name order).
 */
export function pageVersions(pages: readonly ProjectPage[], lang: Lang): { pages: ProjectPage[]; decisions: Decision[] } {
  const byId = new Map<string, ProjectPage[]>();
  for (const page of pages) byId.set(page.id, [...(byId.get(page.id) ?? []), page]);
  const decisions: Decision[] = [];
  const chosen = [...byId.values()].map((versions) => {
    const base = versions.find((v) => !v.variant);
    const exact = versions.find((v) => v.lang === lang);
    const pick = exact ?? base ?? versions[0]!;
    if (versions.length > 1)
      decisions.push({
        section: 'portfolio',
        subject: pick.id,
        action: 'kept',
        reason: `${path.basename(pick.file)}${exact ? `, the version in ${lang}` : `: no version in ${lang}`} (of ${versions.map((v) => path.basename(v.file)).join(', ')})`,
      });
    return pick.variant && base ? inheriting(pick, base) : pick;
  });
  return { pages: chosen, decisions };
}

/** A language version with what it leaves out taken from its base page. */
function inheriting(version: ProjectPage, base: ProjectPage): ProjectPage {
  const given = Object.fromEntries(Object.entries(version.facts).filter(([, value]) => value !== undefined));
  return {
    ...version,
    title: version.titleFromFileName ? base.title : version.title,
    order: version.order ?? base.order,
    facts: { ...base.facts, ...given },
    // The base's cover, when the version keeps it, is drawn as the base resolved it (the same folder).
    images: new Map([...base.images, ...version.images]),
  };
}
