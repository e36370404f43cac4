import path from 'node:path';
import { UsageError, problemsOf, type Problem } from '../core/problems.js';
import { loadDataFolder } from '../load/loadDataFolder.js';
import { unknownRoleHint } from '../load/roleFiles.js';
import { loadProjects } from '../load/loadProjects.js';
import { checkConsistency, type ClaimText } from '../validate/checkConsistency.js';
import { markdownTexts, sourcedText, yamlTexts } from '../validate/claimTexts.js';
import { validateData } from '../validate/validateData.js';
import { prepareApplications } from './applications.js';
import { MASTER, prepare } from './prepare.js';

export interface CheckOptions {
  dataDir: string;
  /** Roles to check; none: every role. */
  roles?: string[];
}

/**
 * Everything a build would complain about, without rendering — schemas, references, placeholders,
 * answer limits — plus what only a look across all the materials shows: the same claim made with
 * different figures in the resume, the role files, the answers and the portfolio pages. Returns
 * every problem; never throws for the data (only for an unknown role).
 */
export function checkData(options: CheckOptions): Problem[] {
  const dataDir = path.resolve(options.dataDir);
  const folder = loadDataFolder(dataDir);
  const all = [...folder.roles.keys()];
  const selected = options.roles?.length ? options.roles : all;
  const unknown = selected.filter((id) => !folder.roles.has(id));
  if (unknown.length > 0)
    throw new UsageError(`no role ${unknown.map((id) => `"${id}"`).join(', ')} in ${path.join(options.dataDir, 'roles')}/`, unknownRoleHint(unknown[0]!, all));

  const problems = problemsOf(() => prepare({ dataDir, roles: selected.length > 0 ? selected : [MASTER], drawImages: false }).warnings);
  // Other roles are read too, for comparison only: their own problems are theirs to check.
  const valid = validateData(folder, all, false);
  const answers = prepareApplications(dataDir, valid.roles, folder.roles, { checkLimits: true });
  const texts: ClaimText[] = folder.resume ? yamlTexts(folder.resume, path.basename(folder.resume.file)) : [];
  for (const [id, source] of folder.roles) {
    texts.push(...yamlTexts(source, id, { role: id, skip: ['application'] }));
    for (const q of answers.applications.get(id)?.questions ?? []) texts.push(sourcedText(`${id} · ${q.id}`, id, q.answer));
  }
  for (const page of loadProjects(dataDir).pages) {
    const name = path.basename(page.file);
    if (page.frontMatter) texts.push(...yamlTexts(page.frontMatter, name));
    texts.push(...markdownTexts(page.file, page.body, name));
  }
  return [...problems, ...checkConsistency(texts, { roles: new Set(selected) })];
}
