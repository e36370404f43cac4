import fs from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import { describe, expect, test } from 'vitest';
import type { AnswersModel } from '../../src/compose/answers/AnswersDocument.js';
import { answersOutline, type DocumentOutline, portfolioOutline, resumeOutline } from '../../src/compose/documentOutline.js';
import type { ResumeModel } from '../../src/tailor/model.js';
import type { PortfolioModel } from '../../src/tailor/tailorPortfolio.js';
import type { Theme } from '../../src/validate/schema/theme.js';
import { checkPageBreaks, checkProjectTails } from '../../src/verify/pageBreaks.js';
import type { PageText } from '../../src/verify/pdfText.js';
import { verifyRenderedText } from '../../src/verify/verifyDocument.js';
import { repoRoot, tempDir } from '../helpers/cli.js';
import { renderResume, THEMES } from './corpus.js';

const area = { margin: { top: 40, right: 40, bottom: 40, left: 40 }, footer: 20 };
const page = (lines: [number, string][]): PageText => ({ width: 595, height: 842, runs: lines.map(([top, text]) => ({ text, top, x: 40, width: 100 })) });
const entry = (title: string, highlights: string[], extra: { dates?: string; keywords?: string[] } = {}) => ({
  title,
  highlights,
  keywords: extra.keywords ?? [],
  dates: extra.dates,
});
const oneColumn = { layout: 'one-column' } as Theme;
/** The outline of a resume of one section, as compose makes it. */
const model = (entries: ReturnType<typeof entry>[]) =>
  resumeOutline(
    { sections: [{ key: 'work', title: 'Experience', entries }], person: { name: 'Jane Doe', contacts: [] }, labels: {} } as unknown as ResumeModel,
    oneColumn,
  );
const codes = (pages: PageText[], outline: DocumentOutline) => checkPageBreaks(pages, outline, area, 'r.pdf').map((p) => p.code);

describe('the page-break read-back (verify/pageBreaks)', () => {
  test('an entry whose head ends a page alone, and a one-line tail starting the next', () => {
    const content = model([entry('Acme', ['Built the first thing', 'Built the second thing', 'Built the third thing'], { keywords: ['Go', 'SQL'] })]);
    const pages = [
      page([
        [50, 'Experience'],
        [70, 'Acme'],
      ]),
      page([
        [50, 'Built the first thing'],
        [62, 'Built the second thing'],
        [74, 'Built the third thing'],
        [86, 'Go · SQL'],
      ]),
    ];
    expect(codes(pages, content)).toContain('break-head-alone');
    const tail = [
      page([
        [50, 'Experience'],
        [70, 'Acme'],
        [82, 'Built the first thing'],
        [94, 'Built the second thing'],
        [106, 'Built the third thing'],
      ]),
      page([
        [50, 'Go · SQL'],
        [500, 'more text'],
      ]),
    ];
    expect(codes(tail, content)).toContain('break-tail-alone');
  });

  test('a section title alone at a page bottom, and a short last page', () => {
    const content = model([entry('Acme', ['Built it'])]);
    const pages = [
      page([
        [50, 'Other text'],
        [760, 'Experience'],
      ]),
      page([
        [50, 'Acme'],
        [62, 'Built it'],
      ]),
    ];
    expect(codes(pages, content)).toEqual(expect.arrayContaining(['break-section-title-alone', 'break-short-last-page']));
  });

  test('a date range split across lines', () => {
    const content = model([entry('Acme', ['Built it', 'And more'], { dates: 'Mar 2016 – Aug 2020' })]);
    const pages = [
      page([
        [50, 'Experience'],
        [70, 'Acme Mar 2016 –'],
        [82, 'Aug 2020'],
        [94, 'Built it'],
        [106, 'And more'],
        [700, 'end'],
      ]),
    ];
    expect(codes(pages, content)).toEqual(['break-split-token']);
  });

  test("a bullet's marker left alone at a page's foot, its text on the next page", () => {
    const content = model([entry('Acme', ['Built the first thing', 'Built the second thing'])]);
    const pages = [
      page([
        [50, 'Experience'],
        [70, 'Acme'],
        [82, 'Built the first thing'],
        [780, '•'],
      ]),
      page([
        [50, 'Built the second thing'],
        [500, 'end'],
      ]),
    ];
    expect(codes(pages, content)).toContain('break-marker-alone');
  });

  test('the short last page names what it holds', () => {
    const content = model([entry('Acme', ['Built it']), entry('Globex', ['Ran it'])]);
    const pages = [
      page([
        [50, 'Experience'],
        [70, 'Acme'],
        [82, 'Built it'],
        [700, 'end'],
      ]),
      page([
        [50, 'Globex'],
        [62, 'Ran it'],
      ]),
    ];
    const short = checkPageBreaks(pages, content, area, 'r.pdf').find((p) => p.code === 'break-short-last-page');
    expect(short?.message).toBe('the last page (2) holds 5% of a page: "Experience › Globex"');
  });

  test("a portfolio project that ends on a page of a few lines; a project's pages that are full are no defect", () => {
    const portfolio = portfolioOutline({
      labels: { project: 'Project' },
      projects: [
        { number: 1, title: 'Alpha', facts: [], body: markdown() },
        { number: 2, title: 'Beta', facts: [], body: markdown() },
      ],
    } as unknown as PortfolioModel);
    const full = (lines: number) => Array.from({ length: lines }, (_, i): [number, string] => [62 + i * 12, `line ${i}`]);
    const short = [
      page([[40, 'cover']]),
      page([[50, 'PROJECT 01'], [60, 'Alpha'], ...full(55)]),
      page([[50, 'the last line of Alpha']]),
      page([[50, 'PROJECT 02'], [60, 'Beta'], ...full(20)]),
    ];
    expect(checkProjectTails(short, portfolio, area, 'p.pdf').map((p) => p.message)).toEqual([
      'page 3 holds only the end of the project "Alpha" (3% of a page)',
    ]);
    const fine = [short[0]!, short[1]!, page([[50, 'more of Alpha'], ...full(30)]), short[3]!];
    expect(checkProjectTails(fine, portfolio, area, 'p.pdf')).toEqual([]);
  });
});

