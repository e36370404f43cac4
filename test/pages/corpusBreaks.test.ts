import { describe, expect, test } from 'vitest';
import { textAreaOf } from '../../src/compose/styles.js';
import { fitRendered } from '../../src/fit/fitDocument.js';
import { DOCUMENT_MAKERS } from '../../src/pipeline/documents.js';
import { readPdfText } from '../../src/verify/pdfText.js';
import { inspectPdf } from '../../src/verify/inspectPdf.js';
import { verifyRenderedText } from '../../src/verify/verifyDocument.js';
import { pdfPagesText, squash } from '../helpers/pdf.js';
import { textLayerDifferences } from '../helpers/textLayer.js';
import { corpusRoles, renderCorpusResume, THEMES } from './corpus.js';

/**
 * Other people's resumes (test/fixtures/people), in every theme: the read-back finds no bad page
 * break (verify/pageBreaks.ts) and every string of the model in the text layer, character for
 * character (test/helpers/textLayer.ts). A short last page
 * is a warning naming what it holds, and with fit on it is pulled back: the resume laid out again,
 * tightened, one page shorter and with no defect at all.
 */
describe.each(corpusRoles())('$person / $role', ({ person, role }) => {
  test.each(THEMES)('%s: no bad break, the text layer as the model; a short last page warned of, and pulled back by fit', async (theme) => {
    const { doc, pdf, area, ctx } = await renderCorpusResume(person, role, theme);
    const problems = verifyRenderedText({ file: 'x.pdf', pdf, outline: doc.outline, drawn: doc.drawn, ats: doc.ats }, area);
    const short = problems.filter((p) => p.code === 'break-short-last-page');
    expect(problems.filter((p) => p !== short[0]).map((p) => `${p.code}: ${p.message}`)).toEqual([]);
    // Our reader and a browser's (pdfjs) extract the same characters, page by page.
    const ours = readPdfText(pdf).map((page) => squash(page.runs.map((r) => r.text).join('')));
    expect((await pdfPagesText(pdf)).map(squash)).toEqual(ours);
    // And pdfjs's text holds every string of the model character for character, spaces and punctuation too.
    expect(await textLayerDifferences(pdf, doc.drawn, area)).toEqual([]);
    if (short.length === 0) return;
    expect(short[0]!.message).toMatch(/^the last page \(\d\) holds \d+% of a page/);
    const pages = inspectPdf(pdf).pages;
    const fitted = await fitRendered(pdf, {
      doc: { ...doc, fit: true },
      theme: ctx.theme,
      recompose: (tightened) => DOCUMENT_MAKERS.resume({ ...ctx, theme: tightened }),
      file: 'x.pdf',
    });
    // Over its budget too (a budget of pages − 1), it is fitted to the budget: the same pull-back.
    const pulledBack = doc.pageBudget === pages - 1 ? 'fitted to' : `last page pulled back, ${pages} →`;
    expect(fitted.note).toMatch(new RegExp(`^${pulledBack} ${pages - 1} pages?: .+ \\([34] extra renders\\)$`));
    expect(inspectPdf(fitted.pdf).pages).toBe(pages - 1);
    expect(verifyRenderedText({ file: 'x.pdf', pdf: fitted.pdf, outline: doc.outline, drawn: doc.drawn, ats: doc.ats }, textAreaOf(fitted.theme))).toEqual([]);
    expect(await textLayerDifferences(fitted.pdf, doc.drawn, textAreaOf(fitted.theme))).toEqual([]);
  });
});
