import { closestName } from '../core/closestName.js';
import path from 'node:path';
import { UsageError, UserDataError, type Problem } from '../core/problems.js';
import { displayPath } from '../core/paths.js';

/** The untailored build: not a file in roles/, so a `roles/master.yaml` is refused. */
export const MASTER = 'master';
import { listFolder } from './readSourceFile.js';

const ROLE_EXTENSIONS = /\.(ya?ml|json)$/;

/**
 * A role id names its output folder `<out>/<id>/`, so it is a plain file name: letters, digits,
 * Hangul syllables, `.`, `_`, `-`, never starting with a dot (`.`, `..` and hidden folders).
 */
const ROLE_ID = /^[A-Za-z0-9가-힣_-][A-Za-z0-9가-힣._-]*$/;
export const ROLE_ID_RULE = 'role ids are file names: letters, digits, Hangul, ".", "_" and "-", not starting with "."';

export interface RoleFile {
  /** NFC: a decomposed file name (as macOS writes it) names the same role as a composed one. */
  id: string;
  file: string;
}

/** Why `id` (NFC) cannot be a role's id, or undefined when it can. */
export function roleIdFault(id: string): string | undefined {
  if (id === MASTER) return `"${MASTER}" is reserved for the untailored build (the one made without --role)`;
  if (id === '') return 'it is empty';
  if (id.startsWith('.')) return 'it starts with a dot (it names the output folder <out>/<id>/)';
  if (!ROLE_ID.test(id)) return `it contains ${[...new Set(id.replace(/[A-Za-z0-9가-힣._-]/g, ''))].map((c) => JSON.stringify(c)).join(', ')}`;
  return undefined;
}

/** An id the user could rename a refused role file to: the allowed characters of the old one. */
function renamedId(id: string): string {
  const kept = id
    .replace(/[^A-Za-z0-9가-힣._-]+/g, '-')
    .replace(/^[.-]+/, '')
    .replace(/-+$/, '');
  return kept === '' ? 'role' : kept === MASTER ? `${MASTER}-role` : kept;
}

/** Every file in roles/ with a role extension, valid id or not; a roles/ that cannot be listed is a problem in `problems`. */
function listed(dataDir: string, problems: Problem[] = []): RoleFile[] {
  const dir = path.join(dataDir, 'roles');
  return listFolder(dir, problems)
    .filter((name) => ROLE_EXTENSIONS.test(name))
    .map((name) => ({ id: name.replace(ROLE_EXTENSIONS, '').normalize('NFC'), file: path.join(dir, name) }));
}

function badIdProblem(role: RoleFile, fault: string): Problem {
  const renamed = path.join(path.dirname(role.file), `${renamedId(role.id)}${ROLE_EXTENSIONS.exec(role.file)![0]}`);
  return {
    severity: 'error',
    code: 'bad-role-id',
    at: { file: displayPath(role.file), line: 1, col: 1 },
    message: `the file name gives the role id "${role.id}", which cannot be used: ${fault}`,
    hint: `rename the file, e.g. to ${displayPath(renamed)} (${ROLE_ID_RULE})`,
  };
}

/**
 * The role files of a data folder (`roles/<id>.yaml`), by file name; listed without reading them.
 * A file whose name is no role id, or gives the same id as another file, is a problem in
 * `problems` and left out: an id becomes a folder name under --out.
 */
export function roleFiles(dataDir: string, problems: Problem[] = []): RoleFile[] {
  const roles: RoleFile[] = [];
  for (const role of listed(dataDir, problems)) {
    const fault = roleIdFault(role.id);
    const same = roles.find((r) => r.id === role.id);
    if (fault) problems.push(badIdProblem(role, fault));
    else if (same)
      problems.push({
        severity: 'error',
        code: 'duplicate-role',
        at: { file: displayPath(role.file), line: 1, col: 1 },
        message: `${displayPath(same.file)} and this file both give the role id "${role.id}"`,
        hint: 'keep one of them, or rename one',
      });
    else roles.push(role);
  }
  return roles;
}

/**
 * An id given with --role, in NFC, checked before it becomes a path: `master`, or a valid role
 * id. An invalid id that a role file gives is that file's problem (exit 1, rename it); any other
 * is a usage error.
 */
export function roleArgument(dataDir: string, given: string): string {
  const id = given.normalize('NFC');
  const fault = id === MASTER ? undefined : roleIdFault(id);
  if (!fault) return id;
  const file = listed(dataDir).find((role) => role.id === id);
  if (file) throw new UserDataError([badIdProblem(file, fault)]);
  throw new UsageError(`--role ${JSON.stringify(given)} is not a role id: ${fault}`, `${ROLE_ID_RULE}; omit --role for the master`);
}

export const roleArguments = (dataDir: string, ids: readonly string[]): string[] => [...new Set(ids.map((id) => roleArgument(dataDir, id)))];

/** What to write instead of an unknown `--role`: the role meant, and the roles there are; none when there are none. */
export function unknownRoleHint(id: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const close = closestName(id, known);
  return `${close ? `did you mean "${close}"? ` : ''}roles there: ${known.join(', ')} (or omit --role for the master resume)`;
}
