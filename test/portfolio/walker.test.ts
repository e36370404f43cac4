import type { List, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import {
  codeLines,
  collectReferences,
  columnWeights,
  fitImage,
  isCaption,
  isImageOnly,
  keepsItemWhole,
  listMarker,
  listMarkersOf,
  markerWidth,
  opensWithImage,
  sectionize,
  softBreaks,
  splitAtImages,
  type Section,
} from '../../src/compose/markdown/structure.js';
import type { ResumeModel } from '../../src/tailor/model.js';
import { tailorPortfolio } from '../../src/tailor/tailorPortfolio.js';
import type { Role } from '../../src/validate/schema/role.js';
import { sniffImage } from '../../src/validate/sniffImage.js';
import type { ProjectPage } from '../../src/validate/validateProjects.js';

const md = (text: string): Root => fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });

describe('an image and its caption', () => {
  it('an image on a line of its own and an emphasis-only paragraph under it are an image and its caption (kept on one page)', () => {
    const [image, caption, prose, mixed] = md('![chart](a.png)\n\n*그림 1. 처리량*\n\n*emphasis* and more text\n\nText before ![x](b.png)').children;
    expect([isImageOnly(image), isCaption(caption)]).toEqual([true, true]);
    expect([isCaption(prose), isImageOnly(mixed), isImageOnly(caption)]).toEqual([false, false, false]);
  });
});

describe('sectionize', () => {
  it('nests headings by depth: ### under ##, a new ## closes the previous', () => {
    const tree = sectionize(md('intro\n\n## A\n\na\n\n### A.1\n\nx\n\n## B\n\nb').children);
    expect(tree.map((n) => n.type)).toEqual(['paragraph', 'section', 'section']);
    const a = tree[1] as Section;
    expect(a.children.map((n) => n.type)).toEqual(['paragraph', 'section']);
    expect((a.children[1] as Section).heading.depth).toBe(3);
  });
});

describe('splitAtImages', () => {
  it('puts each image between the text before and after it, dropping blank runs', () => {
    const paragraph = md('앞 문장\n![그림](a.png)\n뒤 문장').children[0]!;
    if (paragraph.type !== 'paragraph') throw new Error('expected a paragraph');
    const runs = splitAtImages(paragraph.children);
    expect(runs.map((r) => r.kind)).toEqual(['text', 'image', 'text']);
    expect(runs[0]!.kind === 'text' && runs[0]!.nodes.map((n) => (n.type === 'text' ? n.value : '')).join('')).toBe('앞 문장');
  });

  it('starts a new line at a hard break', () => {
    const paragraph = md('첫 줄\\\n둘째 줄').children[0]!;
    if (paragraph.type !== 'paragraph') throw new Error('expected a paragraph');
    expect(splitAtImages(paragraph.children).map((r) => r.kind)).toEqual(['text', 'text']);
  });

  it('an image alone under a heading keeps the heading with it', () => {
    expect(opensWithImage(md('![a](a.png)').children[0])).toBe(true);
    expect(opensWithImage(md('text ![a](a.png)').children[0])).toBe(false);
  });
});

describe('list markers', () => {
  it('count from the list start, bullets change with depth, tasks get boxes', () => {
    expect(listMarker({ ordered: true, start: 3 }, 1, 0)).toBe('4.');
    expect([0, 1, 2, 3].map((depth) => listMarker({ ordered: false, start: null }, 0, depth))).toEqual(['•', '◦', '▪', '•']);
    expect(listMarker({ ordered: false, start: null }, 0, 0, true)).toBe('✓');
    expect(listMarker({ ordered: false, start: null }, 0, 0, false)).toBe('□');
  });

  it('are listed for the page-break read-back as listMarker draws them, nested lists one level deeper', () => {
    expect(listMarkersOf(md('1. a\n2. b\n   - c\n\n- [x] d\n'))).toEqual(['1.', '2.', '◦', '✓']);
  });

  it('keep an item of one short paragraph of text whole with its marker; a long one, one of several blocks or one holding an image breaks', () => {
    const items = (text: string) => (md(text).children[0] as List).children;
    const [short, long, nested, image] = items(`- ${'word '.repeat(20)}\n- ${'word '.repeat(200)}\n- a\n  - b\n- see ![x](x.png)\n`);
    expect([short, long, nested, image].map((item) => keepsItemWhole(item!, 400, 10))).toEqual([true, false, false, false]);
  });

  it('make room for two-digit numbers', () => {
    const list = (n: number) => ({ ordered: true, start: 1, children: Array.from({ length: n }, () => ({ type: 'listItem' as const, children: [] })) });
    expect(markerWidth(list(12), 10)).toBeGreaterThan(markerWidth(list(3), 10));
  });
});

describe('fitImage', () => {
  it('keeps the aspect ratio, never enlarges beyond 96 dpi, fits the column and the page', () => {
    expect(fitImage({ width: 200, height: 100 }, { maxWidth: 500, maxHeight: 500 })).toEqual({ width: 150, height: 75 });
    expect(fitImage({ width: 1200, height: 600 }, { maxWidth: 480, maxHeight: 500 })).toEqual({ width: 480, height: 240 });
    expect(fitImage({ width: 600, height: 2400 }, { maxWidth: 480, maxHeight: 400 })).toEqual({ width: 100, height: 400 });
  });
});

