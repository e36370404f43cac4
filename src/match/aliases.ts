import path from 'node:path';
import * as z from 'zod';
import { packageRoot } from '../core/paths.js';
import type { Problem } from '../core/problems.js';
import { loadYamlFile } from '../load/loadDataFolder.js';
import { probePath } from '../load/readSourceFile.js';
import { validateWithSchema } from '../validate/validateWithSchema.js';

/** Names of one skill or topic; the first is the one shown. */
export interface AliasGroup {
  shown: string;
  names: string[];
}

/** Every name of every group, by its key (see nameKey), and the groups in file order. */
export interface AliasTable {
  groups: AliasGroup[];
  byKey: Map<string, AliasGroup>;
}

/** How two names are compared: case, width and runs of spaces aside (`Data  Warehouse` = `data warehouse`). */
export const nameKey = (name: string): string => name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

export const aliasFileSchema = z.strictObject({
  $schema: z.string().optional(),
  terms: z.array(z.array(z.string().trim().min(1)).min(1)).describe('each item: the names of one term, the first shown (e.g. [Kubernetes, 쿠버네티스, k8s])'),
});

/** The table careerpdf ships (aliases/terms.yaml). */
export const SHIPPED_ALIASES = path.join(packageRoot, 'aliases', 'terms.yaml');
/** The user's additions, in the data folder. */
export const DATA_ALIASES = 'aliases.yaml';

/**
 * The shipped table, then the data folder's `aliases.yaml` when there is one: a group of the
 * user's that shares a name with a shipped group joins it (its first name is then shown), any
 * other is added.
 */
export function loadAliases(dataDir: string, problems: Problem[]): AliasTable {
  const table: AliasTable = { groups: [], byKey: new Map() };
  const userFile = path.join(dataDir, DATA_ALIASES);
  const files = [SHIPPED_ALIASES, ...(probePath(userFile, 'alias file') === 'absent' ? [] : [userFile])];
  for (const [i, file] of files.entries()) {
    const source = loadYamlFile(file, problems);
    const checked = source && validateWithSchema(source, aliasFileSchema);
    if (!checked) continue;
    problems.push(...checked.problems);
    for (const names of checked.value?.terms ?? []) addGroup(table, names, i > 0);
  }
  return table;
}

/** Adds one group of names; `preferFirst`: its first name becomes the shown one of a group it joins. */
export function addGroup(table: AliasTable, names: readonly string[], preferFirst = false): void {
  const joined = [...new Set(names.map(nameKey))].map((key) => table.byKey.get(key)).filter((g): g is AliasGroup => g !== undefined);
  const group = joined[0] ?? { shown: names[0]!, names: [] };
  if (!joined[0]) table.groups.push(group);
  else if (preferFirst) group.shown = names[0]!;
  // Two existing groups that one user line names together become one.
  for (const other of joined.slice(1)) {
    if (other === group) continue;
    group.names.push(...other.names);
    table.groups.splice(table.groups.indexOf(other), 1);
  }
  for (const name of names) if (!group.names.some((n) => nameKey(n) === nameKey(name))) group.names.push(name);
  for (const name of group.names) table.byKey.set(nameKey(name), group);
}
