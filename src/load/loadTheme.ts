import fs from 'node:fs';
import path from 'node:path';
import { closestName } from '../core/closestName.js';
import { UsageError } from '../core/problems.js';
import { displayPath, packageRoot } from '../core/paths.js';

/** The theme used when neither the role nor the command line picks one. */
export const DEFAULT_THEME = 'classic';

export const themesDir = (): string => path.join(packageRoot, 'themes');

export const listThemes = (dir = themesDir()): string[] =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((n) => fs.existsSync(path.join(dir, n, 'theme.yaml')))
        .sort()
    : [];

/** The theme a role's documents use, and what a folder path in it is relative to. */
export interface ThemeChoice {
  /** An installed theme's name, or a folder with a theme.yaml. */
  name: string;
  baseDir: string;
  /** Given with --theme (a usage error when unknown), not by the role file. */
  fromOption: boolean;
}

/**
 * --theme wins, relative to the working directory like any path typed on a command line; else
 * the role's `theme:`, relative to the data folder (so a build means the same from any folder);
 * else the default.
 */
export function themeChoice(override: string | undefined, roleTheme: string | undefined, dataDir: string): ThemeChoice {
  if (override !== undefined) return { name: override, baseDir: process.cwd(), fromOption: true };
  return { name: roleTheme ?? DEFAULT_THEME, baseDir: dataDir, fromOption: false };
}

export type ThemeLookup = { ok: true; file: string } | { ok: false; message: string; hint: string };

/** Finds a theme: an installed theme by its name (themes/<name>/), else a folder with a theme.yaml. */
export function findTheme({ name, baseDir, fromOption }: ThemeChoice): ThemeLookup {
  const installed = listThemes();
  if (installed.includes(name)) return { ok: true, file: path.join(themesDir(), name, 'theme.yaml') };
  const dir = path.resolve(baseDir, name);
  const file = path.join(dir, 'theme.yaml');
  const kind = kindOf(dir);
  if (kind === 'folder' && kindOf(file) !== 'missing') return { ok: true, file };
  const relativeTo = fromOption ? 'the working directory' : 'the data folder';
  const choices = `themes: ${installed.join(', ')}; or a folder with a theme.yaml, relative to ${relativeTo}`;
  const typedAsName = !/[\\/]/.test(name) && !name.startsWith('.');
  if (typedAsName && kind === 'missing') {
    const close = closestName(name, installed);
    return { ok: false, message: `there is no theme "${name}"`, hint: `${close ? `did you mean "${close}"? ` : ''}(${choices})` };
  }
  const what =
    kind === 'missing'
      ? `there is no folder ${displayPath(dir)}`
      : kind === 'folder'
        ? `the folder ${displayPath(dir)} has no theme.yaml`
        : `${displayPath(dir)} is a file, not a theme folder`;
  return { ok: false, message: `the theme "${name}" cannot be used: ${what}`, hint: choices };
}

const kindOf = (file: string): 'missing' | 'folder' | 'other' => {
  try {
    return fs.statSync(file).isDirectory() ? 'folder' : 'other';
  } catch {
    return 'missing';
  }
};

/** The theme.yaml of a theme known to exist (checked by prepare), or of --theme: unknown, a usage error. */
export function themeFile(choice: ThemeChoice): string {
  const found = findTheme(choice);
  if (!found.ok) throw new UsageError(found.message, found.hint);
  return found.file;
}
