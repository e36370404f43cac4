import type { z } from 'zod';
import type { Problem } from '../core/problems.js';
import { closestName } from '../core/closestName.js';
import { LANGS, type Lang } from '../core/langs.js';
import type { CommaSplitKey, DataPath, YamlSource } from '../load/parseYaml.js';
import { DATE_FORMS_HINT } from '../core/dates.js';
import { DATE_KEYS } from './schema/primitives.js';

type Issue = z.core.$ZodIssue;

/**
 * Checks parsed data against a zod schema and turns every issue into a located problem
 * (file:line:col, data path, what was expected, a hint). Never throws.
 */
export function validateWithSchema<S extends z.ZodType>(source: YamlSource, schema: S): { value?: z.output<S>; problems: Problem[] } {
  const data = datesAsWritten(source);
  const splits = source.commaSplitKeys.map((split) => commaSplitProblem(source, split));
  const result = schema.safeParse(data);
  if (result.success) return { value: result.data, problems: splits };
  const issues = result.error.issues.map(mostSpecific).flatMap((issue) => withoutCommaSplitKeys(source, issue));
  return { problems: [...splits, ...issues.map((issue) => toProblem(source, data, issue, schema))] };
}

/**
 * The data with each date that YAML read as a number (`2021.09`; `2020.10` is the number 2020.1)
 * replaced by the text as written, so that a date is read from what the user typed.
 */
function datesAsWritten(source: YamlSource): unknown {
  const rewrite = (value: unknown, path: (string | number)[]): unknown => {
    if (Array.isArray(value)) return value.map((item, i) => rewrite(item, [...path, i]));
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, child]) => [
        key,
        typeof child === 'number' && DATE_KEYS.has(key) ? (source.written([...path, key]) ?? String(child)) : rewrite(child, [...path, key]),
      ]),
    );
  };
  return rewrite(source.data, []);
}

/** `{ en: Grand prize, internal hackathon }`: the comma ended the text, and its rest became a key with no value. */
function commaSplitProblem(source: YamlSource, split: CommaSplitKey): Problem {
  const whole = `${split.before}, ${split.key}`;
  return {
    severity: 'error',
    code: 'schema',
    at: source.locate(split.path, 'key'),
    path: formatPath(split.path),
    message: `"${split.key}" became a key of its own: in a { } mapping a comma ends a value, so "${split.valueKey}: ${whole}" was read as ${split.valueKey}: "${split.before}" and a key "${split.key}" with no value`,
    hint: `quote the text: ${split.valueKey}: "${whole}"`,
  };
}

/** A comma-split key is reported as such (commaSplitProblem), not as an unknown key to check the spelling of. */
function withoutCommaSplitKeys(source: YamlSource, issue: Issue): Issue[] {
  if (issue.code !== 'unrecognized_keys') return [issue];
  const split = new Set(source.commaSplitKeys.map((s) => JSON.stringify(s.path)));
  const keys = issue.keys.filter((key) => !split.has(JSON.stringify([...issue.path, key])));
  return keys.length > 0 ? [{ ...issue, keys }] : [];
}

function toProblem(source: YamlSource, data: unknown, issue: Issue, schema: z.ZodType): Problem {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
  const at = unknownKey !== undefined ? source.locate([...path, unknownKey], 'key') : source.locate(path);
  const site: Site = {
    value: valueAt(data, path),
    parent: valueAt(data, path.slice(0, -1)),
    key: path.at(-1),
    parentInList: typeof path.at(-2) === 'number',
    written: source.written(path),
  };
  return {
    severity: 'error',
    code: 'schema',
    at,
    path: formatPath(unknownKey !== undefined ? [...path, unknownKey] : path),
    message: describe(issue, site),
    hint: unknownKey !== undefined ? unknownKeyHint(unknownKey, keysAt(schema, path)) : hintFor(issue, site),
  };
}

/** `hedline` → did you mean "headline"?, with the keys the mapping takes. */
function unknownKeyHint(key: string, known: readonly string[]): string {
  const close = closestName(key, known);
  if (close) return `did you mean "${close}"? (this mapping takes ${known.join(', ')})`;
  return known.length > 0 ? `check the spelling: this mapping takes ${known.join(', ')}` : 'check the spelling; see the README for the keys this file takes';
}

