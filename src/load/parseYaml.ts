import {
  isAlias,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  Scalar,
  visit,
  type Document,
  type Node,
  type Pair,
  type YAMLMap,
} from 'yaml';
import type { Problem, SourceLocation } from '../core/problems.js';
import { codePointsBetween } from '../core/textPosition.js';

export type DataPath = readonly (string | number)[];

/** A parsed YAML (or JSON) file that can say where any value of it was written. */
export interface YamlSource {
  /** Path as shown to the user. */
  file: string;
  data: unknown;
  /** The text as read, for pointing inside a long value (e.g. at one figure in a paragraph). */
  text: string;
  /** The position of the value at `path`, or of its nearest existing ancestor. */
  locate(path: DataPath, part?: 'key' | 'value'): SourceLocation;
  /** In JSON (a model's hash, cache/documentShows.ts), a source is its file, not its whole text. */
  toJSON(): string;
  /** How the scalar at `path` was written (`~`, `2021.10`, `""`), for messages; '' for a key with no value. */
  written(path: DataPath): string | undefined;
  /** Keys that a comma made out of unquoted text in a { } mapping (`{ en: Grand prize, internal hackathon }`). */
  commaSplitKeys: readonly CommaSplitKey[];
}

/** In `{ en: Grand prize, internal hackathon }`: path …internal hackathon, key `internal hackathon`, valueKey `en`, before `Grand prize`. */
export interface CommaSplitKey {
  path: DataPath;
  key: string;
  valueKey: string;
  before: string;
}

/** Aliases beyond this count are refused: the "billion laughs" alias bomb expands exponentially. */
const MAX_ALIAS_COUNT = 200;

/** A file this broken gets its first syntax errors shown, not thousands. */
const MAX_SYNTAX_ERRORS = 20;

/** Career data nests a few levels; hundreds would only exhaust the stack of every later step. */
const MAX_DEPTH = 64;

const tooDeep = (at: SourceLocation): Problem => ({
  severity: 'error',
  code: 'yaml-too-deep',
  at,
  message: `values are nested more than ${MAX_DEPTH} levels deep here, so the file is not read`,
  hint: 'career data nests a few levels (work → entry → highlights); check for unclosed [ or { and runaway indentation',
});

/** The offset of the first node nested deeper than MAX_DEPTH, walked without recursion. */
function firstTooDeep(doc: Document): number | undefined {
  const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth > MAX_DEPTH) return node.range?.[0] ?? 0;
    for (const item of node.items) stack.push({ node: isPair(item) ? item.value : item, depth: depth + 1 });
  }
  return undefined;
}

/**
 * Parses YAML (JSON is valid YAML) keeping source positions. All syntax errors are returned,
 * not just the first; `data` is undefined when there are any.
 */
export function parseYaml(file: string, text: string): { source: YamlSource; problems: Problem[] } {
  const lineCounter = new LineCounter();
  // merge: `<<: *job` merges the anchored mapping, as YAML 1.1 and most tools do.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true, merge: true });
  const at = (offset: number): SourceLocation => {
    const { line } = lineCounter.linePos(offset);
    return { file, line, col: codePointsBetween(text, lineCounter.lineStarts[line - 1] ?? 0, offset) + 1 };
  };
  // The parser runs out of stack on runaway nesting: one "too deep" says it, not one per level.
  const overflowed = doc.errors.find((err) => /call stack/i.test(err.message));
  const syntax = doc.errors.filter((err) => err !== overflowed && !/call stack/i.test(err.message));
  const problems: Problem[] = overflowed ? [tooDeep(at(overflowed.pos[0]))] : [];
  problems.push(
    ...syntax.slice(0, MAX_SYNTAX_ERRORS).map(
      (err): Problem => ({
        severity: 'error',
        code: 'yaml-syntax',
        at: at(err.pos[0]),
        message:
          err.code === 'DUPLICATE_KEY'
            ? `the key ${JSON.stringify(keyAt(text, err.pos[0]))} appears twice in this mapping`
            : err.code === 'MULTIPLE_DOCS'
              ? 'a second YAML document starts here (a --- line after content): a file holds one document'
              : yamlMessage(err.code, err.message),
        hint: yamlHint(err.code),
      }),
    ),
  );
  if (syntax.length > MAX_SYNTAX_ERRORS)
    problems.at(-1)!.message += ` (and ${syntax.length - MAX_SYNTAX_ERRORS} more syntax errors in this file: fix these first)`;
  const deep = problems.length === 0 ? firstTooDeep(doc) : undefined;
  if (deep !== undefined) problems.push(tooDeep(at(deep)));
  if (problems.length === 0) problems.push(...unsupportedTags(doc, text, at), ...selfReferences(doc, at));
  let data: unknown;
  if (problems.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch {
      problems.push({
        severity: 'error',
        code: 'yaml-alias',
        at: at(explodingAlias(doc)),
        message: `aliases (*name) here expand to more than ${MAX_ALIAS_COUNT} copies of anchored values (&name): the pattern of a "billion laughs" alias bomb, so the file is not read`,
        hint: 'write the values out instead of nesting aliases of aliases',
      });
    }
  }
  return {
    source: {
      file,
      data,
      text,
      locate: (path, part = 'value') => locateIn(doc, path, part, at),
      written: (path) => writtenIn(doc, text, path),
      commaSplitKeys: data === undefined ? [] : commaSplitKeys(doc),
      toJSON: () => file,
    },
    problems,
  };
}

