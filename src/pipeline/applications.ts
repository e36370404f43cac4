import type { Problem } from '../core/problems.js';
import { loadAnswerBlocks } from '../load/loadAnswerBlocks.js';
import type { YamlSource } from '../load/parseYaml.js';
import type { ResolvedApplication } from '../tailor/resolveAnswers.js';
import { tailorApplications } from '../tailor/tailorApplications.js';
import { checkAnswerLimits } from '../validate/checkAnswerLimits.js';
import type { Role } from '../validate/schema/role.js';
import { validateApplications } from '../validate/validateApplications.js';

export interface PreparedApplications {
  /** Role id → its answers resolved and counted; only roles with a valid application. */
  applications: Map<string, ResolvedApplication>;
  problems: Problem[];
}

/**
 * Application answers, step by step: load the shared blocks → validate them and each role's
 * references → tailor (resolve each answerable role's answers) → validate the final texts
 * against their limits (a count needs the resolved text).
 */
export function prepareApplications(
  dataDir: string,
  roles: ReadonlyMap<string, Role>,
  roleSources: ReadonlyMap<string, YamlSource>,
  { checkLimits }: { checkLimits: boolean },
): PreparedApplications {
  // The blocks are read only for roles that answer questions: a master build never touches them.
  if (![...roles.values()].some((role) => role.application)) return { applications: new Map(), problems: [] };
  const problems: Problem[] = [];
  const blockSources = loadAnswerBlocks(dataDir, problems);
  const validated = validateApplications(roles, roleSources, blockSources);
  const applications = tailorApplications(validated.answerable, roleSources, validated.blocks);
  problems.push(...validated.problems);
  // The limits only warn: a caller that shows no warnings (match) does not need them counted.
  if (checkLimits) problems.push(...[...applications.values()].flatMap(checkAnswerLimits));
  return { applications, problems };
}
