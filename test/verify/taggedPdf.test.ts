import path from 'node:path';
import { Document, Page, Text } from '@react-pdf/renderer';
import { createElement } from 'react';
import { beforeAll, describe, expect, test } from 'vitest';
import { renderPdf } from '../../src/render/renderPdf.js';
import { PdfFile } from '../../src/verify/pdfFile.js';
import { PdfStream, type PdfDict, type PdfValue } from '../../src/verify/pdfSyntax.js';
import { readMarkedContent } from '../../src/verify/markedContent.js';
import { readPdfText, walkPages } from '../../src/verify/pdfText.js';
import { type AtsItem, checkAtsView } from '../../src/verify/atsView.js';
import { repoRoot, runCliInProcess } from '../helpers/cli.js';
import { MAIN_KINDS } from '../../src/pipeline/documents.js';
import { renderExampleRole } from '../helpers/exampleRole.js';
import { openPdf } from '../helpers/pdf.js';
import type { ResumeModel } from '../../src/tailor/model.js';
import { sidebarOf, type Theme } from '../../src/validate/schema/theme.js';

/*
 * Tagged PDF/UA-1 (src/render/tagging/): every document in every theme, and a JSON Resume of
 * someone else, read back with pdfjs-dist (a browser's reader: the structure tree and the
 * marked content) and with careerpdf's own PDF reader (the catalog, the annotations, every
 * operator of every content stream). One render per document, shared by the file.
 */

interface Rendered {
  name: string;
  kind: string;
  pdf: Buffer;
  ats?: readonly AtsItem[];
  /** A resume's skills drawn as a grid (the theme does not stack them in its sidebar): its rows, name and values. */
  skillsGrid?: { name: string; values: string }[];
}

const THEMES = ['classic', 'compact', 'modern'];
const rendered: Rendered[] = [];

beforeAll(async () => {
  // Every theme's resume (the sidebar is the resume's); the portfolio and the answers, which no
  // theme lays out in columns, in one theme: the file stays fast. (All 3 × 3, both roles, were
  // also checked by hand with a PDF/UA-1 checker's Matterhorn machine checks: no failures.)
  for (const theme of THEMES) {
    const role = await renderExampleRole('data-engineer', { theme, kinds: theme === 'modern' ? MAIN_KINDS : ['resume'] });
    for (const { doc, pdf } of role.documents)
      rendered.push({ name: `${theme} ${doc.kind}`, kind: doc.kind, pdf, ats: doc.ats, skillsGrid: skillsGrid(doc, role.theme) });
  }
  const json = await renderExampleRole('master', { dataDir: path.join(repoRoot, 'test/fixtures/json-resume') });
  for (const { doc, pdf } of json.documents)
    rendered.push({ name: `json-resume ${doc.kind}`, kind: doc.kind, pdf, ats: doc.ats, skillsGrid: skillsGrid(doc, json.theme) });
}, 180_000);

/** The skills rows a resume draws as a grid (CompactRow): none in a sidebar, which stacks them. */
function skillsGrid(doc: { kind: string; content: unknown }, theme: Theme): Rendered['skillsGrid'] {
  if (doc.kind !== 'resume' || sidebarOf(theme)?.sections.includes('skills')) return undefined;
  const skills = (doc.content as ResumeModel).sections.find((section) => section.key === 'skills');
  return skills?.entries.map((entry) => ({
    name: `${entry.title}${entry.detail && entry.keywords.length > 0 ? ` ${entry.detail}` : ''}`,
    values: entry.keywords.length > 0 ? entry.keywords.join(', ') : (entry.detail ?? ''),
  }));
}

interface StructNode {
  role?: string;
  alt?: string;
  lang?: string;
  type?: string;
  id?: string;
  children?: StructNode[];
}

const reads = new Map<Buffer, ReturnType<typeof readWithPdfjs>>();
const readTagged = (pdf: Buffer) => {
  if (!reads.has(pdf)) reads.set(pdf, readWithPdfjs(pdf));
  return reads.get(pdf)!;
};

