import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Problem, SourceLocation } from '../core/problems.js';

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
}

/** Aliases beyond this count are refused: the "billion laughs" alias bomb expands exponentially. */
const MAX_ALIAS_COUNT = 200;

/**
 * Parses YAML (JSON is valid YAML) keeping source positions. All syntax errors are returned,
 * not just the first; `data` is undefined when there are any.
 */
export function parseYaml(file: string, text: string): { source: YamlSource; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const at = (offset: number): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, col };
  };
  const problems: Problem[] = [];
  for (const err of doc.errors) {
    problems.push({ severity: 'error', code: 'yaml-syntax', at: at(err.pos[0]), message: yamlMessage(err.code, err.message), hint: yamlHint(err.code) });
  }
  let data: unknown;
  if (problems.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (err) {
      problems.push({ severity: 'error', code: 'yaml-alias', at: at(0), message: (err as Error).message, hint: 'use fewer anchors/aliases (*name); write the values out instead' });
    }
  }
  return { source: { file, data, text, locate: (path, part = 'value') => locateIn(doc, path, part, at) }, problems };
}

function locateIn(doc: Document, path: DataPath, part: 'key' | 'value', at: (offset: number) => SourceLocation): SourceLocation {
  let node: unknown = doc.contents;
  let best: { range?: [number, number, number] | null } | null = (node as Node | null) ?? null;
  for (const [i, segment] of path.entries()) {
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
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

const yamlMessage = (code: string, message: string): string => {
  const first = message.split('\n')[0] ?? message;
  return first.replace(/ at line \d+, column \d+:?$/, '');
};

function yamlHint(code: string): string | undefined {
  switch (code) {
    case 'TAB_AS_INDENT':
      return 'indent with spaces; YAML does not allow tabs for indentation';
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
