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
    message: describe(issue, valueAt(source.data, path), source.written(path)),
    hint: hintFor(issue, valueAt(source.data, path), source.written(path)),
  };
}

/** zod's own message for a union; the schema's unions say in words what to write instead (primitives.ts). */
const ZOD_UNION_MESSAGE = 'Invalid input';

/**
 * A union failure is reported through the branch that got furthest, which says what was meant;
 * when no branch matched the value's shape at all, as the union itself (what it takes, and what it got).
 */
function mostSpecific(issue: Issue): Issue {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return issue;
  const branches = issue.errors.filter((b) => b.length > 0);
  // A branch failing only on its type (or literal value) at its root did not match at all; prefer one that matched the shape.
  const shaped = branches.filter((b) => !(b.length === 1 && (b[0]!.code === 'invalid_type' || b[0]!.code === 'invalid_value') && b[0]!.path.length === 0));
  const chosen = shaped.sort((a, b) => a.length - b.length)[0];
  if (!chosen)
    return issue.message !== ZOD_UNION_MESSAGE
      ? issue
      : ({ ...issue, message: `expected ${[...new Set(branches.map((b) => expectedOf(b[0])))].join(' or ')}` } as Issue);
  const first = chosen[0]!;
  return mostSpecific({ ...first, path: [...issue.path, ...first.path] } as Issue);
}

/** A union branch's expectation in the words of the data file, not zod's type names. */
function expectedOf(issue: Issue | undefined): string {
  if (issue?.code === 'invalid_value') return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  if (issue?.code !== 'invalid_type') return 'another value';
  return (
    ({ string: 'text', number: 'a number', boolean: 'true or false', array: 'a list', object: 'a mapping' } as Record<string, string>)[issue.expected] ??
    issue.expected
  );
}

function describe(issue: Issue, value: unknown, written: string | undefined): string {
  switch (issue.code) {
    case 'invalid_union':
      return `${issue.message}; got ${kindOf(value, written)}`;
    case 'invalid_type':
      return value === undefined ? `${issue.expected} is required here` : `expected ${issue.expected}, got ${kindOf(value, written)}`;
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

function hintFor(issue: Issue, value: unknown, written: string | undefined): string | undefined {
  if (issue.code === 'invalid_type' || issue.code === 'invalid_union') {
    // What was got says best what to do: an empty value, a number YAML read, a list or a mapping.
    if (value === null) return 'write a value, or remove the key (or the list item)';
    if ((typeof value === 'number' || typeof value === 'boolean') && (issue.code === 'invalid_union' || issue.expected === 'string'))
      return `quote it to keep it as text: "${written ?? String(value)}"`;
    if (Array.isArray(value) && !(issue.code === 'invalid_type' && issue.expected === 'array'))
      return 'write one value here, not a list (no "- " lines, no [ ])';
    if (typeof value === 'object' && value !== null && !Array.isArray(value) && issue.code === 'invalid_union')
      return 'write one value here, not a mapping of keys';
  }
  switch (issue.code) {
    case 'custom':
      // A schema's own check may carry the hint for what to write (e.g. a theme token's range).
      return typeof issue.params?.hint === 'string' ? issue.params.hint : undefined;
    case 'too_small':
    case 'too_big':
      if (issue.origin !== 'number') return undefined;
      return issue.code === 'too_small' ? `write a number of at least ${issue.minimum}` : `write a number of at most ${issue.maximum}`;
    case 'invalid_type':
      return issue.expected === 'array'
        ? 'write a list: one "- item" per line'
        : issue.expected === 'string'
          ? 'write plain text (quote it if it looks like a number or date)'
          : undefined;
    case 'unrecognized_keys':
      return 'check the spelling; see the README for the keys this file takes';
    case 'invalid_format':
      return 'or write a placeholder like "[TODO: what is missing]" and fill it in later';
    default:
      return undefined;
  }
}

/** What a value is, as it was written where that says more (`~`, `2021.10`, which YAML reads as 2021.1). */
function kindOf(value: unknown, written?: string): string {
  if (value === null) return written === '' || written === undefined ? 'nothing (an empty value)' : `${written} (an empty value)`;
  if (Array.isArray(value)) return `a list (${value.length} item${value.length === 1 ? '' : 's'})`;
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${written ?? JSON.stringify(value)}`;
  return `${typeof value} ${JSON.stringify(value)}`;
}

function valueAt(data: unknown, path: DataPath): unknown {
  let node = data;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

export const formatPath = (path: DataPath): string => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