/** What pdfjs reads: the structure tree of each page, the text of each marked-content id, and the text in content order outside Artifacts. */
async function readWithPdfjs(pdf: Buffer) {
  const doc = await openPdf(pdf);
  const trees: StructNode[] = [];
  const textOf = new Map<string, string>();
  let contentText = '';
  let unmarkedText = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const open: { id?: string; tag?: string }[] = [];
    for (const item of (await page.getTextContent({ includeMarkedContent: true })).items) {
      if ('type' in item && (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent')) open.push(item as { id?: string; tag?: string });
      else if ('type' in item && item.type === 'endMarkedContent') open.pop();
      else if ('str' in item) {
        const inner = open.at(-1);
        if (!inner) unmarkedText += item.str;
        else if (inner.tag !== 'Artifact' && inner.id) {
          textOf.set(inner.id, (textOf.get(inner.id) ?? '') + item.str);
          contentText += item.str;
        }
      }
    }
    trees.push((await page.getStructTree()) as StructNode);
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { trees, textOf, contentText, unmarkedText, pages };
}

/** The structure tree's elements in order, and its text: the content of every element, depth first. */
function walkTree(trees: StructNode[], textOf: Map<string, string>) {
  const roles: string[] = [];
  const figures: StructNode[] = [];
  const links: StructNode[] = [];
  const langs = new Set<string>();
  let text = '';
  // pdfjs gives each page the whole tree, holding only that page's content: the first page's
  // tree in order, then the next page's, is the document's order only when an element spanning
  // pages continues where it stopped, which is what the text comparison checks.
  const seen = new Set<string>();
  const walk = (node: StructNode) => {
    if (node.type === 'content' && node.id) {
      if (!seen.has(node.id)) text += textOf.get(node.id) ?? '';
      seen.add(node.id);
      return;
    }
    if (node.role) roles.push(node.role);
    if (node.lang) langs.add(node.lang);
    if (node.role === 'Figure') figures.push(node);
    if (node.role === 'Link') links.push(node);
    for (const child of node.children ?? []) walk(child);
  };
  for (const tree of trees) walk(tree);
  return { roles: new Set(roles), figures, links, langs, text };
}

const squash = (text: string) => text.replace(/\s+/g, '');

/** Every table row of the structure tree, in order: its cells' roles and texts (a row on no page's content left out). */
function tableRows(trees: StructNode[], textOf: Map<string, string>) {
  const textIn = (node: StructNode): string => (node.type === 'content' && node.id ? (textOf.get(node.id) ?? '') : (node.children ?? []).map(textIn).join(''));
  const rows: { cells: { role?: string; text: string }[]; inTable: boolean }[] = [];
  const walk = (node: StructNode, parent: StructNode | undefined) => {
    if (node.role === 'TR') {
      const cells = (node.children ?? []).map((cell) => ({ role: cell.role, text: squash(textIn(cell)) }));
      if (cells.some((cell) => cell.text)) rows.push({ cells, inTable: parent?.role === 'Table' });
      return;
    }
    for (const child of node.children ?? []) walk(child, node);
  };
  for (const tree of trees) walk(tree, undefined);
  return rows;
}

/** The struct elements of the file's structure tree, read from the objects themselves (pdfjs does not give their attributes). */
function structElements(pdf: Buffer): PdfDict[] {
  const file = new PdfFile(pdf);
  const catalog = file.dict(file.trailer.get('Root'), 'catalog');
  const elements: PdfDict[] = [];
  const walk = (value: PdfValue | undefined) => {
    const kid = file.resolve(value);
    if (Array.isArray(kid)) for (const k of kid) walk(k);
    else if (kid instanceof Map && typeof kid.get('S') === 'string') {
      elements.push(kid);
      walk(kid.get('K'));
    }
  };
  walk(file.dict(catalog.get('StructTreeRoot'), 'StructTreeRoot').get('K'));
  return elements;
}

describe('tagged PDF/UA-1 and the ATS view: every theme, every document, and a JSON Resume', () => {
  test('every painting operator is in a marked-content sequence (tagged or an Artifact), nested with the text objects', () => {
    for (const { name, pdf } of rendered) {
      const facts = readMarkedContent(pdf);
      expect(facts.unmarked.slice(0, 5), name).toEqual([]);
      expect(facts.misnested, name).toEqual([]);
    }
  });

  test('the catalog says tagged, its language and its title; the XMP says PDF/UA-1; pages with links order tabs by structure', () => {
    for (const { name, pdf } of rendered) {
      const file = new PdfFile(pdf);
      const catalog = file.dict(file.trailer.get('Root'), 'catalog');
      expect(file.dict(catalog.get('MarkInfo'), 'MarkInfo').get('Marked'), name).toBe(true);
      expect(catalog.has('StructTreeRoot'), name).toBe(true);
      expect(Buffer.from(catalog.get('Lang') as Uint8Array).toString('latin1'), name).toMatch(/^(ko|en)/);
      expect(file.dict(catalog.get('ViewerPreferences'), 'ViewerPreferences').get('DisplayDocTitle'), name).toBe(true);
      const metadata = file.resolve(catalog.get('Metadata'));
      expect(metadata, name).toBeInstanceOf(PdfStream);
      const xmp = Buffer.from(file.streamData(metadata, 'XMP')).toString('utf8');
      expect(xmp, name).toContain('<pdfuaid:part>1</pdfuaid:part>');
      expect(xmp, name).toContain('<dc:title>');
      walkPages(file, (page) => {
        const annots = file.resolve(page.get('Annots'));
        if (!Array.isArray(annots) || annots.length === 0) return;
        expect(page.get('Tabs'), name).toBe('S');
        for (const annot of annots) {
          const dict = file.dict(annot, 'an annotation') as PdfDict;
          // A link says what it is (28-012) and belongs to a Link element of the structure tree.
          expect(dict.get('Contents'), name).toBeInstanceOf(Uint8Array);
          expect((dict.get('Contents') as Uint8Array).length, name).toBeGreaterThan(0);
          expect(typeof dict.get('StructParent'), name).toBe('number');
        }
      });
    }
  });

  test('no font maps CID 0 to U+0000 in its ToUnicode CMap', () => {
    for (const { name, pdf } of rendered) {
      const file = new PdfFile(pdf);
      const cmaps = new Set<string>();
      walkPages(file, (_page, _box, resources) => {
        const fonts = resources.has('Font') ? file.dict(resources.get('Font'), 'fonts') : new Map();
        for (const font of fonts.values()) {
          const toUnicode = file.dict(font, 'a font').get('ToUnicode');
          if (toUnicode) cmaps.add(Buffer.from(file.streamData(toUnicode, 'a ToUnicode CMap')).toString('latin1'));
        }
      });
      expect(cmaps.size, name).toBeGreaterThan(0);
      for (const cmap of cmaps) {
        expect(cmap, name).toContain('beginbfrange');
        expect(cmap, name).not.toMatch(/^<0000> /m);
      }
    }
  });

  test('the structure tree holds the document, in reading order: its text is the text of the pages, Artifacts left out', async () => {
    for (const { name, pdf } of rendered) {
      const { trees, textOf, contentText, unmarkedText } = await readTagged(pdf);
      expect(unmarkedText, name).toBe('');
      const tree = walkTree(trees, textOf);
      expect(squash(tree.text).length, name).toBeGreaterThan(200);
      expect(squash(tree.text), name).toBe(squash(contentText));
    }
  });

  test('the elements: headings, sections, paragraphs, lists, links with their annotation, figures with alt text, tables; English ones say so', async () => {
    const all = new Set<string>();
    for (const { name, kind, pdf } of rendered) {
      const { trees, textOf } = await readTagged(pdf);
      const tree = walkTree(trees, textOf);
      for (const role of tree.roles) all.add(role);
      // The example resume is Korean with English terms (skills): those elements say they are English.
      if (kind === 'resume' && !name.startsWith('json-resume')) expect([...tree.langs], name).toContain('en');
      expect([...tree.roles], name).toEqual(expect.arrayContaining(['Document', 'H1', 'P', ...(kind === 'portfolio' ? ['H2', 'Sect'] : ['Sect', 'H2'])]));
      if (kind === 'resume') expect([...tree.roles], name).toEqual(expect.arrayContaining(['H3', 'L', 'LI', 'Lbl', 'LBody']));
      for (const figure of tree.figures) expect(figure.alt, name).toBeTruthy();
      for (const link of tree.links)
        expect(
          link.children?.some((child) => child.type === 'object'),
          `${name}: a Link holds its annotation`,
        ).toBe(true);
    }
    expect([...all]).toEqual(expect.arrayContaining(['Link', 'Figure', 'Table', 'TR', 'TH', 'TD', 'BlockQuote', 'H4']));
  });

  test('the skills grid is a table: one Table per section, a TR per row, the name its TH (Scope Row), the values its TD', async () => {
    const grids = rendered.filter((r) => r.skillsGrid);
    // classic, compact and the JSON Resume (classic); modern stacks its skills in the sidebar (headings and paragraphs).
    expect(grids.map((r) => r.name)).toEqual(['classic resume', 'compact resume', 'json-resume resume']);
    for (const { name, pdf, skillsGrid } of rendered.filter((r) => r.kind === 'resume')) {
      const { trees, textOf } = await readTagged(pdf);
      const rows = tableRows(trees, textOf);
      if (!skillsGrid) {
        expect(rows, name).toEqual([]);
        continue;
      }
      expect(skillsGrid.length, name).toBeGreaterThan(1);
      for (const row of rows) {
        expect(row.inTable, name).toBe(true);
        expect(
          row.cells.map((cell) => cell.role),
          name,
        ).toEqual(['TH', 'TD']);
      }
      // The skills rows, in order, one after another.
      const cells = rows.map((row) => row.cells.map((cell) => cell.text));
      const first = cells.findIndex(([th]) => th === squash(skillsGrid[0]!.name));
      expect(first, name).toBeGreaterThanOrEqual(0);
      expect(cells.slice(first, first + skillsGrid.length), name).toEqual(skillsGrid.map((row) => [squash(row.name), squash(row.values)]));
      // All of a section's rows hang on one Table: the file holds a Table per gridded section, not one per row.
      const elements = structElements(pdf);
      const tables = elements.filter((element) => element.get('S') === 'Table');
      expect(tables.length, name).toBeGreaterThanOrEqual(1);
      expect(tables.length, name).toBeLessThan(rows.length);
      const headers = elements.filter((element) => element.get('S') === 'TH');
      expect(headers.length, name).toBe(rows.length);
      for (const header of headers) expect((header.get('A') as PdfDict | undefined)?.get('Scope'), name).toBe('Row');
    }
  });

  test('running headers, footers and page numbers are Artifacts, never in the structure tree', async () => {
    for (const { name, pdf } of rendered) {
      const { trees, textOf, pages } = await readTagged(pdf);
      // The footer prints `n / pages` on every page.
      expect(walkTree(trees, textOf).text, name).not.toContain(`1 / ${pages}`);
    }
  });

  test('an applicant-tracking system finds every resume fact whole and in order, in content order and in layout order, in every theme', () => {
    const resumes = rendered.filter((r) => r.ats);
    expect(resumes).toHaveLength(THEMES.length + 1);
    for (const { name, pdf, ats } of resumes) expect(checkAtsView(readPdfText(pdf), ats!, name), name).toEqual([]);
  });

  test('a title with XML in it (R&D, <Lab>) goes into the XMP metadata escaped, well-formed', async () => {
    const title = 'AT&T R&D <Lab> "one"';
    const element = createElement(Document, { title, ...({ conformance: 'PDF/UA' } as object) }, createElement(Page, {}, createElement(Text, {}, 'x')));
    const file = new PdfFile(await renderPdf(element));
    const catalog = file.dict(file.trailer.get('Root'), 'catalog');
    const xmp = Buffer.from(file.streamData(catalog.get('Metadata'), 'XMP')).toString('utf8');
    expect(xmp).toContain('AT&#38;T R&#38;D &#60;Lab&#62; &#34;one&#34;');
    expect(xmp.replace(/&#\d+;/g, '')).not.toMatch(/[&]|<Lab>/);
  });

  test('`check --ats` renders the resume (nothing written) and says what an applicant-tracking system finds, per role', async () => {
    const run = await runCliInProcess(['check', '--ats', '--data', path.join(repoRoot, 'test/fixtures/json-resume')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^ATS view: master resume, \d+ facts in content and layout order: every one whole and in order$/m);
    expect(run.stderr).not.toContain('ats-text');
  });
});
