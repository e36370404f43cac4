import { errorsIn, type Problem } from '../core/problems.js';
import type { YamlSource } from '../load/parseYaml.js';
import { collectAnswerBlocks, type BlockLibrary } from './answerBlocks.js';
import { checkApplicationReferences } from './checkApplicationReferences.js';
import type { Role } from './schema/role.js';

export interface ValidatedApplications {
  blocks: BlockLibrary;
  /** The roles whose application refers only to blocks and slots that exist: the ones the tailor step can answer. */
  answerable: Map<string, Role>;
  problems: Problem[];
}

/**
 * The shared answer blocks (data/answers/*.yaml, as loaded) and each role's references to them.
 * A role whose references are broken is left out of `answerable`: its problems say why.
 */
export function validateApplications(
  roles: ReadonlyMap<string, Role>,
  roleSources: ReadonlyMap<string, YamlSource>,
  blockSources: readonly YamlSource[],
): ValidatedApplications {
  const { blocks, problems } = collectAnswerBlocks(blockSources);
  const answerable = new Map<string, Role>();
  for (const [id, role] of roles) {
    if (!role.application) continue;
    const references = checkApplicationReferences(role, roleSources.get(id)!, blocks);
    problems.push(...references);
    if (errorsIn(references).length === 0) answerable.set(id, role);
  }
  return { blocks, answerable, problems };
}
