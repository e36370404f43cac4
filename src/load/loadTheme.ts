import fs from 'node:fs';
import path from 'node:path';
import { UsageError, type Problem } from '../core/problems.js';
import { packageRoot } from '../core/paths.js';
import { loadYamlFile } from './loadDataFolder.js';
import type { YamlSource } from './parseYaml.js';

/** The theme used when neither the role nor the command line picks one. */
export const DEFAULT_THEME = 'classic';

export const themesDir = (): string => path.join(packageRoot, 'themes');

export const listThemes = (dir = themesDir()): string[] =>
  fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => fs.existsSync(path.join(dir, n, 'theme.yaml'))).sort() : [];

/**
 * Finds a theme by name (a folder under themes/) or by path (a user's own theme folder),
 * and parses its theme.yaml.
 */
export function loadTheme(nameOrPath: string, problems: Problem[]): YamlSource | undefined {
  return loadYamlFile(themeFile(nameOrPath), problems);
}

/** The theme.yaml of a theme name or folder. */
export function themeFile(nameOrPath: string): string {
  const asPath = path.resolve(nameOrPath);
  const dir = fs.existsSync(path.join(asPath, 'theme.yaml')) ? asPath : path.join(themesDir(), nameOrPath);
  const file = path.join(dir, 'theme.yaml');
  if (!fs.existsSync(file)) throw new UsageError(`unknown theme "${nameOrPath}"`, `themes: ${listThemes().join(', ')} (or a folder with a theme.yaml)`);
  return file;
}
