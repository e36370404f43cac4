import { createElement } from 'react';
import { beforeAll, describe, expect, test } from 'vitest';
import { AnswersDocument, type AnswersModel } from '../../src/compose/answers/AnswersDocument.js';
import type { ComposedDocument } from '../../src/compose/composedDocument.js';
import { textAreaOf } from '../../src/compose/styles.js';
import { renderDocument } from '../../src/render/renderDocument.js';
import type { Theme } from '../../src/validate/schema/theme.js';
import { verifyRenderedText } from '../../src/verify/verifyDocument.js';
import { checkPageBreaks, checkProjectTails } from '../../src/verify/pageBreaks.js';
import { readPdfText } from '../../src/verify/pdfText.js';
import { entryPages, type TextArea } from '../../src/verify/verifyText.js';
import { renderExampleRole } from '../helpers/exampleRole.js';
import { textLayerDifferences } from '../helpers/textLayer.js';
import { drawnTexts } from '../../src/compose/drawnTexts.js';

/*
 * The example role's three PDFs read back as a reader does: every string of each model is in the
 * text layer (and in pdfjs's, character for character), no line runs into the side margins, and over a page budget the entry that spilled
 * over is named. Rendered once, in this process.
 */

let rendered: { doc: ComposedDocument; pdf: Buffer }[];
let area: TextArea;
let theme: Theme;

beforeAll(async () => {
  ({ documents: rendered, area, theme } = await renderExampleRole('data-engineer'));
}, 120_000);

const verify = (i: number, pageBudget?: number) =>
  verifyRenderedText(
    { file: `${rendered[i]!.doc.kind}.pdf`, pdf: rendered[i]!.pdf, outline: rendered[i]!.doc.outline, drawn: rendered[i]!.doc.drawn, pageBudget },
    area,
  );

describe('post-render verification of the example role', () => {
  test('every string of the resume, portfolio and answers models is extractable from its PDF', () => {
    expect(rendered.map((r) => r.doc.kind)).toEqual(['resume', 'portfolio', 'answers']);
    for (let i = 0; i < rendered.length; i++) expect(verify(i).filter((p) => ['text-not-extractable', 'text-unreadable'].includes(p.code))).toEqual([]);
  });

  test("pdfjs's text of each document holds every string of its model character for character (punctuation, spaces)", async () => {
    for (const { doc, pdf } of rendered) expect(await textLayerDifferences(pdf, doc.drawn, area), doc.kind).toEqual([]);
  });

  test('a string the text layer lacks by one character (a period, a space) is found by that comparison', async () => {
    const { pdf } = rendered[2]!;
    const question = (rendered[2]!.doc.content as AnswersModel).application.questions[0]!.question;
    expect(question).toMatch(/주세요\.$/);
    const without = { question: question.replace(/\.$/, ''), spaced: question.replace('주세요', '주 세요') };
    expect(await textLayerDifferences(pdf, [question], area)).toEqual([]);
    expect(await textLayerDifferences(pdf, [without.question, without.spaced, `${question}.`], area)).toEqual([without.spaced, `${question}.`]);
  });

  test("a question ending in its limit note, '주세요. (최대 500자, 공백 포함)', keeps its period in the text layer at every line break", async () => {
    const model = rendered[2]!.doc.content as AnswersModel;
    const questions = model.application.questions.map((q) => ({ ...q, question: `${q.question} (최대 500자, 공백 포함)` }));
    const content = { ...model, application: { ...model.application, questions } };
    // In the theme's column and in one 37 pt narrower: the four questions break at eight other places.
    for (const right of [theme.page.margin.right, theme.page.margin.right + 37]) {
      const narrowed = { ...theme, page: { ...theme.page, margin: { ...theme.page.margin, right } } };
      const pdf = await renderDocument({ kind: 'answers', element: createElement(AnswersDocument, { model: content, theme: narrowed }) });
      expect(await textLayerDifferences(pdf, drawnTexts(content), textAreaOf(narrowed)), `right margin ${right}`).toEqual([]);
    }
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

  test("the page-break read-back finds every entry, project and question of each document's outline on its pages, and no bad break in any", () => {
    for (const { doc, pdf } of rendered) {
      const units = doc.outline.blocks.filter((b) => b.kind !== 'person' && b.kind !== 'section-title');
      expect(units.length, doc.kind).toBeGreaterThan(2);
      const pages = readPdfText(pdf);
      expect(entryPages(pages, doc.outline).map((e) => e.label)).toEqual(units.map((b) => b.label));
      expect([...checkPageBreaks(pages, doc.outline, area, 'x.pdf'), ...checkProjectTails(pages, doc.outline, area, 'x.pdf')]).toEqual([]);
    }
  });

  test('a string the PDF does not hold is reported as not extractable', () => {
    const problems = verifyRenderedText(
      { file: 'resume.pdf', pdf: rendered[0]!.pdf, outline: rendered[0]!.doc.outline, drawn: ['이 문장은 PDF에 없습니다'] },
      area,
    );
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'text-not-extractable', message: expect.stringContaining('"이 문장은 PDF에 없습니다"') }),
    ]);
  });

  test('text drawn into the margin is reported with its page and how far', () => {
    const narrow = { ...area, margin: { ...area.margin, right: area.margin.right + 40 } };
    const problems = verifyRenderedText({ file: 'resume.pdf', pdf: rendered[0]!.pdf, outline: rendered[0]!.doc.outline, drawn: [] }, narrow);
    expect(problems[0]).toMatchObject({ code: 'outside-text-area', message: expect.stringMatching(/^page 1: text runs \d+\.\d pt into the right margin: "/) });
  });

  test('over a page budget, the entry that spilled over is named with the page it starts on', () => {
    const problems = verify(0, 1).filter((p) => p.code === 'page-budget-spill');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/^over the budget of 1 page from ".+ › .+" on \(it starts on page 2\); page 1 ends in or after ".+ › .+"/);
  });
});
