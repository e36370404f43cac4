import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, pretendardDir } from '../paths.js';
import { resumeHtml, type BenchResume } from '../resumeHtml.js';

/**
 * One cold Chromium print of a JSON Resume rendered to HTML with the bench's template, the way
 * JSON Resume's and Reactive Resume's exporters do: `node chromium.js <resume.json> <out.pdf>`.
 * Uses the system Chromium (Debian's package); run as a fresh process per measurement.
 */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const [resumeFile, outFile] = process.argv.slice(2);
if (!resumeFile || !outFile) throw new Error('usage: chromium.js <resume.json> <out.pdf>');

const resume = JSON.parse(fs.readFileSync(resumeFile, 'utf8')) as BenchResume;
const fonts = pretendardDir();
const html = resumeHtml(resume, {
  400: path.join(fonts, 'Pretendard-Regular.ttf'),
  600: path.join(fonts, 'Pretendard-SemiBold.ttf'),
  700: path.join(fonts, 'Pretendard-Bold.ttf'),
});
// Loaded from a file (not setContent on about:blank) so that the file:// fonts may load.
const htmlFile = outFile.replace(/\.pdf$/, '') + '.html';
fs.writeFileSync(htmlFile, html);

const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
try {
  const page = await browser.newPage();
  await page.goto(`file://${path.resolve(htmlFile)}`, { waitUntil: 'load' });
  await page.pdf({
    path: outFile,
    format: 'A4',
    preferCSSPageSize: true,
    displayHeaderFooter: true,
    headerTemplate: '<span></span>',
    // Page numbers only: the footer is drawn apart from the page, without its web fonts (no Hangul).
    footerTemplate:
      '<div style="font-size:8pt;color:#5b6673;width:100%;margin:0 50pt;text-align:right"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
  });
} finally {
  await browser.close();
}
