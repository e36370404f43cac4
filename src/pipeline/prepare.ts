import path from 'node:path';
import { UserDataError, failOnErrors, type Problem } from '../core/problems.js';
import { displayPath } from '../core/paths.js';
import { loadDataFolder, type DataFolder } from '../load/loadDataFolder.js';
import { DEFAULT_THEME, loadTheme } from '../load/loadTheme.js';
import { validateData } from '../validate/validateData.js';
import { validateWithSchema } from '../validate/validateWithSchema.js';
import { themeSchema, type Theme } from '../validate/schema/theme.js';
import type { Resume } from '../validate/schema/resume.js';
import type { Role } from '../validate/schema/role.js';

/** `master` is the untailored build; every other id names a file in data/roles/. */
export const MASTER = 'master';

export interface PrepareOptions {
  dataDir: string;
  /** Role ids to build; `master` for the untailored resume. */
  roles: string[];
  /** Theme name or folder; overrides the role's. */
  theme?: string;
  strict?: boolean;
}

export interface Prepared {
  folder: DataFolder;
  resume: Resume;
  roles: Map<string, Role>;
  themes: Map<string, Theme>;
  /** Warnings that did not stop the build. */
  warnings: Problem[];
}

/** load + validate for a set of roles: throws UserDataError with every problem, or returns valid data. */
export function prepare(options: PrepareOptions): Prepared {
  const dataDir = path.resolve(options.dataDir);
  const folder = loadDataFolder(dataDir);
  const unknown = options.roles.filter((id) => id !== MASTER && !folder.roles.has(id));
  if (unknown.length > 0 && folder.problems.length === 0) {
    const known = [...folder.roles.keys()];
    throw new UserDataError(unknown.map((id) => ({ severity: 'error' as const, code: 'unknown-role', message: `no role "${id}" in ${displayPath(path.join(dataDir, 'roles'))}/`, hint: known.length > 0 ? `roles there: ${known.join(', ')} (or omit --role for the master resume)` : `create ${displayPath(path.join(dataDir, 'roles', `${id}.yaml`))}` })));
  }
  const valid = validateData(folder, options.roles.filter((id) => id !== MASTER));
  const problems = [...valid.problems];
  const themes = new Map<string, Theme>();
  const themeNames = new Set(options.roles.map((id) => options.theme ?? valid.roles.get(id)?.theme ?? DEFAULT_THEME));
  for (const name of themeNames) {
    const source = loadTheme(name, problems);
    if (!source) continue;
    const checked = validateWithSchema(source, themeSchema);
    problems.push(...checked.problems);
    if (checked.value) themes.set(name, checked.value);
  }
  failOnErrors(problems, options.strict);
  return { folder, resume: valid.resume!, roles: valid.roles, themes, warnings: problems };
}

export const themeFor = (prepared: Prepared, roleId: string, override?: string): Theme =>
  prepared.themes.get(override ?? prepared.roles.get(roleId)?.theme ?? DEFAULT_THEME)!;
