import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { PortfolioDocument } from '../../src/compose/portfolio/PortfolioDocument.js';
import { TocPageNumbers } from '../../src/compose/portfolio/TocPageNumbers.js';
import type { ComposedDocument } from '../../src/compose/composedDocument.js';
import { makePortfolio } from '../../src/pipeline/documents.js';
import { creationDate } from '../../src/pipeline/creationDate.js';
import { MASTER, prepare, themeFor, type Prepared } from '../../src/pipeline/prepare.js';
import { renderDocument } from '../../src/render/renderDocument.js';
import { renderPdf } from '../../src/render/renderPdf.js';
import type { PortfolioModel } from '../../src/tailor/tailorPortfolio.js';
import { openPdf, pdfFonts, pdfPagesText, squash } from '../helpers/pdf.js';

const DATA = path.resolve('test/fixtures/portfolio');

/** One render of the fixture portfolio (every markdown construct, two projects), shared by all tests. */
let prepared: Prepared;
let doc: ComposedDocument;
let pdf: Buffer;
let pages: string[];
let allText: string;

beforeAll(async () => {
  prepared = prepare({ dataDir: DATA, roles: [MASTER] });
  doc = makePortfolio({
    roleId: MASTER,
    resume: prepared.resume,
    theme: themeFor(prepared, MASTER),
    creationDate: creationDate(prepared.resume),
    projects: prepared.projects,
  })!;
  pdf = await renderDocument(doc);
  pages = await pdfPagesText(pdf);
  allText = squash(pages.join('\n'));
});

describe('the fixture page with every markdown construct', () => {
  const constructs: Record<string, string[]> = {
    'front matter header': ['모든 구성 요소 (Every construct)', '2023.01 – 2024.06', '테스트 회사', 'Tech Lead', 'TypeScript, React-PDF', 'summary-text'],
    headings: ['Heading-two-text', 'Heading-three-text', 'Heading-four-text', 'Heading-five-text', 'Heading-six-text'],
    paragraph: ['문단 paragraph-text 입니다.', 'soft-break-text', 'hard-break-text'],
    'emphasis (no italic in Pretendard: drawn in colour, no crash)': ['강조 emphasis-text'],
    strong: ['굵게 strong-text', 'strong-emphasis-text'],
    'inline code': ['inline-code-text'],
    strikethrough: ['취소선 strike-text'],
    'unordered, nested and ordered lists': ['unordered-item-one', 'nested-item-text', 'deep-ordered-item', 'ordered-item-three', 'last-list-item-text'],
    'task list': ['완료 task-done-text', '미완료 task-open-text'],
    'links, autolinks, references': ['링크 link-text', 'https://www.example.org/autolink-url', 'https://example.net/angle-autolink', 'reference-link-text'],
    table: ['left-header', 'center-header', 'right-header', 'table-cell-a', 'table-cell-b', '1,234', '한글 셀 table-cell-c', 'table-cell-d'],
    blockquote: ['인용문 blockquote-text', 'blockquote-second-line'],
    'fenced code, Korean inside': ['def 함수():', 'code-block-text 한글 주석', 'return "monospace"', 'indented-code-line'],
    // Each character its own glyph: JetBrains Mono's contextual ligatures are off in code.
    'operators in code': ['a => b', 'x !== y', '// arrow-code-line: a -> b, (x) => x === 1 || x != 2, i++ <= 10 >= 0 /* c */ <!-- -->'],
    footnotes: ['footnote-ref-text[1]', '주석', '각주 내용 footnote-definition-text'],
    'image captions': ['image-caption-text', 'jpeg-caption-text'],
    'missing image placeholder': ['이미지 파일 없음', 'missing-alt-text', 'images/nope.png'],
    'a page without front matter (title from its # heading)': ['두 번째 프로젝트', 'second-page-text', 'Second-detail-text'],
  };
  for (const [construct, texts] of Object.entries(constructs)) {
    it(`${construct} reaches the PDF text`, () => {
      for (const text of texts) expect(allText, text).toContain(squash(text));
    });
  }

  it('leaves raw HTML out (it is warned about, never interpreted)', () => {
    expect(allText).not.toContain('raw-html-text');
    expect(prepared.warnings.some((w) => w.code === 'raw-html' && w.at?.file.endsWith('every-construct.md') && w.at.line === 66)).toBe(true);
  });

  it('makes links and autolinks clickable; relative and #anchor links stay text', async () => {
    const pdfDoc = await openPdf(pdf);
    const urls: string[] = [];
    for (let i = 1; i <= pdfDoc.numPages; i++) for (const a of await (await pdfDoc.getPage(i)).getAnnotations()) if (a.url) urls.push(a.url);
    await pdfDoc.destroy();
    for (const url of [
      'https://example.com/link',
      'https://www.example.org/autolink-url',
      'https://example.net/angle-autolink',
      'https://example.com/reference',
      'mailto:test@example.com',
    ])
      expect(urls).toContain(url);
  });

  it('numbers ordered lists from their start and keeps nested bullets', () => {
    expect(allText).toContain(squash('3. 셋째부터 ordered-item-three'));
    expect(allText).toContain(squash('4. ordered-item-four'));
    expect(allText).toContain(squash('10. 긴 목록의 마지막 항목'));
    expect(allText).toContain(squash('◦ 중첩 nested-item-text'));
  });

  it('embeds every font (code falls back to Pretendard for Hangul), no Helvetica', async () => {
    const fonts = await pdfFonts(pdf);
    expect(fonts.every((f) => f.embedded)).toBe(true);
    expect(fonts.some((f) => /JetBrainsMono/.test(f.name))).toBe(true);
  });
});