const markdown = (...children: Root['children']): Root => ({ type: 'root', children });

describe('the page-break read-back of the answers and the portfolio (their outlines)', () => {
  const answers = answersOutline({
    lang: 'en',
    application: {
      questions: [1, 2].map((number) => ({
        id: `q${number}`,
        number,
        question: `Why us, part ${number}?`,
        answer: { text: `First line of answer ${number}\nSecond line of answer ${number}\n- a listed point of answer ${number}` },
        count: 10,
        limit: 500,
        rule: { unit: 'chars', spaces: true },
      })),
    },
  } as unknown as AnswersModel);

  test("each question is a block: its eyebrow and question the head, its count and answer lines the body, its markers the document's", () => {
    expect(answers.blocks.map((b) => [b.kind, b.label, b.head, b.body.slice(1)])).toEqual([
      ['question', 'question 1', ['Question 1 / 2', 'Why us, part 1?'], ['First line of answer 1', 'Second line of answer 1', '-a listed point of answer 1']],
      ['question', 'question 2', ['Question 2 / 2', 'Why us, part 2?'], ['First line of answer 2', 'Second line of answer 2', '-a listed point of answer 2']],
    ]);
    expect(answers.markers).toEqual(['-']);
  });

  test("a question's heading alone at a page's foot, and its last line alone at the next page's top", () => {
    const first = (top: number): [number, string][] => [
      [top, 'Question 1 / 2'],
      [top + 12, 'Why us, part 1?'],
      [top + 24, '10/500 characters (spaces included) · 490 characters left'],
      [top + 36, 'First line of answer 1'],
      [top + 48, 'Second line of answer 1'],
      [top + 60, '- a listed point of answer 1'],
    ];
    const second: [number, string][] = [
      [50, 'First line of answer 2'],
      [62, 'Second line of answer 2'],
      [74, '- a listed point of answer 2'],
      [600, 'end'],
    ];
    const headAlone = [page([...first(50), [740, 'Question 2 / 2'], [752, 'Why us, part 2?']]), page(second)];
    expect(checkPageBreaks(headAlone, answers, area, 'a.pdf').map((p) => p.message)).toEqual([
      'page 1: "question 2" ends the page with only its head; the rest is on page 2',
    ]);
    const tailAlone = [
      page(first(50).slice(0, -1)),
      page([
        [50, '- a listed point of answer 1'],
        [70, 'Question 2 / 2'],
        [82, 'Why us, part 2?'],
        ...second.map(([top, text]): [number, string] => [top + 50, text]),
      ]),
    ];
    expect(checkPageBreaks(tailAlone, answers, area, 'a.pdf').map((p) => p.message)).toEqual([
      'page 2 starts with the last line of "question 1" alone: "- a listed point of answer 1"',
    ]);
    // Whole on their pages, and a short last page is no defect of the answers: nothing.
    expect(
      checkPageBreaks(
        [page(first(50)), page([[50, 'Question 2 / 2'], [62, 'Why us, part 2?'], ...second.map(([top, text]): [number, string] => [top + 30, text])])],
        answers,
        area,
        'a.pdf',
      ),
    ).toEqual([]);
  });

  test("a markdown list's marker alone on a page's last line is a defect; beside text lower down the same page (a code block in the item) it is not", () => {
    const list = markdown({
      type: 'list',
      ordered: true,
      start: 1,
      spread: false,
      children: [{ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [{ type: 'text', value: 'Ship it' }] }] }],
    });
    const portfolio = portfolioOutline({
      labels: { project: 'Project' },
      projects: [{ number: 1, title: 'Alpha', facts: [], body: list }],
    } as unknown as PortfolioModel);
    expect(portfolio.markers).toEqual(['1.']);
    const foot = [
      page([
        [50, 'PROJECT 01'],
        [62, 'Alpha'],
        [780, '1.'],
      ]),
      page([
        [50, 'Ship it'],
        [600, 'end'],
      ]),
    ];
    expect(checkPageBreaks(foot, portfolio, area, 'p.pdf').map((p) => p.message)).toEqual([
      'page 1: a bullet\'s marker "1." is alone on its line; its text is on the next page',
    ]);
    const beside = [
      page([
        [50, 'PROJECT 01'],
        [62, 'Alpha'],
        [80, '1.'],
        [90, 'const shipped = true'],
        [600, 'end'],
      ]),
    ];
    expect(checkPageBreaks(beside, portfolio, area, 'p.pdf')).toEqual([]);
  });
});