/** The keys the mapping at `path` of a schema takes, found by walking the schema (through optional, default, pipe, union, list, record). */
function keysAt(schema: z.ZodType, path: DataPath): string[] {
  let nodes: z.core.$ZodType[] = [schema];
  const unwrap = (node: z.core.$ZodType): z.core.$ZodType[] => {
    const def = node._zod.def as { type: string; innerType?: z.core.$ZodType; in?: z.core.$ZodType; options?: z.core.$ZodType[] };
    if ((def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault') && def.innerType)
      return unwrap(def.innerType);
    if (def.type === 'pipe' && def.in) return unwrap(def.in);
    if (def.type === 'union' && def.options) return def.options.flatMap(unwrap);
    return [node];
  };
  for (const segment of path) {
    nodes = nodes.flatMap(unwrap).flatMap((node): z.core.$ZodType[] => {
      const def = node._zod.def as { type: string; shape?: Record<string, z.core.$ZodType>; element?: z.core.$ZodType; valueType?: z.core.$ZodType };
      if (def.type === 'object' && typeof segment === 'string' && def.shape?.[segment]) return [def.shape[segment]!];
      if (def.type === 'array' && typeof segment === 'number' && def.element) return [def.element];
      if (def.type === 'record' && def.valueType) return [def.valueType];
      return [];
    });
  }
  const shapes = nodes.flatMap(unwrap).map((node) => (node._zod.def as { type: string; shape?: Record<string, unknown> }).shape);
  return [...new Set(shapes.flatMap((shape) => (shape ? Object.keys(shape) : [])))];
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

/** Where an issue is: the value there (dates as written), its parent, its key, and how the scalar was written. */
interface Site {
  value: unknown;
  parent: unknown;
  key: string | number | undefined;
  /** The parent is an item of a list (`- { ko, en }`). */
  parentInList: boolean;
  written: string | undefined;
}

/** `{ ko: …, en: … }`: text in one or two languages. */
export const isLocalised = (value: unknown): value is Partial<Record<Lang, unknown>> =>
  value !== null &&
  typeof value === 'object' &&
  !Array.isArray(value) &&
  Object.keys(value).length > 0 &&
  Object.keys(value).every((key) => (LANGS as readonly string[]).includes(key));

/** A localised object written where an object that holds it under `key` was meant: `- { ko, en }` for `- text: { ko, en }`. */
const localisedWithoutKey = (issue: Issue, site: Site): site is Site & { key: string; parent: Partial<Record<Lang, unknown>> } =>
  (issue.code === 'invalid_type' || issue.code === 'invalid_union') && site.value === undefined && site.key === 'text' && isLocalised(site.parent);

/** A localised object where one plain text is taken (a keyword, a phone number). */
const localisedForPlainText = (issue: Issue, site: Site): boolean => issue.code === 'invalid_type' && issue.expected === 'string' && isLocalised(site.value);

function describe(issue: Issue, site: Site): string {
  const { value, written } = site;
  if (localisedWithoutKey(issue, site))
    return `text in two languages goes under "${site.key}:" here; got { ${Object.keys(site.parent).join(', ')} } without it`;
  if (localisedForPlainText(issue, site)) return `expected one plain text, got text in two languages ({ ${Object.keys(value as object).join(', ')} })`;
  switch (issue.code) {
    case 'invalid_union':
      return value === undefined ? `${issue.message}; nothing is written here` : `${issue.message}; got ${kindOf(value, written)}`;
    case 'invalid_type':
      return value === undefined ? `${expectedOf(issue)} is required here` : `expected ${expectedOf(issue)}, got ${kindOf(value, written)}`;
    case 'unrecognized_keys':
      return `unknown key "${issue.keys.join('", "')}"`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${quoted(value)}`;
    case 'invalid_format':
      return `${issue.message}${value !== undefined ? `, got ${quoted(value)}` : ''}`;
    default:
      return issue.message;
  }
}

/** A short example of a value, for a hint. */
const shown = (value: unknown): string => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
};

/** `key: ` for a mapping's value, `- ` for a list item: how the fix is written in the file. */
const lead = (key: string | number | undefined): string => (typeof key === 'string' ? `${key}: ` : '- ');

function hintFor(issue: Issue, site: Site): string | undefined {
  const { value, written, key } = site;
  if (localisedWithoutKey(issue, site)) {
    const langs = Object.entries(site.parent).map(([lang, text]) => `${lang}: ${shown(text)}`);
    return `put the languages under ${site.key}:, e.g. ${site.parentInList ? '- ' : ''}${site.key}: { ${langs.join(', ')} }`;
  }
  if (localisedForPlainText(issue, site)) {
    const first = Object.values(value as object)[0];
    return `this takes the same text in every language: write one, e.g. ${lead(key)}${shown(first)}`;
  }
  // The file as a whole (`null`, `[1, 2]`, a line of text): no "- " item or key to fix, the file holds the wrong thing.
  if (key === undefined && value !== undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_union'))
    return 'write the file as a mapping of its fields, one `key: value` per line (in JSON: { "key": … })';
  if (issue.code === 'invalid_type' || issue.code === 'invalid_union') {
    // What was got says best what to do: nothing, an empty value, a number YAML read, a list or a mapping.
    if (value === undefined && typeof key === 'string' && (issue.code === 'invalid_union' || issue.expected === 'string'))
      return `add it: ${key}: ${DATE_KEYS.has(key) ? '2021.09' : 'your text'}`;
    if (value === null)
      return typeof key === 'string'
        ? `write the value after the colon (e.g. ${key}: ${DATE_KEYS.has(key) ? '2021.09' : 'your text'}), or remove the line`
        : 'write the item after "- ", or remove the line';
    if (typeof key === 'string' && DATE_KEYS.has(key) && value !== null && typeof value !== 'number') return DATE_FORMS_HINT;
    if ((typeof value === 'number' || typeof value === 'boolean') && (issue.code === 'invalid_union' || issue.expected === 'string'))
      return `quote it to keep it as text: ${typeof key === 'string' ? `${key}: ` : ''}"${written ?? String(value)}"`;
    if (Array.isArray(value) && !(issue.code === 'invalid_type' && issue.expected === 'array'))
      return 'write one value here, not a list (no "- " lines, no [ ])';
    if (typeof value === 'object' && value !== null && !Array.isArray(value) && issue.code === 'invalid_union')
      return 'write one value here, not a mapping of keys';
  }
  switch (issue.code) {
    case 'custom':
      // A schema's own check may carry the hint for what to write (e.g. a theme token's range, a date's form).
      return typeof issue.params?.hint === 'string' ? issue.params.hint : undefined;
    case 'too_small':
    case 'too_big':
      if (issue.origin !== 'number') return undefined;
      // `positive()` is a minimum of 0 that 0 itself fails.
      if (issue.code === 'too_small')
        return issue.inclusive === false ? `write a number above ${issue.minimum}` : `write a number of at least ${issue.minimum}`;
      return issue.inclusive === false ? `write a number below ${issue.maximum}` : `write a number of at most ${issue.maximum}`;
    case 'invalid_type':
      return issue.expected === 'array'
        ? `write a list: one "- item" per line under ${lead(key).trim()}`
        : issue.expected === 'string'
          ? `write plain text, e.g. ${lead(key)}"…" (quote it if it looks like a number or date)`
          : undefined;
    case 'invalid_format':
      // A placeholder passes the formats of facts (a URL, an email), which take one; an id or a size is no fact to fill in later.
      return issue.format === 'regex' ? undefined : 'or write a placeholder like "[TODO: what is missing]" and fill it in later';
    default:
      return undefined;
  }
}

/** What a value is, as it was written where that says more (`~`, `2021.10`, which YAML reads as 2021.1). */
function kindOf(value: unknown, written?: string): string {
  if (value === undefined) return 'nothing';
  if (value === null) return written === '' || written === undefined ? 'nothing (an empty value)' : `${written} (an empty value)`;
  if (Array.isArray(value)) return `a list (${value.length} item${value.length === 1 ? '' : 's'})`;
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${written ?? JSON.stringify(value)}`;
  return `${typeof value} ${quoted(value)}`;
}

/** A value as the message quotes it: a long text cut (a whole file pasted where a mapping goes made a 3 KB message), with its length. */
function quoted(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  if (typeof value !== 'string' || value.length <= 80) return text;
  return `${JSON.stringify(Array.from(value).slice(0, 60).join('')).slice(0, -1)}…" (${value.length.toLocaleString('en-US')} characters)`;
}

/** The value at a data path of parsed data, or undefined. */
export function valueAt(data: unknown, path: DataPath): unknown {
  let node = data;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

export const formatPath = (path: DataPath): string => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
