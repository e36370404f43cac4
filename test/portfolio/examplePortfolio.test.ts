import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Nodes } from 'mdast';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseProjectPage } from '../../src/load/loadProjects.js';
import { creationDate } from '../../src/pipeline/creationDate.js';
import { makePortfolio } from '../../src/pipeline/documents.js';
import { renderDocument } from '../../src/render/renderDocument.js';
import { MASTER, prepare, themeFor, type Prepared } from '../../src/pipeline/prepare.js';
import { openPdf, pdfPagesText, squash } from '../helpers/pdf.js';

/** The example data's master portfolio, rendered once: what the README promises a user gets. */
const DATA = path.resolve('data');
const SEED_PAGE = path.join(DATA, 'projects/기타-프로젝트.md');
const SEED_SHA256 = '88dc4e8af7b437de92ee5900a5780c7b3bd487ab08550b7d2e5aafaaca06a489';

let prepared: Prepared;
let pdf: Buffer;
let pages: string[];

beforeAll(async () => {
  prepared = prepare({ dataDir: DATA, roles: [MASTER] });
  const doc = makePortfolio({
    roleId: MASTER,
    resume: prepared.resume,
    theme: themeFor(prepared, MASTER),
    creationDate: creationDate(prepared.resume),
    projects: prepared.projects,
  });
  pdf = await renderDocument(doc!);
  pages = await pdfPagesText(pdf);
});

/** The text a reader sees in a block, images left out (they are drawn, not written). */
const visibleText = (node: Nodes): string => {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value.replace(/\s*\n\s*/g, ' ');
  if (node.type === 'image') return '';
  return 'children' in node ? node.children.map(visibleText).join('') : '';
};

describe('the example portfolio (master)', () => {
  it('is the seed page unchanged', () => {
    // The user's own page, byte for byte: the SHA-256 of the seed it was copied from (seed 002).
    expect(createHash('sha256').update(fs.readFileSync(SEED_PAGE)).digest('hex')).toBe(SEED_SHA256);
  });

  it('carries the seed page whole: every heading, paragraph and list item, bold labels included', () => {
    const { page } = parseProjectPage(SEED_PAGE, fs.readFileSync(SEED_PAGE, 'utf8'));
    const all = squash(pages.join(''));
    const blocks: string[] = [];
    const collect = (node: Nodes) => {
      if (node.type === 'heading' || node.type === 'paragraph') blocks.push(visibleText(node));
      else if ('children' in node) node.children.forEach(collect);
    };
    collect(page!.body);
    expect(blocks.length).toBeGreaterThan(35);
    for (const block of blocks.filter((b) => b.trim())) expect(all, block).toContain(squash(block));
    for (const title of [
      '1. Snowflake PoC 지원',
      '2. MCMS (Marketing Cost Management System) 개발 참여',
      '3. 공용 라이브러리 개발',
      '4. ML 모델 배포 지원',
      '5. 외부 채널링 데이터 제공 API',
    ])
      expect(all).toContain(squash(title));
  });

  it('draws every figure of the example but api_docs.png, which shows the placeholder frame', () => {
    const missing = prepared.warnings.filter((w) => w.code === 'image-missing');
    expect(missing.map((w) => w.message)).toEqual([expect.stringContaining('api_docs.png')]);
    expect(squash(pages.join(''))).toContain(squash('이미지 파일 없음 — api_docs'));
  });

  it('has the five projects in the outline, in order', async () => {
    const doc = await openPdf(pdf);
    const titles = ((await doc.getOutline()) ?? []).map((o) => o.title);
    await doc.destroy();
    expect(titles).toEqual([
      '포트폴리오',
      '목차',
      '1. 사용자 행동 로그 관리 시스템 (I.Log.Yo)',
      '2. 배달 시간 예측 모델 실시간 서빙',
      '3. MLOps 플랫폼 구축',
      '4. 데이터 시각화 플랫폼',
      '5. 기타 프로젝트',
    ]);
  });

  it('never ends a page with a heading', async () => {
    const doc = await openPdf(pdf);
    const footerTop = 60; // points from the bottom: the running footer and page number
    for (let i = 3; i <= doc.numPages; i++) {
      const items = (await (await doc.getPage(i)).getTextContent()).items.filter(
        (item): item is Extract<typeof item, { str: string }> => 'str' in item && item.str.trim() !== '' && item.transform[5] > footerTop,
      );
      const lowest = items.reduce((a, b) => (b.transform[5] < a.transform[5] ? b : a));
      // Body text is 9.3 pt, tables and captions smaller; headings are 10.5 pt and up.
      expect(lowest.transform[0], `page ${i} ends with "${lowest.str}"`).toBeLessThan(10.5);
    }
    await doc.destroy();
  });
});
