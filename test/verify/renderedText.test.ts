import { beforeAll, describe, expect, test } from 'vitest';
import type { ComposedDocument } from '../../src/compose/composedDocument.js';
import { verifyRenderedText } from '../../src/verify/verifyDocument.js';
import type { TextArea } from '../../src/verify/verifyText.js';
import { renderExampleRole } from '../helpers/exampleRole.js';

/*
 * The example role's three PDFs read back as a reader does: every string of each model is in the
 * text layer, no line runs into the side margins, and over a page budget the entry that spilled
 * over is named. Rendered once, in this process.
 */

let rendered: { doc: ComposedDocument; pdf: Buffer }[];
let area: TextArea;

beforeAll(async () => {
  ({ documents: rendered, area } = await renderExampleRole('data-engineer'));
}, 120_000);

const verify = (i: number, pageBudget?: number) =>
  verifyRenderedText(
    { file: `${rendered[i]!.doc.kind}.pdf`, pdf: rendered[i]!.pdf, content: rendered[i]!.doc.content, drawn: rendered[i]!.doc.drawn, pageBudget },
    area,
  );

describe('post-render verification of the example role', () => {
  test('every string of the resume, portfolio and answers models is extractable from its PDF', () => {
    expect(rendered.map((r) => r.doc.kind)).toEqual(['resume', 'portfolio', 'answers']);
    for (let i = 0; i < rendered.length; i++) expect(verify(i).filter((p) => ['text-not-extractable', 'text-unreadable'].includes(p.code))).toEqual([]);
  });

  test('no line of the resume or the portfolio runs into a side margin', () => {
    for (const i of [0, 1]) expect(verify(i).filter((p) => ['outside-text-area', 'text-unreadable'].includes(p.code))).toEqual([]);
  });

  test('each document says what it drew: its texts, not the handles, links and settings of its model', () => {
    const [resume, portfolio, answers] = rendered.map((r) => r.doc.drawn);
    expect(resume).toContain('신춘호');
    expect(resume).not.toContain('data-engineer');
    expect(resume!.some((text) => text.startsWith('http'))).toBe(false);
    expect(portfolio!.length).toBeGreaterThan(50);
    // The answers PDF draws each answer, not the paste-ready copy (formText) or the counts.
    expect(answers!.some((text) => text.includes('\n\n'))).toBe(true);
  });

  test('a string the PDF does not hold is reported as not extractable', () => {
    const problems = verifyRenderedText({ file: 'resume.pdf', pdf: rendered[0]!.pdf, content: {}, drawn: ['이 문장은 PDF에 없습니다'] }, area);
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'text-not-extractable', message: expect.stringContaining('"이 문장은 PDF에 없습니다"') }),
    ]);
  });

  test('text drawn into the margin is reported with its page and how far', () => {
    const narrow = { ...area, margin: { ...area.margin, right: area.margin.right + 40 } };
    const problems = verifyRenderedText({ file: 'resume.pdf', pdf: rendered[0]!.pdf, content: {}, drawn: [] }, narrow);
    expect(problems[0]).toMatchObject({ code: 'outside-text-area', message: expect.stringMatching(/^page 1: text runs \d+\.\d pt into the right margin: "/) });
  });

  test('over a page budget, the entry that spilled over is named with the page it starts on', () => {
    const problems = verify(0, 1).filter((p) => p.code === 'page-budget-spill');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/^over the budget of 1 page from ".+ › .+" on \(it starts on page 2\); page 1 ends in or after ".+ › .+"/);
  });
});
