import type { YamlSource } from '../load/parseYaml.js';
import type { BlockLibrary } from '../validate/answerBlocks.js';
import type { Role } from '../validate/schema/role.js';
import { resolveAnswers, type ResolvedApplication } from './resolveAnswers.js';

/** Each answerable role's application resolved against the blocks (see resolveAnswers): role id → its final, counted answers. */
export function tailorApplications(
  answerable: ReadonlyMap<string, Role>,
  roleSources: ReadonlyMap<string, YamlSource>,
  blocks: BlockLibrary,
): Map<string, ResolvedApplication> {
  const applications = new Map<string, ResolvedApplication>();
  for (const [id, role] of answerable) applications.set(id, resolveAnswers(id, role, roleSources.get(id)!, blocks)!);
  return applications;
}
