import path from 'node:path';
import type { Nodes, Root } from 'mdast';
import type { Problem, SourceLocation } from '../core/problems.js';
import type { ProjectSource } from '../load/loadProjects.js';
import type { YamlSource } from '../load/parseYaml.js';
import { suggest } from './checkRoleReferences.js';
import { findPlaceholders } from './findPlaceholders.js';
import { plainText } from './mdastText.js';
import { PLACEHOLDER_PATTERN, type Lang, type Text } from './schema/primitives.js';
import type { Role } from './schema/role.js';
import { PROJECT_KEYS, projectFrontMatterSchema, projectId, type ProjectFrontMatter } from './schema/project.js';
import { resolveImage, type ImageResolution, type ImageRoots } from './resolveImage.js';
import { checkPageLength } from './flowLength.js';
import { validateWithSchema } from './validateWithSchema.js';

/** A validated portfolio page: facts from the front matter, the body, and how each image is drawn. */
export interface ProjectPage {
  id: string;
  file: string;
  /**
   * The language the page is written in: its file name's suffix (`ilogyo.en.md`), else its
   * front matter's `lang:`; none: a page for every language. Pages that share an id are the
   * language versions of one page (see tailor/pageVersions.ts).
   */
  lang?: Lang;
  /** True when the page is a language version (`<id>.<lang>.md`) of the page `<id>.md`. */
  variant?: boolean;
  title: Text;
  /** The title is the file name's words: neither the front matter nor a `# heading` gave one. */
  titleFromFileName?: boolean;
  order?: number;
  facts: Omit<ProjectFrontMatter, '$schema' | 'id' | 'lang' | 'title' | 'order'>;
  /** The body without a leading `# title` heading when that heading became the title. */
  body: Root;
  /** Every image url the page uses (body and cover) → what to draw. */
  images: Map<string, ImageResolution>;
}

export interface ProjectCheckOptions {
  dataDir: string;
  assetsRoot: string;
  /** Role ids in the data folder, to check the pages' `roles:` lists. */
  knownRoles: readonly string[];
  /** false: images are checked from their bytes' structure only, no drawable copy is decoded. */
  drawImages?: boolean;
}

/**
 * Validates the portfolio pages: front matter schema, ids (unique), images (resolved, never
 * fetched, never outside the data folder), raw HTML (left out), placeholders. Never throws.
 */
