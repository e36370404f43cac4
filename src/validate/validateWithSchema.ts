import type { z } from 'zod';
import type { Problem } from '../core/problems.js';
import type { DataPath, YamlSource } from '../load/parseYaml.js';

type Issue = z.core.$ZodIssue;

/**
 * Checks parsed data against a zod schema and turns every issue into a located problem
 * (file:line:col, data path, what was expected, a hint). Never throws.
 */
export function validateWithSchema<S extends z.ZodType>(source: YamlSource, schema: S): { value?: z.output<S>; problems: Problem[] } {
  const result = schema.safeParse(source.data);
  if (result.success) return { value: result.data, problems: [] };
  return { problems: result.error.issues.map((issue) => toProblem(source, issue)) };
}

function toProblem(source: YamlSource, raw: Issue): Problem {
  const issue = mostSpecific(raw);
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
  const at = unknownKey !== undefined ? source.locate([...path, unknownKey], 'key') : source.locate(path);
  return {
    severity: 'error',
    code: 'schema',
    at,
    path: formatPath(unknownKey !== undefined ? [...path, unknownKey] : path),
    message: describe(issue, valueAt(source.data, path)),
    hint: hintFor(issue),
  };
}

/** A union failure is reported through the branch that got furthest, which says what was meant. */
function mostSpecific(issue: Issue): Issue {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return issue;
  const branches = issue.errors.filter((b) => b.length > 0);
  // A branch failing only on its type did not match at all; prefer one that matched the shape.
  const shaped = branches.filter((b) => !(b.length === 1 && b[0]!.code === 'invalid_type' && b[0]!.path.length === 0));
  const chosen = (shaped.length > 0 ? shaped : []).sort((a, b) => a.length - b.length)[0];
  if (!chosen) return { ...issue, message: `expected ${branches.map((b) => b[0] && b[0].code === 'invalid_type' ? b[0].expected : 'value').join(' or ')}` } as Issue;
  const first = chosen[0]!;
  return mostSpecific({ ...first, path: [...issue.path, ...first.path] } as Issue);
}

function describe(issue: Issue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined ? `${issue.expected} is required here` : `expected ${issue.expected}, got ${kindOf(value)}`;
    case 'unrecognized_keys':
      return `unknown key "${issue.keys.join('", "')}"`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(value)}`;
    case 'invalid_format':
      return `${issue.message}${value !== undefined ? `, got ${JSON.stringify(value)}` : ''}`;
    default:
      return issue.message;
  }
}

function hintFor(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'custom':
      // A schema's own check may carry the hint for what to write (e.g. a theme token's range).
      return typeof issue.params?.hint === 'string' ? issue.params.hint : undefined;
    case 'too_small':
    case 'too_big':
      if (issue.origin !== 'number') return undefined;
      return issue.code === 'too_small' ? `write a number of at least ${issue.minimum}` : `write a number of at most ${issue.maximum}`;
    case 'invalid_type':
      return issue.expected === 'array' ? 'write a list: one "- item" per line' : issue.expected === 'string' ? 'write plain text (quote it if it looks like a number or date)' : undefined;
    case 'unrecognized_keys':
      return 'check the spelling; see the README for the keys this file takes';
    case 'invalid_format':
      return 'or write a placeholder like "[TODO: what is missing]" and fill it in later';
    default:
      return undefined;
  }
}

const kindOf = (value: unknown): string => (value === null ? 'null (an empty value)' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'a mapping' : `${typeof value} ${JSON.stringify(value)}`);

function valueAt(data: unknown, path: DataPath): unknown {
  let node = data;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

export const formatPath = (path: DataPath): string => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
