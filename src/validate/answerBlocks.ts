import type { Problem } from '../core/problems.js';
import type { DataPath, YamlSource } from '../load/parseYaml.js';
import { findPlaceholders } from './findPlaceholders.js';
import { answerBlocksSchema, SLOT_PATTERN } from './schema/application.js';
import { validateWithSchema } from './validateWithSchema.js';

/** A shared paragraph (or several) of application answers, from data/answers/*.yaml. */
export interface AnswerBlock {
  id: string;
  text: string;
  /** Names of its `{{slots}}`, in order of first use. */
  slots: string[];
  source: YamlSource;
  path: DataPath;
}

/** Block id → block, across every file in data/answers/. */
export type BlockLibrary = ReadonlyMap<string, AnswerBlock>;

/**
 * Validates the block files and gathers their blocks. Ids are global: a role refers to a block by
 * id alone, so the same id in two files is an error (which one would it mean?).
 */
export function collectAnswerBlocks(sources: readonly YamlSource[]): { blocks: BlockLibrary; problems: Problem[] } {
  const blocks = new Map<string, AnswerBlock>();
  const problems: Problem[] = [];
  for (const source of sources) {
    const checked = validateWithSchema(source, answerBlocksSchema);
    problems.push(...checked.problems);
    if (!checked.value) continue;
    problems.push(...findPlaceholders(source));
    for (const [id, text] of Object.entries(checked.value.blocks)) {
      const path = ['blocks', id];
      const first = blocks.get(id);
      if (first) {
        const at = first.source.locate(first.path, 'key');
        problems.push({
          severity: 'error',
          code: 'duplicate-block',
          at: source.locate(path, 'key'),
          path: `blocks.${id}`,
          message: `the block id "${id}" is already used at ${at.file}:${at.line}:${at.col}`,
          hint: 'block ids are shared by every file in data/answers/: rename one',
        });
        continue;
      }
      blocks.set(id, { id, text, slots: slotsOf(text), source, path });
    }
  }
  return { blocks, problems };
}

export const slotsOf = (text: string): string[] => [...new Set([...text.matchAll(SLOT_PATTERN)].map((m) => m[1]!))];
