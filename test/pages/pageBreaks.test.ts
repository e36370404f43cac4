import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkPageBreaks, checkProjectTails } from '../../src/verify/pageBreaks.js';
import type { PageText } from '../../src/verify/pdfText.js';
import { verifyRenderedText } from '../../src/verify/verifyDocument.js';
import { repoRoot } from '../helpers/cli.js';
import { renderResume, THEMES } from './corpus.js';

const area = { margin: { top: 40, right: 40, bottom: 40, left: 40 }, footer: 20 };
const page = (lines: [number, string][]): PageText => ({ width: 595, height: 842, runs: lines.map(([top, text]) => ({ text, top, x: 40, width: 100 })) });
const entry = (title: string, highlights: string[], extra: { dates?: string; keywords?: string[] } = {}) => ({
  title,
  highlights,
  keywords: extra.keywords ?? [],
  dates: extra.dates,
});
const model = (entries: ReturnType<typeof entry>[]) => ({ sections: [{ key: 'work', title: 'Experience', entries }], person: { contacts: [] } });
const codes = (pages: PageText[], content: unknown) => checkPageBreaks(pages, content, area, 'r.pdf').map((p) => p.code);

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
    const portfolio = {
      labels: { project: 'Project' },
      projects: [
        { number: 1, title: 'Alpha' },
        { number: 2, title: 'Beta' },
      ],
    };
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

// Before the break rules, the example data's resumes had 5 bad breaks in 6 PDFs (a head with one line at a page bottom, a keywords line alone at a page top).
describe.each(['data-engineer', 'partner-backend'])('the example data, %s', (roleId) => {
  test.each(THEMES)('%s: no bad page break', async (themeName) => {
    const { doc, pdf, area } = await renderResume(path.join(repoRoot, 'data'), roleId, themeName);
    expect(verifyRenderedText({ file: 'r.pdf', pdf, content: doc.content, drawn: doc.drawn }, area).map((p) => `${p.code}: ${p.message}`)).toEqual([]);
  });
});
