import { describe, expect, test } from 'vitest';
import type { ResumeModel } from '../../src/tailor/model.js';
import { atsItems } from '../../src/compose/documentOutline.js';
import { checkAtsView, contentOrder, layoutOrder } from '../../src/verify/atsView.js';
import type { PageText, TextRun } from '../../src/verify/pdfText.js';

/* The ATS view on pages made up here: what a parser makes of line ends, hyphens and columns. */

const run = (text: string, x: number, top: number, width = text.length * 5): TextRun => ({ text, x, top, width });
const page = (runs: TextRun[]): PageText => ({ width: 595, height: 842, runs });

const model = {
  person: {
    name: '박서연',
    contacts: [
      { kind: 'email', text: 'sy@example.com' },
      { kind: 'url', text: 'github.com/sy-park-example' },
      { kind: 'location', text: 'Seoul' },
    ],
  },
  labels: { summary: 'Summary' },
  sections: [
    { key: 'work', title: 'Experience', entries: [{ title: 'Data Engineer', subtitle: 'Acme', dates: '2021.03 – 2024.02', highlights: [], keywords: [] }] },
  ],
} as unknown as ResumeModel;
const expected = atsItems(model, []);

describe('the ATS view of a resume', () => {
  test('looks for the name, the contacts but the location, section titles, and each entry’s title, organisation and dates, in order', () => {
    expect(expected.map((item) => item.text)).toEqual([
      '박서연',
      'sy@example.com',
      'github.com/sy-park-example',
      'Experience',
      'Data Engineer',
      'Acme',
      '2021.03 – 2024.02',
    ]);
    const sidebar = atsItems({ ...model, summary: 'x' }, ['work']).map((item) => item.text);
    expect(sidebar.indexOf('Experience')).toBeLessThan(sidebar.indexOf('Summary'));
  });

  test('a resume drawn right passes in both orders: a right-aligned date read after its title, a section title in capitals', () => {
    const pages = [
      page([
        run('박서연', 40, 40),
        run('sy@example.com · github.com/sy-park-example', 40, 60),
        run('EXPERIENCE', 40, 100),
        run('Data Engineer Acme', 40, 120),
        run('2021.03 – 2024.02', 470, 120, 85),
        run('Built the pipelines that load every event of the day into the warehouse, and more.', 40, 134, 480),
      ]),
    ];
    expect(checkAtsView(pages, expected, 'resume.pdf')).toEqual([]);
  });

  test('a URL broken after a hyphen comes out merged, and the problem names it', () => {
    const pages = [page([run('박서연', 40, 40), run('sy@example.com · github.com/sy-park-', 40, 60), run('example', 40, 72), run('Experience', 40, 100)])];
    expect(contentOrder(pages)).toContain('github.com/sy-parkexample');
    const problems = checkAtsView(pages, expected, 'resume.pdf');
    expect(problems.map((p) => p.message)).toEqual(
      expect.arrayContaining([
        'an applicant-tracking system reading in content order does not find the link whole: "github.com/sy-park-example"',
        'an applicant-tracking system reading in layout order does not find the link whole: "github.com/sy-park-example"',
      ]),
    );
  });

  test('a sidebar is a column of its own in layout order; drawn after the main column, content order finds the facts out of order', () => {
    const withSidebar = atsItems({ ...model, sections: [{ key: 'skills', title: 'Skills', entries: [] }, ...model.sections] } as unknown as ResumeModel, [
      'skills',
    ]);
    const filler = Array.from({ length: 30 }, (_, i) => run(`Line ${i} of the main column, long enough to be a real column of text`, 220, 160 + i * 20, 340));
    const main = [run('Experience', 220, 40, 60), run('Data Engineer Acme', 220, 60, 100), run('2021.03 – 2024.02', 220, 80, 85), ...filler];
    const sidebar = [run('박서연', 40, 40, 60), run('sy@example.com', 40, 60, 90), run('github.com/sy-park-example', 40, 80, 140), run('Skills', 40, 700, 40)];
    const pages = [page([...main, ...sidebar])];
    expect(layoutOrder(pages).trim().startsWith('박서연 sy@example.com github.com/sy-park-example Skills Experience')).toBe(true);
    const problems = checkAtsView(pages, withSidebar, 'resume.pdf');
    expect(problems.filter((p) => p.message.includes('layout order'))).toEqual([]);
    expect(problems.map((p) => p.message)).toContain(
      'an applicant-tracking system reading in content order finds the section title "Experience" out of order: "Experience"',
    );
  });
});
