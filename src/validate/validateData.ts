import type { Problem } from '../core/problems.js';
import type { DataFolder } from '../load/loadDataFolder.js';
import { checkPhoto, type Photo } from './checkPhoto.js';
import { checkRoleReferences } from './checkRoleReferences.js';
import { collectIds } from './collectIds.js';
import { findPlaceholders } from './findPlaceholders.js';
import { resumeSchema, type Resume } from './schema/resume.js';
import { roleSchema, type Role } from './schema/role.js';
import { formatPath, validateWithSchema } from './validateWithSchema.js';

export interface ValidData {
  resume?: Resume;
  /** The photo to draw (basics.image, checked); none when absent or unusable. */
  photo?: Photo;
  roles: Map<string, Role>;
  problems: Problem[];
}

/**
 * Validates the resume and the named roles: schemas, duplicate ids, references from roles to
 * the resume, placeholders. Returns every problem found; never throws. `drawImages` false: the
 * photo is checked without decoding a drawable copy (nothing will be drawn).
 */
export function validateData(folder: DataFolder, roleIds: readonly string[], drawImages = true): ValidData {
  const problems: Problem[] = [...folder.problems];
  const roles = new Map<string, Role>();
  let resume: Resume | undefined;
  let photo: Photo | undefined;
  if (folder.resume) {
    const checked = validateWithSchema(folder.resume, resumeSchema);
    problems.push(...checked.problems);
    resume = checked.value;
    if (resume) {
      const checkedPhoto = checkPhoto(resume, folder.resume, folder.dir, drawImages);
      photo = checkedPhoto.photo;
      problems.push(...duplicateIds(resume, folder.resume), ...findPlaceholders(folder.resume), ...checkedPhoto.problems);
    }
  }
  for (const id of roleIds) {
    const source = folder.roles.get(id);
    if (!source) continue; // unknown roles are a usage problem, reported by the caller
    const checked = validateWithSchema(source, roleSchema);
    problems.push(...checked.problems, ...findPlaceholders(source));
    if (resume) problems.push(...checkRoleReferences(resume, source.data, source));
    if (checked.value) roles.set(id, checked.value);
  }
  return { resume, photo, roles, problems };
}

function duplicateIds(resume: Resume, source: NonNullable<DataFolder['resume']>): Problem[] {
  const problems: Problem[] = [];
  for (const [id, sites] of collectIds(resume).ids) {
    for (const site of sites.slice(1)) {
      problems.push({
        severity: 'error',
        code: 'duplicate-id',
        at: source.locate([...site.path, 'id']),
        path: formatPath([...site.path, 'id']),
        message: `the id "${id}" is used more than once (first at ${formatPath(sites[0]!.path)})`,
        hint: 'ids must be unique across the whole resume: rename one',
      });
    }
  }
  return problems;
}
