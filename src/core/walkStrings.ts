import type { DataPath } from '../load/parseYaml.js';

/** Calls `visit` for every string in a parsed YAML/JSON value, with its data path. */
export function walkStrings(value: unknown, visit: (path: DataPath, value: string) => void, path: (string | number)[] = []): void {
  if (typeof value === 'string') visit(path, value);
  else if (Array.isArray(value)) value.forEach((item, i) => walkStrings(item, visit, [...path, i]));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) walkStrings(item, visit, [...path, key]);
}