describe('the portfolio document', () => {
  const model = () => doc.content as PortfolioModel;

  it('has a cover with the name and, for two projects, the contents (no page of their own), then each project on a new page', () => {
    expect(squash(pages[0]!)).toContain(squash('홍길동'));
    expect(squash(pages[0]!)).toContain(squash('test@example.com'));
    expect(pages.some((text) => squash(text).includes('목차'))).toBe(false);
    expect(squash(pages[1]!)).toContain(squash(`프로젝트 01${model().projects[0]!.title}`));
    for (const project of model().projects) {
      const start = pages.findIndex((text) => squash(text).includes(squash(`프로젝트 0${project.number}${project.title}`)));
      expect(start, project.title).toBeGreaterThan(0);
    }
  });

  it('has an outline entry per project, with its headings nested under it', async () => {
    const pdfDoc = await openPdf(pdf);
    const outline = (await pdfDoc.getOutline()) ?? [];
    await pdfDoc.destroy();
    const titles = outline.map((o) => o.title);
    expect(titles).toEqual(['포트폴리오', '1. 모든 구성 요소 (Every construct)', '2. 두 번째 프로젝트']);
    type Entry = { title: string; items: Entry[] };
    const [, first, second] = outline as Entry[];
    const h2 = first!.items.find((i) => i.title === '제목 둘 Heading-two-text');
    expect(h2?.items.map((i) => i.title)).toContain('제목 셋 Heading-three-text');
    expect(first!.items.map((i) => i.title)).toContain('긴 목록 Long-list-text');
    expect(second!.items.map((i) => i.title)).toEqual(['세부 Second-detail-text']);
  });

  it("prints the real start page of each project in the cover's contents, and links it there", async () => {
    const pdfDoc = await openPdf(pdf);
    const actualStart = (title: string) => pages.findIndex((text, i) => i > 0 && squash(text).includes(squash(title))) + 1;
    const tocPage = await pdfDoc.getPage(1);
    const items = (await tocPage.getTextContent()).items.filter((i): i is Extract<typeof i, { str: string }> => 'str' in i);
    const links = (await tocPage.getAnnotations()).filter((a) => a.subtype === 'Link');
    const linkedPages: number[] = [];
    // The cover's contact links go to URLs; the contents' to pages.
    for (const link of links.filter((a) => a.dest)) {
      const dest = typeof link.dest === 'string' ? await pdfDoc.getDestination(link.dest) : link.dest;
      linkedPages.push((await pdfDoc.getPageIndex(dest[0])) + 1);
    }
    for (const project of model().projects) {
      const title = items.find((i) => i.str.includes(project.title))!;
      const number = items.find((i) => /^\d+$/.test(i.str.trim()) && Math.abs(i.transform[5] - title.transform[5]) < 2 && i.transform[4] > 400);
      const start = actualStart(`프로젝트 0${project.number}${project.title}`);
      expect(Number(number?.str), project.title).toBe(start);
      expect(linkedPages).toContain(start);
    }
    // The first project is long: the second starts after it, not right after the contents.
    expect(actualStart('프로젝트 02두 번째 프로젝트')).toBeGreaterThan(3);
    await pdfDoc.destroy();
  });

  it('is byte-identical when rendered again (PNGs with transparency go in as opaque copies)', async () => {
    expect((await renderPdf(doc.element)).equals(pdf)).toBe(true);
  });

  it('gets the real numbers from one layout with React-PDF 4.9 (a second one is only a fallback)', async () => {
    const pageNumbers = new TocPageNumbers();
    await renderPdf(createElement(PortfolioDocument, { model: model(), theme: themeFor(prepared, MASTER), pageNumbers }));
    expect(pageNumbers.printedAreReal()).toBe(true);
  });

  it('runs a header and a footer with page numbers on project pages', () => {
    const last = pages[pages.length - 1]!;
    expect(squash(last)).toContain(squash(`${pages.length} / ${pages.length}`));
    expect(squash(last)).toContain(squash('두 번째 프로젝트'));
  });
});
