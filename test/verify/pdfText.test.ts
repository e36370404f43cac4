import { beforeAll, describe, expect, test } from 'vitest';
import { PdfFile } from '../../src/verify/pdfFile.js';
import { PdfStream } from '../../src/verify/pdfSyntax.js';
import { readPdfText, type PageText, type TextRun } from '../../src/verify/pdfText.js';
import { verifyRenderedText } from '../../src/verify/verifyDocument.js';
import { renderExampleRole, type RenderedRole } from '../helpers/exampleRole.js';
import { openPdf, squash } from '../helpers/pdf.js';

/*
 * The build reads its PDFs back with its own small reader (readPdfText); pdfjs-dist, a
 * browser's reader, is the independent judge here. On the example role's resume, portfolio
 * (images, code in JetBrains Mono, tables, Korean and English) and answers they must find the
 * same text on every page, at the same places.
 */

let role: RenderedRole;
beforeAll(async () => {
  role = await renderExampleRole('data-engineer');
}, 120_000);

/** The runs pdfjs extracts, placed as readPdfText places its own (points from the top-left). */
async function pdfjsPages(pdf: Buffer): Promise<PageText[]> {
  const doc = await openPdf(pdf);
  const pages: PageText[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const [, , width, height] = page.view as [number, number, number, number];
    const runs: TextRun[] = [];
    for (const item of (await page.getTextContent()).items) {
      if (!('str' in item) || item.str === '') continue;
      const [, , , scaleY, x, baseline] = item.transform as number[];
      runs.push({ text: item.str, x: x!, top: height - baseline! - Math.abs(scaleY!), width: item.width });
    }
    pages.push({ width, height, runs });
  }
  await doc.destroy();
  return pages;
}

interface Line {
  top: number;
  left: number;
  right: number;
  runs: TextRun[];
}

/**
 * Runs with the same top, left to right: pdfjs merges and splits runs its own way (one item
 * for several of pdfkit's, a space item between two), so lines are what both must agree on.
 */
function linesOf(runs: readonly TextRun[]): Line[] {
  const lines: Line[] = [];
  for (const run of runs.filter((r) => r.text.trim() !== '').sort((a, b) => a.top - b.top || a.x - b.x)) {
    const line = lines.at(-1);
    if (line && Math.abs(run.top - line.top) <= 0.5) {
      line.left = Math.min(line.left, run.x);
      line.right = Math.max(line.right, run.x + run.width);
      line.runs.push(run);
    } else lines.push({ top: run.top, left: run.x, right: run.x + run.width, runs: [run] });
  }
  return lines;
}

describe('readPdfText agrees with pdfjs-dist on the example role', () => {
  test.each(['resume', 'portfolio', 'answers'])('%s: same pages, same text, same lines, every run where pdfjs has it (within 1 pt)', async (kind) => {
    const document = role.documents.find((d) => d.doc.kind === kind);
    expect(document, `the example role has no ${kind}`).toBeDefined();
    const mine = readPdfText(document!.pdf);
    const theirs = await pdfjsPages(document!.pdf);
    expect(mine.length).toBe(theirs.length);
    mine.forEach((page, i) => {
      const where = `${kind} page ${i + 1}`;
      const other = theirs[i]!;
      expect([page.width, page.height], where).toEqual([other.width, other.height]);
      expect(squash(page.runs.map((r) => r.text).join('')), where).toBe(squash(other.runs.map((r) => r.text).join('')));
      const lines = linesOf(page.runs);
      const otherLines = linesOf(other.runs);
      expect(lines.length, where).toBe(otherLines.length);
      lines.forEach((line, k) => {
        const otherLine = otherLines[k]!;
        const at = `${where}, line ${k + 1} "${line.runs.map((r) => r.text).join('')}"`;
        expect(Math.abs(line.top - otherLine.top), `${at}: top`).toBeLessThanOrEqual(1);
        expect(Math.abs(line.left - otherLine.left), `${at}: left end`).toBeLessThanOrEqual(1);
        expect(Math.abs(line.right - otherLine.right), `${at}: right end`).toBeLessThanOrEqual(1);
        for (const run of line.runs) {
          const inside = otherLine.runs.some((o) => o.x - 1 <= run.x && run.x + run.width <= o.x + o.width + 1);
          expect(inside, `${at}: run "${run.text}" at ${run.x.toFixed(1)}–${(run.x + run.width).toFixed(1)} is within one of pdfjs's runs`).toBe(true);
        }
      });
    });
  });
});

describe('a PDF the reader cannot read is a warning, not a crash', () => {
  const resume = () => role.documents[0]!;
  const verify = (pdf: Buffer) => verifyRenderedText({ file: 'resume.pdf', pdf, outline: resume().doc.outline, drawn: resume().doc.drawn }, role.area);

  test('a garbled content stream', () => {
    const pdf = Buffer.from(resume().pdf);
    const file = new PdfFile(pdf);
    const pages = file.dict(file.dict(file.trailer.get('Root'), 'catalog').get('Pages'), 'pages');
    const contents = file.resolve(file.dict(file.array(pages.get('Kids'), 'kids')[0], 'page 1').get('Contents'));
    if (!(contents instanceof PdfStream)) throw new Error('page 1 has no content stream');
    const at = contents.raw.byteOffset - pdf.byteOffset;
    pdf.fill(0x41, at, at + 16); // the zlib header and the first block: "AAAA…"
    expect(() => readPdfText(pdf)).toThrow(/content stream cannot be decompressed/);
    expect(verify(pdf)).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'text-unreadable', message: expect.stringContaining('could not be read back') }),
    ]);
  });

  test('a font encoding it does not read', () => {
    const pdf = Buffer.from(resume().pdf.toString('latin1').replace('/Identity-H', '/Identity-V'), 'latin1');
    expect(verify(pdf)).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'text-unreadable',
        message: expect.stringMatching(/font F\d+ \(.+\) is Type0 with encoding Identity-V/),
      }),
    ]);
  });

  test('bytes that are not a PDF at all', () => {
    expect(verify(Buffer.from('%PDF-1.3\nnot really\n'))).toEqual([
      expect.objectContaining({ code: 'text-unreadable', message: expect.stringContaining('no startxref') }),
    ]);
  });
});
