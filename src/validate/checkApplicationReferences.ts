import type { Problem } from '../core/problems.js';
import type { YamlSource } from '../load/parseYaml.js';
import type { BlockLibrary } from './answerBlocks.js';
import { suggest } from './checkRoleReferences.js';
import { composedParts, type BlockReference } from './schema/application.js';
import type { Role } from './schema/role.js';
import { formatPath } from './validateWithSchema.js';

/**
 * A role's application may only use blocks that exist, must fill every `{{slot}}` of a block it
 * uses and nothing else (a misspelt slot name would silently leave a hole), and names each
 * question once.
 */
export function checkApplicationReferences(role: Role, source: YamlSource, blocks: BlockLibrary): Problem[] {
  const application = role.application;
  if (!application) return [];
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  application.questions.forEach((q, i) => {
    const first = seen.get(q.id);
    if (first !== undefined)
      problems.push({
        severity: 'error',
        code: 'duplicate-question',
        at: source.locate(['application', 'questions', i, 'id']),
        path: `application.questions[${i}].id`,
        message: `the question id "${q.id}" is already used by question ${first + 1}`,
        hint: 'give each question its own id',
      });
    else seen.set(q.id, i);
    for (const field of ['question', 'answer'] as const) {
      for (const { part, path } of composedParts(q[field], ['application', 'questions', i, field])) {
        if (typeof part !== 'string') problems.push(...checkReference(part, path, source, blocks));
      }
    }
  });
  return problems;
}

function checkReference(ref: BlockReference, path: readonly (string | number)[], source: YamlSource, blocks: BlockLibrary): Problem[] {
  const block = blocks.get(ref.block);
  if (!block) {
    return [
      {
        severity: 'error',
        code: 'unknown-block',
        at: source.locate([...path, 'block']),
        path: formatPath([...path, 'block']),
        message: `no answer block has the id "${ref.block}" (blocks live in data/answers/*.yaml)`,
        hint: blocks.size === 0 ? 'write it in a file data/answers/<topic>.yaml under  blocks: { <id>: text }' : suggest(ref.block, [...blocks.keys()]),
      },
    ];
  }
  const given = ref.with ?? {};
  const problems: Problem[] = [];
  const missing = block.slots.filter((slot) => !(slot in given));
  if (missing.length > 0) {
    problems.push({
      severity: 'error',
      code: 'missing-slot',
      at: source.locate([...path, 'block']),
      path: formatPath(path),
      message: `the block "${block.id}" needs ${missing.map((s) => `{{${s}}}`).join(', ')}, which this reference does not fill`,
      hint: `add  with: { ${missing.map((s) => `${s}: …`).join(', ')} }  (an empty string "" is allowed)`,
    });
  }
  for (const name of Object.keys(given).filter((name) => !block.slots.includes(name))) {
    problems.push({
      severity: 'error',
      code: 'unknown-slot',
      at: source.locate([...path, 'with', name], 'key'),
      path: formatPath([...path, 'with', name]),
      message: `the block "${block.id}" has no slot {{${name}}}`,
      hint: block.slots.length > 0 ? suggest(name, block.slots) : 'the block has no slots: remove `with`',
    });
  }
  return problems;
}
