import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createElement } from 'react';
import { beforeAll, describe, expect, it } from 'vitest';
import { PortfolioDocument } from '../../src/compose/portfolio/PortfolioDocument.js';
import { TocPageNumbers } from '../../src/compose/portfolio/TocPageNumbers.js';
import { UserDataError, type Problem } from '../../src/core/problems.js';
import { loadProjects, parseProjectPage } from '../../src/load/loadProjects.js';
import { creationDate } from '../../src/pipeline/creationDate.js';
import { MASTER, prepare } from '../../src/pipeline/prepare.js';
import { renderPdf } from '../../src/render/renderPdf.js';
import { tailorPortfolio } from '../../src/tailor/tailorPortfolio.js';
import { tailorResume } from '../../src/tailor/tailorResume.js';
import { resolveImage } from '../../src/validate/resolveImage.js';
import { validateProjects } from '../../src/validate/validateProjects.js';
import { themeSchema } from '../../src/validate/schema/theme.js';
import { parseYaml } from '../../src/load/parseYaml.js';
import { pdfPagesText, squash } from '../helpers/pdf.js';

const DATA = path.resolve('test/fixtures/portfolio-problems');
const PAGE = 'test/fixtures/portfolio-problems/projects/bad-images.md';

let problems: Problem[];
let checked: ReturnType<typeof validateProjects>;

beforeAll(() => {
  const loaded = loadProjects(DATA);
  checked = validateProjects(loaded.pages, { dataDir: DATA, assetsRoot: DATA, knownRoles: [] });
  problems = [...loaded.problems, ...checked.problems];
});

const find = (code: string, file = PAGE) => problems.filter((p) => p.code === code && p.at?.file === file);

