import path from 'node:path';
import matter from 'gray-matter';
import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { Problem } from '../core/problems.js';
import { displayPath } from '../core/paths.js';
import { codePointsBetween } from '../core/textPosition.js';
import { parseYaml, type YamlSource } from './parseYaml.js';
import { memoByText } from '../core/memoByText.js';
import { listFolder, PAGE_FILE_LIMIT, readSourceFile } from './readSourceFile.js';
import { LANGS, type Lang } from '../core/langs.js';

/** One portfolio page, parsed but not validated: front matter with positions, body as mdast. */
export interface ProjectSource {
  /** Path as shown to the user. */
  file: string;
  /** Absolute path: relative image paths resolve against its folder. */
  path: string;
  /** The file name without `.md` (and without a language suffix), NFC-normalised (macOS may hand out decomposed Hangul). */
  fileId: string;
  /** `ilogyo.en.md`: the English version of the page `ilogyo` (beside `ilogyo.md`). */
  variantLang?: Lang;
  /** Absent when the page has no front matter (pages written for a site often have none). */
  frontMatter?: YamlSource;
  /** The markdown body; positions are lines and columns of the whole file, front matter included. */
  body: Root;
}

export const PROJECTS_DIR = 'projects';

/** Files starting with `_` or `.` are drafts or editor files, not pages. */
const isPage = (name: string) => name.endsWith('.md') && !/^[_.]/.test(name);

/** Reads every `projects/*.md` page of the data folder, in file-name order. A missing folder is no page. */
export function loadProjects(dataDir: string): { pages: ProjectSource[]; problems: Problem[] } {
  const dir = path.join(dataDir, PROJECTS_DIR);
  const problems: Problem[] = [];
  const pages: ProjectSource[] = [];
  for (const name of listFolder(dir, problems).filter(isPage)) {
    const file = path.join(dir, name);
    const read = readSourceFile(file, PAGE_FILE_LIMIT);
    if (!read.ok) {
      problems.push(read.problem);
      continue;
    }
    const parsed = parseProjectPageOnce(file, read.text);
    problems.push(...parsed.problems);
    if (parsed.page) pages.push(parsed.page);
  }
  return { pages, problems };
}

/** Front matter languages that are data. JavaScript or CoffeeScript front matter would run code: refused. */
const DATA_LANGUAGES = new Set(['', 'yaml', 'yml', 'json']);

/** Parses one page's text; `file` is its absolute path. */
const parseProjectPageOnce = memoByText((file: string, text: string) => parseProjectPage(file, text));

export function parseProjectPage(file: string, text: string): { page?: ProjectSource; problems: Problem[] } {
  const shown = displayPath(file);
  const refuseCode = (language: string) => () => {
    throw new Error(`front matter in ${language} is code, not data`);
  };
  let split: matter.GrayMatterFile<string>;
  try {
    // Our own YAML parser reads the front matter (it keeps positions); gray-matter only finds the
    // block. Engines that evaluate code are replaced by ones that refuse.
    split = matter(text, { engines: { yaml: () => ({}), javascript: refuseCode('JavaScript'), coffee: refuseCode('CoffeeScript') } });
  } catch (err) {
    return {
      problems: [
        {
          severity: 'error',
          code: 'front-matter-language',
          at: { file: shown, line: 1, col: 1 },
          message: (err as Error).message,
          hint: 'write the front matter in YAML between two --- lines',
        },
      ],
    };
  }
  const language = ((split as { language?: string }).language ?? '').toLowerCase();
  if (!DATA_LANGUAGES.has(language)) {
    return {
      problems: [
        {
          severity: 'error',
          code: 'front-matter-language',
          at: { file: shown, line: 1, col: 4 },
          message: `front matter in "${language}" is not supported`,
          hint: 'write the front matter in YAML between two --- lines',
        },
      ],
    };
  }

  const problems: Problem[] = [];
  let frontMatter: YamlSource | undefined;
  const matterText = split.matter ?? '';
  if (matterText.trim() !== '') {
    // The block starts on the opening `---` line, so its line numbers are already the file's.
    const parsed = parseYaml(shown, matterText);
    problems.push(...parsed.problems);
    if (parsed.problems.some((p) => p.severity === 'error')) return { problems };
    frontMatter = parsed.source;
  }

  // Blank lines in place of the front matter keep every markdown position a position in the file.
  const bodyStart = text.length - split.content.length;
  const linesBefore = text.slice(0, bodyStart).split('\n').length - 1;
  const deep = tooDeeplyNested(split.content);
  if (deep) {
    problems.push({
      severity: 'error',
      code: 'markdown-too-deep',
      at: { file: shown, line: linesBefore + deep.line, col: 1 },
      message: `quotes and lists are nested more than ${MAX_NESTING} levels deep here, so the page is not read`,
      hint: 'a page nests a few levels at most: check for a run of > or - markers',
    });
    return { problems };
  }
  const source = '\n'.repeat(linesBefore) + split.content;
  const body = fromMarkdown(source, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  columnsInCharacters(body, source);
  return { page: { file: shown, path: file, ...pageName(file), frontMatter, body }, problems };
}

/** `ilogyo.md` → `ilogyo`; `ilogyo.en.md` → `ilogyo` in English: a language version of the same page. */
function pageName(file: string): { fileId: string; variantLang?: Lang } {
  const name = path.basename(file, '.md').normalize('NFC');
  const suffix = /^(.+)\.([a-z]{2})$/.exec(name);
  const lang = LANGS.find((l) => l === suffix?.[2]);
  return lang ? { fileId: suffix![1]!, variantLang: lang } : { fileId: name };
}

/** micromark counts columns in UTF-16 units; a location counts characters (an emoji is one column). */
function columnsInCharacters(root: Root, source: string): void {
  if (!/[\ud800-\udbff]/.test(source)) return;
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const point of [node.position?.start, node.position?.end]) {
      if (point?.offset !== undefined) point.column = codePointsBetween(source, point.offset - (point.column - 1), point.offset) + 1;
    }
    if ('children' in node) stack.push(...node.children);
  }
}

/** Deeper nesting than this is no page anyone writes, and it would exhaust the markdown parser's stack. */
const MAX_NESTING = 32;

/** One container marker (`>`, `-`, `*`, `+`, `1.`) after up to three spaces, at the start of what is left of a line. */
const CONTAINER_MARKER = /^ {0,3}(?:>|[-*+](?=\s|$)|\d{1,9}[.)](?=\s|$))\s?/;

/** The first line (1-based, in `body`) whose quote/list markers and indentation nest deeper than the limit; fenced code aside. */
function tooDeeplyNested(body: string): { line: number } | undefined {
  let fence: string | undefined;
  const lines = body.split('\n');
  for (const [i, line] of lines.entries()) {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (!fence || marker.startsWith(fence))) {
      fence = fence ? undefined : marker;
      continue;
    }
    if (fence) continue;
    const indent = /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length;
    let depth = Math.floor(indent / 2);
    let rest = line;
    for (let m = CONTAINER_MARKER.exec(rest); m && m[0] !== '' && depth <= MAX_NESTING; m = CONTAINER_MARKER.exec(rest)) {
      depth++;
      rest = rest.slice(m[0].length);
    }
    if (depth > MAX_NESTING) return { line: i + 1 };
  }
  return undefined;
}