/** The tags of plain data: `!!str 2021` (text, not a number) is useful; others are not data. */
const DATA_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

/** `!!binary`, `!!set`, `!foo`: a type career data has no use for, each refused at its tag. */
function unsupportedTags(doc: Document, text: string, at: (offset: number) => SourceLocation): Problem[] {
  const problems: Problem[] = [];
  visit(doc, (_key, node) => {
    if (!isNode(node) || !node.tag || DATA_TAGS.has(node.tag)) return;
    // The tag is written before the value's range: the last `!` before it.
    let start = text.lastIndexOf('!', node.range?.[0] ?? 0);
    while (start > 0 && text[start - 1] === '!') start--;
    const written = /^!\S*/.exec(text.slice(start))?.[0] ?? node.tag;
    problems.push({
      severity: 'error',
      code: 'yaml-tag',
      at: at(Math.max(start, 0)),
      message: `the tag ${written} is not supported: career data is text, numbers, lists and mappings`,
      hint: written.startsWith('!!binary')
        ? 'remove the tag and the encoded data; put a file (an image) in the data folder and write its path'
        : 'remove the tag and write the value as plain text (quote it if needed)',
    });
  });
  return problems;
}

/** `a: &x [*x]`: an alias inside the value it names would make a value that contains itself, without end. */
function selfReferences(doc: Document, at: (offset: number) => SourceLocation): Problem[] {
  const problems: Problem[] = [];
  visit(doc, {
    Alias(_key, alias) {
      const target = alias.resolve(doc);
      const [start, end] = [target?.range?.[0], target?.range?.[1]];
      const offset = alias.range?.[0];
      if (start === undefined || end === undefined || offset === undefined || offset < start || offset >= end) return;
      problems.push({
        severity: 'error',
        code: 'yaml-alias',
        at: at(offset),
        message: `the alias *${alias.source} is inside the value it names (&${alias.source}): that value would contain itself without end`,
        hint: `write the value out, or anchor (&${alias.source}) a value that does not contain this alias`,
      });
    },
  });
  return problems;
}

/**
 * Where an alias bomb starts: the first alias of an anchored value that itself holds aliases
 * (each level multiplies the copies), else the first alias.
 */
function explodingAlias(doc: Document): number {
  let first: number | undefined;
  let nested: number | undefined;
  visit(doc, {
    Alias(_key, alias) {
      first ??= alias.range?.[0];
      if (nested !== undefined) return visit.BREAK;
      let holdsAliases = false;
      const target = alias.resolve(doc);
      if (target) visit(target, { Alias: () => ((holdsAliases = true), visit.BREAK) });
      if (holdsAliases) nested = alias.range?.[0];
      return undefined;
    },
  });
  return nested ?? first ?? 0;
}

/**
 * A key with no value (not even a colon) right after a plain, unquoted value in a flow mapping:
 * the comma meant as part of the text ended the value, and the text after it became a key.
 */