test('verify and fit read what the documents drew from their outlines: no module of src/verify or src/fit imports the tailored models', () => {
  const importers = ['verify', 'fit'].flatMap((folder) => {
    const dir = path.join(repoRoot, 'src', folder);
    return fs
      .readdirSync(dir)
      .filter((file) => file.endsWith('.ts') && /from '\.\.\/tailor\//.test(fs.readFileSync(path.join(dir, file), 'utf8')))
      .map((file) => `${folder}/${file}`);
  });
  expect(importers).toEqual([]);
});

// Before the break rules, the example data's resumes had 5 bad breaks in 6 PDFs (a head with one line at a page bottom, a keywords line alone at a page top).
describe.each(['data-engineer', 'partner-backend'])('the example data, %s', (roleId) => {
  test.each(THEMES)('%s: no bad page break', async (themeName) => {
    const { doc, pdf, area } = await renderResume(path.join(repoRoot, 'data'), roleId, themeName);
    expect(verifyRenderedText({ file: 'r.pdf', pdf, outline: doc.outline, drawn: doc.drawn }, area).map((p) => `${p.code}: ${p.message}`)).toEqual([]);
  });
});

// The compact theme's gutter once held a section title apart from its first entry: with 47 one-line bullets before it, "수상" was left alone at page 1's foot.
test('a section title in the gutter (compact) moves to the next page with its first entry', async () => {
  const dir = tempDir();
  const bullets = Array.from({ length: 47 }, (_, i) => `      - 주문 API 응답 시간을 줄인 일 ${i + 1}`).join('\n');
  fs.writeFileSync(
    path.join(dir, 'resume.yaml'),
    `basics:\n  name: 박현우\n  email: hw@example.com\nwork:\n  - id: w\n    name: 코드브릿지\n    position: 백엔드 개발자\n    startDate: "2024-02"\n    highlights:\n${bullets}\nawards:\n  - id: a\n    title: 사내 해커톤 대상\n    awarder: 코드브릿지\n    date: "2023-11"\n    summary: 주문 대시보드 프로토타입\n`,
  );
  const { doc, pdf, area } = await renderResume(dir, 'master', 'compact');
  const problems = verifyRenderedText({ file: 'r.pdf', pdf, outline: doc.outline, drawn: doc.drawn }, area);
  expect(problems.map((p) => p.code)).toEqual(['break-short-last-page']);
  expect(problems[0]!.message).toMatch(/^the last page \(2\) holds \d+% of a page: "수상 › 사내 해커톤 대상"$/);
});