export function validateProjects(sources: readonly ProjectSource[], options: ProjectCheckOptions): { pages: ProjectPage[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const pages: ProjectPage[] = [];
  // One page per id and language: `ilogyo.md` and `ilogyo.en.md` are two versions of one page.
  const firstFileOf = new Map<string, string>();
  for (const source of sources) {
    const page = validatePage(source, options, problems);
    if (!page) continue;
    const key = `${page.id}\u0000${page.lang ?? ''}`;
    const first = firstFileOf.get(key);
    if (first) {
      problems.push({
        severity: 'error',
        code: 'duplicate-project-id',
        at: source.frontMatter?.locate(['id']) ?? { file: source.file, line: 1, col: 1 },
        message: `the project id "${page.id}"${page.lang ? ` in ${page.lang}` : ''} is also used by ${first}`,
        hint: page.lang
          ? `one page per language: give one of them another \`id:\`, or another \`lang:\``
          : 'give one of the pages another `id:` in its front matter (or a `lang:`, if it is another language version)',
      });
      continue;
    }
    firstFileOf.set(key, source.file);
    pages.push(page);
  }
  return { pages, problems };
}

function validatePage(source: ProjectSource, options: ProjectCheckOptions, problems: Problem[]): ProjectPage | undefined {
  const start = { file: source.file, line: 1, col: 1 };
  let fm: ProjectFrontMatter = {};
  if (source.frontMatter) {
    const data = source.frontMatter.data;
    if (data !== null && data !== undefined && (typeof data !== 'object' || Array.isArray(data))) {
      problems.push({
        severity: 'error',
        code: 'schema',
        at: start,
        message: 'the front matter must be a mapping of keys (title: …, period: …)',
        hint: 'write one `key: value` per line between the --- lines',
      });
      return undefined;
    }
    const checked = validateWithSchema(source.frontMatter, projectFrontMatterSchema);
    problems.push(...checked.problems, ...unknownKeys(source), ...findPlaceholders(source.frontMatter));
    if (!checked.value) return undefined;
    fm = checked.value;
    fm.roles?.forEach((role, i) => {
      if (!options.knownRoles.includes(role))
        problems.push({
          severity: 'warning',
          code: 'unknown-role',
          at: source.frontMatter!.locate(['roles', i]),
          path: `roles[${i}]`,
          message: `no role "${role}" in the roles folder, so this entry selects nothing`,
          hint: suggest(role, [...options.knownRoles]),
        });
    });
  }

  const id = fm.id ?? source.fileId;
  if (!fm.id && !projectId.safeParse(id).success) {
    problems.push({
      severity: 'error',
      code: 'project-id',
      at: start,
      message: `the file name "${source.fileId}" cannot be the page's id (letters, digits, - and _ only)`,
      hint: 'rename the file, e.g. my-project.md, or give the page an `id:` in its front matter',
    });
    return undefined;
  }

  const leading = source.body.children[0];
  const titleHeading = !fm.title && leading?.type === 'heading' && leading.depth === 1 ? plainText(leading).trim() : '';
  const body: Root = titleHeading ? { ...source.body, children: source.body.children.slice(1) } : source.body;
  const title = fm.title ?? (titleHeading || source.fileId.replace(/[-_]+/g, ' '));
  if (source.variantLang && fm.lang && fm.lang !== source.variantLang)
    problems.push({
      severity: 'warning',
      code: 'page-lang',
      at: source.frontMatter!.locate(['lang']),
      path: 'lang',
      message: `the file name says the page is in ${source.variantLang}, its \`lang:\` says ${fm.lang}; the file name wins`,
      hint: `remove \`lang:\`, or rename the file to ${source.fileId}.${fm.lang}.md`,
    });

  const roots: ImageRoots = { pageDir: path.dirname(source.path), dataDir: options.dataDir, assetsRoot: options.assetsRoot };
  const images = new Map<string, ImageResolution>();
  const useImage = (url: string, at: SourceLocation) => {
    if (images.has(url)) return;
    const { image, problem } = resolveImage(url, roots, at, { drawable: options.drawImages ?? true });
    images.set(url, image);
    if (problem) problems.push(problem);
  };
  if (fm.cover) useImage(fm.cover, source.frontMatter!.locate(['cover']));
  problems.push(...checkBody(body, source.file, useImage), ...checkPageLength(source.file, body));

  const { $schema: _schema, id: _id, lang: _lang, title: _title, order, ...facts } = fm;
  const lang = source.variantLang ?? fm.lang;
  return {
    id,
    file: source.file,
    ...(lang ? { lang } : {}),
    ...(source.variantLang ? { variant: true } : {}),
    title,
    ...(fm.title || titleHeading ? {} : { titleFromFileName: true }),
    order,
    facts,
    body,
    images,
  };
}

/** The PDF is tagged (PDF/UA): an image is a Figure, read out by its alt text; without one, its file name. */
const noAltText = (at: SourceLocation): Problem => ({
  severity: 'warning',
  code: 'image-no-alt',
  at,
  message: 'the image has no alt text: a screen reader can only say its file name',
  hint: 'say what it shows between the brackets: ![the delivery-time model in production](images/eta.png)',
});

/** Raw HTML, placeholders and images of the body (an image without alt text is a warning); images go to `useImage` with their position. */
function checkBody(body: Root, file: string, useImage: (url: string, at: SourceLocation) => void): Problem[] {
  const problems: Problem[] = [];
  const definitions = new Map<string, string>();
  visit(body, (node) => {
    if (node.type === 'definition') definitions.set(node.identifier, node.url);
  });
  visit(body, (node) => {
    const at = { file, line: node.position?.start.line ?? 1, col: node.position?.start.column ?? 1 };
    switch (node.type) {
      case 'html':
        problems.push({
          severity: 'warning',
          code: 'raw-html',
          at,
          message: `raw HTML ${JSON.stringify(shorten(node.value))} is left out of the PDF`,
          hint: 'write it in markdown instead (images: ![alt](path), line breaks: a blank line)',
        });
        break;
      case 'image':
        useImage(node.url, at);
        if (!node.alt?.trim()) problems.push(noAltText(at));
        break;
      case 'imageReference': {
        const url = definitions.get(node.identifier);
        if (url !== undefined) useImage(url, at);
        if (!node.alt?.trim()) problems.push(noAltText(at));
        break;
      }
      case 'text': {
        const match = PLACEHOLDER_PATTERN.exec(node.value);
        if (match)
          problems.push({
            severity: 'warning',
            code: 'placeholder',
            at,
            message: `placeholder ${match[0]} is still in the page`,
            hint: 'replace it with the real fact before sending (--strict makes this an error)',
          });
        break;
      }
      default:
        break;
    }
  });
  return problems;
}

function unknownKeys(source: ProjectSource): Problem[] {
  const data = source.frontMatter?.data;
  if (!data || typeof data !== 'object') return [];
  return Object.keys(data)
    .filter((key) => !PROJECT_KEYS.includes(key))
    .map((key) => ({
      severity: 'warning' as const,
      code: 'unknown-key',
      at: source.frontMatter!.locate([key], 'key'),
      path: key,
      message: `front matter key "${key}" is not used by careerpdf and is ignored`,
      hint: `keys used: ${PROJECT_KEYS.filter((k) => k !== '$schema').join(', ')}`,
    }));
}

function visit(node: Nodes, fn: (node: Nodes) => void): void {
  fn(node);
  if ('children' in node) for (const child of node.children) visit(child, fn);
}

const shorten = (value: string) => {
  const line = value.replace(/\s+/g, ' ').trim();
  return line.length > 40 ? `${line.slice(0, 37)}…` : line;
};

/** A role's `portfolio.projects` must name pages that exist, and its tags should select something. */
export function checkPortfolioPicks(role: Role, source: YamlSource, pages: readonly ProjectPage[]): Problem[] {
  const ids = pages.map((p) => p.id);
  const tags = new Set(pages.flatMap((p) => p.facts.tags ?? []));
  const problems: Problem[] = [];
  role.portfolio?.projects?.forEach((id, i) => {
    if (!ids.includes(id))
      problems.push({
        severity: 'error',
        code: 'unknown-project',
        at: source.locate(['portfolio', 'projects', i]),
        path: `portfolio.projects[${i}]`,
        message: `no page in projects/ has the id "${id}"`,
        hint: ids.length > 0 ? suggest(id, ids) : 'add data/projects/<id>.md',
      });
  });
  role.portfolio?.tags?.forEach((tag, i) => {
    if (!tags.has(tag))
      problems.push({
        severity: 'warning',
        code: 'unknown-tag',
        at: source.locate(['portfolio', 'tags', i]),
        path: `portfolio.tags[${i}]`,
        message: `no project page has the tag "${tag}", so it selects nothing`,
        hint: tags.size > 0 ? suggest(tag, [...tags]) : "add `tags:` to the pages' front matter",
      });
  });
  return problems;
}
