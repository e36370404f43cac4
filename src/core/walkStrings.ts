import type { DataPath } from '../load/parseYaml.js';

/**
 * Calls `visit` for every string in a parsed YAML/JSON value, with its data path. One path is
 * kept up to date on the way down and copied only for a string: a portfolio's markdown trees are
 * deep, and a new path array per node was most of the walk's cost.
 */
export function walkStrings(value: unknown, visit: (path: DataPath, value: string) => void): void {
  const path: (string | number)[] = [];
  const walk = (item: unknown): void => {
    if (typeof item === 'string') visit([...path], item);
    else if (Array.isArray(item)) {
      for (let i = 0; i < item.length; i++) {
        path.push(i);
        walk(item[i]);
        path.pop();
      }
    } else if (item !== null && typeof item === 'object') {
      for (const [key, child] of Object.entries(item)) {
        path.push(key);
        walk(child);
        path.pop();
      }
    }
  };
  walk(value);
}