describe('tables', () => {
  it('give long columns more room, but not all of it', () => {
    const table = md('| a | b |\n|---|---|\n| 짧음 | 아주 긴 설명이 들어가는 칸입니다. 아주 긴 설명이 들어가는 칸입니다. |').children[0]!;
    if (table.type !== 'table') throw new Error('expected a table');
    const [short, long] = columnWeights(table);
    expect(long!).toBeGreaterThan(short!);
    expect(short!).toBeGreaterThan(0.15);
    expect(short! + long!).toBeCloseTo(1, 1);
  });
});

describe('references', () => {
  it('number footnotes by first reference and resolve link definitions', () => {
    const refs = collectReferences(md('b[^b] a[^a] [x][def]\n\n[^a]: A\n[^b]: B\n[^unused]: U\n\n[def]: https://example.com'));
    expect([...refs.footnoteNumbers]).toEqual([
      ['b', 1],
      ['a', 2],
      ['unused', 3],
    ]);
    expect(refs.footnotes.map((f) => f.identifier)).toEqual(['b', 'a', 'unused']);
    expect(refs.definitions.get('def')?.url).toBe('https://example.com');
  });
});

describe('text that must not carry a newline into React-PDF', () => {
  it('soft breaks become spaces; code keeps indentation as no-break spaces, tabs as spaces', () => {
    expect(softBreaks('한 줄\n  다음 줄')).toBe('한 줄 다음 줄');
    expect(codeLines('if x:\n\treturn 1\n\n  y')).toEqual(['if x:', '\u00a0'.repeat(4) + 'return 1', '\u00a0', '\u00a0\u00a0y']);
  });
});

describe('sniffImage', () => {
  it('reads PNG and JPEG sizes from the bytes, names other formats', () => {
    const png = PNG.sync.write(new PNG({ width: 640, height: 480 }));
    expect(sniffImage(png)).toEqual({ format: 'png', width: 640, height: 480 });
    // SOI, APP0, SOF0 (120 × 160, 3 components), SOS, one byte of scan data, EOI.
    const jpeg = Buffer.from([
      0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x78, 0x00, 0xa0, 0x03, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0, 0xff,
      0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00, 0x00, 0xff, 0xd9,
    ]);
    expect(sniffImage(jpeg)).toEqual({ format: 'jpeg', width: 160, height: 120 });
    // Only a header: the rest of the file is missing.
    expect(sniffImage(png.subarray(0, 24))).toMatchObject({ format: 'damaged', kind: 'PNG' });
    expect(sniffImage(jpeg.subarray(0, 24))).toMatchObject({ format: 'damaged', kind: 'JPEG' });
    expect(sniffImage(Buffer.from('GIF89a....'))).toEqual({ format: 'unsupported', kind: 'GIF' });
    expect(sniffImage(Buffer.from('<?xml version="1.0"?>\n<svg width="1"></svg>'))).toEqual({ format: 'unsupported', kind: 'SVG' });
    expect(sniffImage(Buffer.from('그림 아님'))).toEqual({ format: 'unsupported', kind: 'a text file' });
  });
});

describe('tailorPortfolio', () => {
  const page = (id: string, extra: Partial<ProjectPage['facts']> & { order?: number } = {}): ProjectPage => {
    const { order, ...facts } = extra;
    return { id, file: `${id}.md`, title: id, order, facts, body: { type: 'root', children: [] }, images: new Map() };
  };
  const pages = [
    page('a', { order: 2, tags: ['data'] }),
    page('b', { order: 1, tags: ['backend'] }),
    page('c', { roles: ['other'] }),
    page('d', { tags: ['data'] }),
  ];
  const resume = {
    lang: 'ko',
    roleId: 'r',
    person: { name: '이름', contacts: [] },
    meta: { title: '', author: '', subject: '', keywords: [], language: 'ko-KR', creationDate: new Date(0) },
  } as unknown as ResumeModel;
  const role = (portfolio?: Role['portfolio']) => ({ target: { company: 'C', position: 'P' }, portfolio }) as Role;
  const ids = (r: Role | undefined) => tailorPortfolio(pages, r, resume).model.projects.map((p) => p.id);

  it('master: every page, by `order`, then file order', () => {
    expect(ids(undefined)).toEqual(['b', 'a', 'c', 'd']);
  });

  it('a role without a portfolio key: every page meant for it (front matter roles)', () => {
    expect(ids(role())).toEqual(['b', 'a', 'd']);
  });

  it('portfolio.projects first, in that order, then pages with a portfolio tag; the rest dropped with a reason', () => {
    const { model, decisions } = tailorPortfolio(pages, role({ projects: ['d', 'b'], tags: ['data'] }), resume);
    expect(model.projects.map((p) => [p.id, p.number, p.anchor])).toEqual([
      ['d', 1, 'project-1'],
      ['b', 2, 'project-2'],
      ['a', 3, 'project-3'],
    ]);
    expect(decisions.find((d) => d.subject === 'c')).toMatchObject({ action: 'dropped', reason: 'the page is for roles other only' });
    expect(decisions.find((d) => d.subject === 'd')).toMatchObject({ action: 'moved', reason: 'position 4 → 1 (portfolio.projects orders it)' });
  });
});
