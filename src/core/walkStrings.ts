import type { DataPath } from '../load/parseYaml.js';

/**
 * Calls `visit` for every string in a value — parsed YAML/JSON, a document model — with its data
 * path; a Map's values are walked under their keys. `skip` prunes the subtrees under the keys it
 * names (handles, links and settings that are not drawn). One path is kept up to date on the way
 * down and copied only for a string: a portfolio's markdown trees are deep, and a new path
 * array per node was most of the walk's cost. The one walker of the code base.
 */
export function walkStrings(value: unknown, visit: (path: DataPath, value: string) => void, skip?: ReadonlySet<string>): void {
  const path: (string | number)[] = [];
  const enter = (key: string | number, child: unknown) => {
    if (skip?.has(String(key))) return;
    path.push(key);
    walk(child);
    path.pop();
  };
  const walk = (item: unknown): void => {
    if (typeof item === 'string') visit([...path], item);
    else if (Array.isArray(item)) for (let i = 0; i < item.length; i++) enter(i, item[i]);
    // Image bytes hold no text; walking a Buffer would visit every byte.
    else if (ArrayBuffer.isView(item)) return;
    else if (item instanceof Map) for (const [key, child] of item) enter(String(key), child);
    else if (item !== null && typeof item === 'object') for (const [key, child] of Object.entries(item)) enter(key, child);
  };
  walk(value);
}
