import type { Nodes } from 'mdast';
import { MONO_FAMILIES, type FontFamilyName } from '../core/fonts.js';
import { codePoints, stacksHave, undrawable } from '../core/glyphCoverage.js';
import type { Problem, SourceLocation } from '../core/problems.js';
import { codePointsBetween } from '../core/textPosition.js';
import { walkStrings } from '../core/walkStrings.js';
import type { ProjectSource } from '../load/loadProjects.js';
import type { DataPath, YamlSource } from '../load/parseYaml.js';
import { locateInValue } from './claimTexts.js';
import { formatPath } from './validateWithSchema.js';

/** Keys whose values are handles, paths or settings, never drawn as text. */
export const NOT_DRAWN = new Set([
  '$schema',
  'id',
  'image',
  'cover',
  'include',
  'exclude',
  'order',
  'focus',
  'sections',
  'limits',
  'pages',
  'theme',
  'lang',
  'portfolio',
  'roles',
  'count',
  'newline',
]);

/** A string that will be drawn, the stacks that may draw it, and where each of its characters was written. */
export interface DrawnText {
  text: string;
  stacks: readonly (readonly FontFamilyName[])[];
  locate(offset: number, length: number): SourceLocation;
  /** The data path, for YAML values. */
  path?: string;
}

/** Occurrences of one character reported per file; the last one says how many more there are. */
const SHOWN_PER_FILE = 3;

/**
 * Glyph coverage: every character of every string that will be drawn — the YAML files' text,
 * the answer blocks, the portfolio pages' front matter and markdown (code in the code font's
 * stack) — must exist in a font of its stack. A character no font has is an error (it would
 * print as garbage, or the build would drop meaning); an emoji is a warning: it is left out of
 * the PDF (see drawableText). Each is reported with its code points at its file:line:col.
 */
export function checkGlyphs(texts: readonly DrawnText[]): Problem[] {
  const found = new Map<string, { at: SourceLocation; path?: string; cluster: string; emoji: boolean; stacks: DrawnText['stacks'] }[]>();
  for (const text of texts) {
    for (const missing of undrawable(text.text, text.stacks)) {
      // LRM, RLO, ZWSP…: they draw nothing, so no glyph is missing (drawableText leaves them out).
      if (missing.formatOnly) continue;
      const at = text.locate(missing.offset, missing.cluster.length);
      const key = `${at.file}\u0000${missing.cluster}`;
      const uses = found.get(key) ?? [];
      if (uses.length === 0) found.set(key, uses);
      uses.push({ at, path: text.path, cluster: missing.cluster, emoji: missing.emoji, stacks: text.stacks });
    }
  }
  const problems: Problem[] = [];
  for (const uses of found.values()) {
    uses.slice(0, SHOWN_PER_FILE).forEach((use, i) => {
      const more =
        i === SHOWN_PER_FILE - 1 && uses.length > SHOWN_PER_FILE
          ? ` (and ${uses.length - SHOWN_PER_FILE} more use${uses.length - SHOWN_PER_FILE === 1 ? '' : 's'} in this file)`
          : '';
      const problem = use.emoji ? emojiProblem(use.cluster, use.at, more) : missingGlyphProblem(use.cluster, use.at, use.stacks, more);
      problems.push(use.path ? { ...problem, path: use.path } : problem);
    });
  }
  return problems;
}

const shown = (cluster: string) => `"${cluster}" (${codePoints(cluster)})`;
const stackNames = (stacks: DrawnText['stacks']) => [...new Set(stacks.flat())].join(', ');

function emojiProblem(cluster: string, at: SourceLocation, more: string): Problem {
  return {
    severity: 'warning',
    code: 'emoji',
    at,
    message: `emoji ${shown(cluster)} cannot be drawn: no font here has emoji, so it is left out of the PDF${more}`,
    hint: 'write it in words or remove it; the paste-ready answers (.txt) keep it as written',
  };
}

function missingGlyphProblem(cluster: string, at: SourceLocation, stacks: DrawnText['stacks'], more: string): Problem {
  const codeFontHasIt = [...cluster].every((ch) => stacksHave([MONO_FAMILIES], ch.codePointAt(0)!));
  return {
    severity: 'error',
    code: 'missing-glyph',
    at,
    message: `the character ${shown(cluster)} is in none of the fonts that draw this text (${stackNames(stacks)}): it would print as garbage${more}`,
    hint: codeFontHasIt
      ? 'only the code font has it: put it inside `code` on a portfolio page, or replace it'
      : 'replace it with a character the fonts have (or words), or remove it',
  };
}

/** Every string a run will draw: the YAML files' text, the portfolio pages' front matter and markdown. */
export function drawnTexts(
  sources: { yaml: readonly YamlSource[]; pages: readonly ProjectSource[] },
  textStacks: readonly (readonly FontFamilyName[])[],
): DrawnText[] {
  return [...sources.yaml.flatMap((source) => yamlDrawn(source, textStacks)), ...sources.pages.flatMap((page) => pageDrawn(page, textStacks))];
}

function yamlDrawn(source: YamlSource, stacks: DrawnText['stacks']): DrawnText[] {
  const texts: DrawnText[] = [];
  walkStrings(source.data, (path: DataPath, value: string) => {
    if (path.some((key) => NOT_DRAWN.has(String(key)))) return;
    texts.push({ text: value, stacks, path: formatPath(path), locate: (offset, length) => locateInValue({ source, path, value, offset: 0 }, offset, length) });
  });
  return texts;
}

/** The page's front matter strings and the markdown's text, code and image descriptions. */
function pageDrawn(page: ProjectSource, textStacks: DrawnText['stacks']): DrawnText[] {
  const texts = page.frontMatter ? yamlDrawn(page.frontMatter, textStacks) : [];
  const visit = (node: Nodes) => {
    const start = node.position?.start ?? { line: 1, column: 1 };
    if (node.type === 'text')
      texts.push({ text: node.value, stacks: textStacks, locate: (offset) => inLines(page.file, node.value, offset, start.line, start.column) });
    else if (node.type === 'inlineCode')
      texts.push({ text: node.value, stacks: [MONO_FAMILIES], locate: (offset) => inLines(page.file, node.value, offset, start.line, start.column + 1) });
    else if (node.type === 'code') {
      // A fenced block's text starts on the line after the fence.
      const fenced = (node.position?.end.line ?? start.line) - start.line + 1 > node.value.split('\n').length;
      texts.push({
        text: node.value,
        stacks: [MONO_FAMILIES],
        locate: (offset) => inLines(page.file, node.value, offset, start.line + (fenced ? 1 : 0), start.column),
      });
    } else if (node.type === 'image' && node.alt)
      texts.push({ text: node.alt, stacks: textStacks, locate: () => ({ file: page.file, line: start.line, col: start.column + 2 }) });
    if ('children' in node) node.children.forEach(visit);
  };
  visit(page.body);
  return texts;
}

/** file:line:col of `offset` in a value written from (line, col) on, line for line; columns in characters. */
function inLines(file: string, value: string, offset: number, line: number, col: number): SourceLocation {
  const lines = value.slice(0, offset).split('\n');
  const last = lines.at(-1)!;
  return lines.length === 1
    ? { file, line, col: col + codePointsBetween(last, 0, last.length) }
    : { file, line: line + lines.length - 1, col: codePointsBetween(last, 0, last.length) + 1 };
}
