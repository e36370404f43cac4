import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { FOOTER_HEIGHT } from '../../src/compose/styles.js';
import { creationDate } from '../../src/pipeline/creationDate.js';
import { DOCUMENT_MAKERS, MAIN_KINDS, type ComposedDocument } from '../../src/pipeline/documents.js';
import { prepare, themeFor } from '../../src/pipeline/prepare.js';
import { renderPdf } from '../../src/render/renderPdf.js';
import { verifyRenderedText } from '../../src/verify/verifyDocument.js';
import type { TextArea } from '../../src/verify/verifyText.js';
import { repoRoot } from '../helpers/cli.js';

/*
 * The example role's three PDFs read back as a reader does: every string of each model is in the
 * text layer, no line runs into the side margins, and over a page budget the entry that spilled
 * over is named. Rendered once, in this process.
 */

const ROLE = 'data-engineer';
const rendered: { doc: ComposedDocument; pdf: Buffer }[] = [];
let area: TextArea;

beforeAll(async () => {
  const prepared = prepare({ dataDir: path.join(repoRoot, 'data'), roles: [ROLE] });
  const theme = themeFor(prepared, ROLE);
  area = { margin: theme.page.margin, footer: FOOTER_HEIGHT };
  const ctx = { roleId: ROLE, resume: prepared.resume, role: prepared.roles.get(ROLE), theme, photo: prepared.photo, creationDate: creationDate(prepared.resume), projects: prepared.projects, application: prepared.applications.get(ROLE) };
  for (const kind of MAIN_KINDS) {
    const doc = await DOCUMENT_MAKERS[kind](ctx);
    if (doc) rendered.push({ doc, pdf: doc.pdf ?? (await renderPdf(doc.element)) });
  }
}, 120_000);

const verify = (i: number, pageBudget?: number) => verifyRenderedText({ file: `${rendered[i]!.doc.kind}.pdf`, pdf: rendered[i]!.pdf, content: rendered[i]!.doc.content, pageBudget }, area);

describe('post-render verification of the example role', () => {
  test('every string of the resume, portfolio and answers models is extractable from its PDF', async () => {
    expect(rendered.map((r) => r.doc.kind)).toEqual(['resume', 'portfolio', 'answers']);
    for (let i = 0; i < rendered.length; i++) expect((await verify(i)).filter((p) => p.code === 'text-not-extractable')).toEqual([]);
  });

  test('no line of the resume or the portfolio runs into a side margin', async () => {
    for (const i of [0, 1]) expect((await verify(i)).filter((p) => p.code === 'outside-text-area')).toEqual([]);
  });

  test('a string the PDF does not hold is reported as not extractable', async () => {
    const problems = await verifyRenderedText({ file: 'resume.pdf', pdf: rendered[0]!.pdf, content: { summary: '이 문장은 PDF에 없습니다' } }, area);
    expect(problems).toEqual([expect.objectContaining({ severity: 'warning', code: 'text-not-extractable', message: expect.stringContaining('"이 문장은 PDF에 없습니다"') })]);
  });

  test('text drawn into the margin is reported with its page and how far', async () => {
    const narrow = { ...area, margin: { ...area.margin, right: area.margin.right + 40 } };
    const problems = await verifyRenderedText({ file: 'resume.pdf', pdf: rendered[0]!.pdf, content: {} }, narrow);
    expect(problems[0]).toMatchObject({ code: 'outside-text-area', message: expect.stringMatching(/^page 1: text runs \d+\.\d pt into the right margin: "/) });
  });

  test('over a page budget, the entry that spilled over is named with the page it starts on', async () => {
    const problems = (await verify(0, 1)).filter((p) => p.code === 'page-budget-spill');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/^over the budget of 1 page from ".+ › .+" on \(it starts on page 2\); page 1 ends in or after ".+ › .+"/);
  });
});
