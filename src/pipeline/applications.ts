import { errorsIn, type Problem } from '../core/problems.js';
import { loadAnswerBlocks } from '../load/loadAnswerBlocks.js';
import type { YamlSource } from '../load/parseYaml.js';
import { resolveAnswers, type ResolvedApplication } from '../tailor/resolveAnswers.js';
import { collectAnswerBlocks } from '../validate/answerBlocks.js';
import { checkAnswerLimits } from '../validate/checkAnswerLimits.js';
import { checkApplicationReferences } from '../validate/checkApplicationReferences.js';
import type { Role } from '../validate/schema/role.js';

export interface PreparedApplications {
  /** Role id → its answers resolved and counted; only roles with a valid application. */
  applications: Map<string, ResolvedApplication>;
  problems: Problem[];
}

/**
 * load → validate → tailor → validate for application answers: the shared blocks and each role's
 * references to them are checked, the answers resolved, then counted against their limits
 * (which needs the final text). A role whose references are broken gets no answers.
 */
export function prepareApplications(dataDir: string, roles: ReadonlyMap<string, Role>, roleSources: ReadonlyMap<string, YamlSource>): PreparedApplications {
  const applications = new Map<string, ResolvedApplication>();
  const withApplication = [...roles].filter(([, role]) => role.application);
  // The blocks are read only for roles that answer questions: a master build never touches them.
  if (withApplication.length === 0) return { applications, problems: [] };
  const problems: Problem[] = [];
  const collected = collectAnswerBlocks(loadAnswerBlocks(dataDir, problems));
  const blocks = collected.blocks;
  problems.push(...collected.problems);
  for (const [id, role] of withApplication) {
    const source = roleSources.get(id)!;
    const references = checkApplicationReferences(role, source, blocks);
    problems.push(...references);
    if (errorsIn(references).length > 0) continue;
    const application = resolveAnswers(id, role, source, blocks)!;
    applications.set(id, application);
    problems.push(...checkAnswerLimits(application));
  }
  return { applications, problems };
}
