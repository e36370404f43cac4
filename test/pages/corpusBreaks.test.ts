import { describe, expect, test } from 'vitest';
import { pdfPagesText, squash } from '../helpers/pdf.js';
import { readPdfText } from '../../src/verify/pdfText.js';
import { verifyRenderedText } from '../../src/verify/verifyDocument.js';
import { corpusRoles, renderCorpusResume, THEMES } from './corpus.js';

/**
 * Other people's resumes (test/fixtures/people), in every theme: the read-back finds no bad page
 * break (verify/pageBreaks.ts) and every string of the model in the text layer; the short last
 * pages some leave are warned about (fit pulls them back: test/pages/fit.test.ts).
 */
describe.each(corpusRoles())('$person / $role', ({ person, role }) => {
  test.each(THEMES)('%s: no bad break, the text layer as the model', async (theme) => {
    const { doc, pdf, area } = await renderCorpusResume(person, role, theme);
    const problems = verifyRenderedText({ file: 'x.pdf', pdf, content: doc.content, drawn: doc.drawn }, area);
    expect(problems.filter((p) => p.code !== 'break-short-last-page').map((p) => `${p.code}: ${p.message}`)).toEqual([]);
    // Our reader and a browser's (pdfjs) extract the same characters, page by page.
    const ours = readPdfText(pdf).map((page) => squash(page.runs.map((r) => r.text).join('')));
    expect((await pdfPagesText(pdf)).map(squash)).toEqual(ours);
  });
});
