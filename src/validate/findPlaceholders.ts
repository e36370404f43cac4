import type { Problem } from '../core/problems.js';
import { walkStrings } from '../core/walkStrings.js';
import type { YamlSource } from '../load/parseYaml.js';
import { PLACEHOLDER_PATTERN } from './schema/primitives.js';
import { formatPath } from './validateWithSchema.js';

/** One warning per `[TODO: …]` left in a file: these must not reach a recruiter. */
export function findPlaceholders(source: YamlSource): Problem[] {
  const problems: Problem[] = [];
  walkStrings(source.data, (path, value) => {
    const match = PLACEHOLDER_PATTERN.exec(value);
    if (match) {
      problems.push({
        severity: 'warning',
        code: 'placeholder',
        at: source.locate(path),
        path: formatPath(path),
        message: `placeholder ${match[0]} is still in the data`,
        hint: 'replace it with the real fact before sending (--strict makes this an error)',
      });
    }
  });
  return problems;
}