function commaSplitKeys(doc: Document): CommaSplitKey[] {
  const found: (CommaSplitKey & { offset: number })[] = [];
  const stack: { node: unknown; path: DataPath }[] = [{ node: doc.contents, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (isSeq(node)) node.items.forEach((item, i) => stack.push({ node: item, path: [...path, i] }));
    if (!isMap(node)) continue;
    node.items.forEach((pair, i) => {
      if (!isScalar(pair.key)) return;
      const key = String(pair.key.value);
      const previous = node.items[i - 1];
      if (
        node.flow &&
        pair.value === null &&
        pair.key.type === Scalar.PLAIN &&
        previous &&
        isScalar(previous.key) &&
        isScalar(previous.value) &&
        previous.value.type === Scalar.PLAIN &&
        previous.value.source !== ''
      )
        found.push({
          path: [...path, key],
          key,
          valueKey: String(previous.key.value),
          before: String(previous.value.source),
          offset: pair.key.range?.[0] ?? 0,
        });
      else stack.push({ node: pair.value, path: [...path, key] });
    });
  }
  // In the order they were written.
  return found.sort((a, b) => a.offset - b.offset).map(({ offset: _offset, ...split }) => split);
}

function locateIn(doc: Document, path: DataPath, part: 'key' | 'value', at: (offset: number) => SourceLocation): SourceLocation {
  let node: unknown = doc.contents;
  let best: { range?: [number, number, number] | null } | null = (node as Node | null) ?? null;
  for (const [i, segment] of path.entries()) {
    const last = i === path.length - 1;
    // A value given by an alias (*job) was written at its anchor (&job).
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = pairIn(doc, node, String(segment));
      if (!pair) break;
      if (last && part === 'key' && isScalar(pair.key)) return at(pair.key.range?.[0] ?? 0);
      node = pair.value;
      // A key with no value (`email:`) has no value node: point at the key.
      best = (node as Node | null) ?? (pair.key as Node);
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      if (!node) break;
      best = node as Node;
    } else break;
  }
  return at(best?.range?.[0] ?? 0);
}

function writtenIn(doc: Document, text: string, path: DataPath): string | undefined {
  let node: unknown = doc.contents;
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = pairIn(doc, node, String(segment));
      if (!pair) return undefined;
      if (pair.value === null) return '';
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') node = node.items[segment];
    else return undefined;
  }
  return isScalar(node) && node.range ? text.slice(node.range[0], node.range[1]) : undefined;
}

/** The pair of a key in a mapping, or in the mappings it merges (`<<: *job`): a merged value was written at its anchor. */
function pairIn(doc: Document, map: YAMLMap, key: string, seen = new Set<YAMLMap>()): Pair | undefined {
  seen.add(map);
  const own = map.items.find((p) => isPair(p) && isScalar(p.key) && typeof p.key.value !== 'symbol' && String(p.key.value) === key);
  if (own) return own;
  // With `merge: true` the parser gives a merge key the value Symbol(<<).
  for (const merge of map.items.filter((p) => isPair(p) && isScalar(p.key) && typeof p.key.value === 'symbol')) {
    const sources = isSeq(merge.value) ? merge.value.items : [merge.value];
    for (const source of sources) {
      const merged = isAlias(source) ? source.resolve(doc) : source;
      const found = isMap(merged) && !seen.has(merged) ? pairIn(doc, merged, key, seen) : undefined;
      if (found) return found;
    }
  }
  return undefined;
}

/** The key written at `offset` (up to its colon), for messages. */
const keyAt = (text: string, offset: number): string => /^["']?([^:\n"']*)/.exec(text.slice(offset, offset + 200))![1]!.trim();

const yamlMessage = (_code: string, message: string): string => {
  const first = message.split('\n')[0] ?? message;
  return first.replace(/ at line \d+, column \d+:?$/, '');
};

function yamlHint(code: string): string | undefined {
  switch (code) {
    case 'TAB_AS_INDENT':
      return 'indent with spaces; YAML does not allow tabs for indentation';
    case 'MULTIPLE_DOCS':
      return 'remove this --- line (and a document above or below it, if it is another one); --- may only open the file';
    case 'DUPLICATE_KEY':
      return 'each key may appear once in a mapping: remove or rename one of them';
    case 'BAD_INDENT':
      return 'check the indentation of this line against the lines above it';
    case 'MISSING_CHAR':
      return 'a quote, bracket or brace opened here is not closed';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'a value that contains ": " must be quoted, e.g. title: "a: b"';
    case 'UNEXPECTED_TOKEN':
      return 'quote the value if it contains YAML punctuation (: # [ ] { } , & * !)';
    default:
      return 'check the YAML syntax near this position';
  }
}
