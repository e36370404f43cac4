import path from 'node:path';
import type { Problem } from '../core/problems.js';
import { loadYamlFile } from './loadDataFolder.js';
import { listFolder } from './readSourceFile.js';
import type { YamlSource } from './parseYaml.js';

/** `data/answers/*.yaml`, the paragraphs that several roles' application answers share; parsed, not validated. */
export function loadAnswerBlocks(dataDir: string, problems: Problem[]): YamlSource[] {
  const dir = path.join(dataDir, 'answers');
  return listFolder(dir, problems)
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => loadYamlFile(path.join(dir, name), problems))
    .filter((source): source is YamlSource => source !== undefined);
}