describe('problems in project pages, each with file:line:col', () => {
  it('a missing image: a warning naming the path looked at', () => {
    const [missing] = find('image-missing');
    expect(missing).toMatchObject({ severity: 'warning', at: { line: 7, col: 1 } });
    expect(missing!.message).toContain('images/missing.png not found');
  });

  it('a path leaving the data folder (relative or site-root): refused, never read', () => {
    const refused = find('image-refused');
    expect(refused.map((p) => [p.severity, p.at?.line, p.at?.col])).toEqual([
      ['error', 9, 11],
      ['error', 9, 58],
    ]);
    expect(refused[0]!.message).toContain('outside the data folder');
  });

  it('a remote image: warned, never fetched', () => {
    const [remote] = find('image-remote');
    expect(remote).toMatchObject({ severity: 'warning', at: { line: 11 } });
    expect(remote!.message).toContain('is not fetched');
  });

  it('a file that is not PNG or JPEG: says what it is, by its bytes', () => {
    const messages = find('image-unsupported').map((p) => p.message);
    expect(messages).toHaveLength(4);
    expect(messages[0]).toContain('images/notes.png is a text file, not PNG or JPEG');
    expect(messages[1]).toContain('is GIF');
    expect(messages[2]).toContain('is WebP');
    expect(messages[3]).toContain('is SVG');
    expect(find('image-unsupported').every((p) => p.severity === 'error' && p.hint?.includes('convert'))).toBe(true);
  });

  it('raw HTML: left out with a warning at its line', () => {
    const html = find('raw-html');
    expect(html.map((p) => p.at?.line)).toEqual([15, 15]);
    expect(html[0]!.message).toContain('<b>');
  });

  it("an unknown front matter key (a site generator's): a warning at the key", () => {
    expect(find('unknown-key')).toMatchObject([{ severity: 'warning', at: { line: 3, col: 1 }, path: 'draft' }]);
  });

  it('JavaScript front matter is refused, never evaluated', () => {
    const [js] = find('front-matter-language', 'test/fixtures/portfolio-problems/projects/js-matter.md');
    expect(js).toMatchObject({ severity: 'error' });
    expect(js!.message).toContain('JavaScript');
  });

  it('front matter schema errors point at the line in the .md file', () => {
    const schema = find('schema', 'test/fixtures/portfolio-problems/projects/wrong-type.md');
    expect(schema.map((p) => [p.path, p.at?.line]).sort()).toEqual([
      ['order', 3],
      ['stack', 4],
    ]);
  });

  it('the build reports them all at once and stops (exit 1), without a stack trace', () => {
    let error: unknown;
    try {
      prepare({ dataDir: DATA, roles: [MASTER] });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(UserDataError);
    const codes = new Set((error as UserDataError).problems.map((p) => p.code));
    for (const code of ['image-missing', 'image-refused', 'image-remote', 'image-unsupported', 'raw-html', 'front-matter-language', 'schema'])
      expect(codes).toContain(code);
  });

  it('with --strict a missing image is an error too', () => {
    expect(() => prepare({ dataDir: path.resolve('test/fixtures/portfolio'), roles: [MASTER], strict: true })).toThrow(UserDataError);
    expect(() => prepare({ dataDir: path.resolve('test/fixtures/portfolio'), roles: [MASTER] })).not.toThrow();
  });

  it('with only warnings the page still renders: a labelled frame for each image that cannot be drawn', async () => {
    const resume = parseYaml('resume.yaml', fs.readFileSync(path.join(DATA, 'resume.yaml'), 'utf8')).source.data as Parameters<typeof tailorResume>[0];
    const resumeModel = tailorResume(resume, undefined, { roleId: MASTER, creationDate: creationDate(undefined) }).model;
    const page = checked.pages.find((p) => p.id === 'bad-images')!;
    const { model } = tailorPortfolio([page], undefined, resumeModel);
    const theme = themeSchema.parse(parseYaml('theme.yaml', fs.readFileSync('themes/classic/theme.yaml', 'utf8')).source.data);
    const text = squash((await pdfPagesText(await renderPdf(createElement(PortfolioDocument, { model, theme, pageNumbers: new TocPageNumbers() })))).join(''));
    for (const label of [
      '이미지 파일 없음',
      '데이터 폴더 밖의 이미지 (읽지 않음)',
      '원격 이미지 (가져오지 않음)',
      '지원하지 않는 이미지 형식',
      'https://example.com/remote.png',
    ])
      expect(text).toContain(squash(label));
    expect(text).not.toContain('굵게</b>');
  });
});

describe('image resolution', () => {
  const roots = { pageDir: path.join(DATA, 'projects'), dataDir: DATA, assetsRoot: DATA };
  const at = { file: 'x.md', line: 1, col: 1 };

  it('refuses a symbolic link inside the folder that points outside it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'careerpdf-link-'));
    const outside = path.join(os.tmpdir(), `careerpdf-outside-${process.pid}.png`);
    fs.copyFileSync('test/fixtures/portfolio/projects/images/chart.png', outside);
    fs.symlinkSync(outside, path.join(dir, 'link.png'));
    const { image, problem } = resolveImage('link.png', { pageDir: dir, dataDir: dir, assetsRoot: dir }, at);
    expect(image.kind).toBe('placeholder');
    expect(problem?.code).toBe('image-refused');
    fs.rmSync(dir, { recursive: true });
    fs.rmSync(outside);
  });

  it('decodes percent-encoded (Korean) file names and reads the pixel size', () => {
    // Markdown hands over `![](images/차트.png)` percent-encoded.
    const { image, problem } = resolveImage(`images/${encodeURIComponent('차트')}.png`, roots, at);
    expect(problem).toBeUndefined();
    expect(image).toMatchObject({ kind: 'file', width: 480, height: 240 });
  });

  it("hands over a PNG with an alpha channel as an opaque RGB copy, and an opaque PNG as the file's own bytes", () => {
    const rgba = resolveImage('../../portfolio/projects/images/chart.png', { ...roots, dataDir: path.resolve('test/fixtures') }, at).image;
    expect(rgba.kind === 'file' && rgba.data?.[25]).toBe(2);
    const rgb = resolveImage('../../../../data/static/images/projects/mlops/lifecycle.png', { ...roots, dataDir: path.resolve('.') }, at).image;
    expect(rgb).toMatchObject({ kind: 'file', width: 1200 });
    expect(rgb.kind === 'file' && rgb.data).toEqual(fs.readFileSync('data/static/images/projects/mlops/lifecycle.png'));
  });

  it('takes a data: URI or another scheme as not a file, without reading anything', () => {
    expect(resolveImage('data:image/png;base64,AAAA', roots, at).problem?.code).toBe('image-remote');
  });
});

describe('loading a page', () => {
  it('keeps markdown positions as lines of the whole file, front matter included', () => {
    const { page } = parseProjectPage(path.resolve('p.md'), '---\ntitle: t\n---\n\n## 제목\n\n![x](a.png)\n');
    expect(page!.body.children[0]!.position?.start.line).toBe(5);
    expect(page!.body.children[1]!.position?.start.line).toBe(7);
    expect(page!.frontMatter!.locate(['title'])).toMatchObject({ line: 2, col: 8 });
  });

  it('an image without alt text is a warning where it is: the tagged PDF can only read out its file name', () => {
    const { page } = parseProjectPage(path.join(DATA, 'projects', 'no-alt.md'), '## 개요\n\n![](images/chart.png) ![차트](images/chart.png)\n');
    const found = validateProjects([page!], { dataDir: DATA, assetsRoot: DATA, knownRoles: [] }).problems.filter((p) => p.code === 'image-no-alt');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', at: { line: 3, col: 1 } });
  });

  it('reads a page without front matter as it is (a site page)', () => {
    const { page, problems: found } = parseProjectPage(path.resolve('p.md'), '## 개요\n\n본문\n');
    expect(found).toEqual([]);
    expect(page!.frontMatter).toBeUndefined();
    expect(page!.body.children[0]!.position?.start.line).toBe(1);
  });
});
