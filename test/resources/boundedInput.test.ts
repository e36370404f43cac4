import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { problemsOf } from '../../src/core/problems.js';
import { parseProjectPage } from '../../src/load/loadProjects.js';
import { parseYaml } from '../../src/load/parseYaml.js';
import { MASTER, prepare } from '../../src/pipeline/prepare.js';
import { breakPoints } from '../../src/render/breakPoints.js';
import { tailorResume } from '../../src/tailor/tailorResume.js';
import { checkConsistency, type ClaimText } from '../../src/validate/checkConsistency.js';
import { MAX_UNBROKEN_RUN } from '../../src/validate/checkUnbrokenRuns.js';
import { checkPageLength, checkResumeLength, MAX_FLOW_BLOCKS } from '../../src/validate/flowLength.js';
import { resumeSchema } from '../../src/validate/schema/resume.js';
import { checkBelowPage } from '../../src/verify/verifyText.js';
import { runCliInProcess } from '../helpers/cli.js';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'careerpdf-bounded-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function dataFolder(resumeYaml: string): string {
  const dir = fs.mkdtempSync(path.join(work, 'data-'));
  fs.writeFileSync(path.join(dir, 'resume.yaml'), resumeYaml);
  return dir;
}
const withHighlight = (highlight: string) =>
  `basics:\n  name: 홍길동\nwork:\n  - name: Acme\n    position: Engineer\n    highlights:\n      - "${highlight}"\n`;
const base64 = (bytes: number) => Buffer.from(Array.from({ length: bytes }, (_, i) => (i * 37) % 256)).toString('base64');

describe('an unbroken token', () => {
  test('100 KB of base64 in a highlight is refused at its place, before any layout', () => {
    const problems = problemsOf(() => prepare({ dataDir: dataFolder(withHighlight(base64(75_000))), roles: [MASTER] }).warnings);
    expect(problems.filter((p) => p.code === 'unbroken-run')).toMatchObject([
      { severity: 'error', path: 'work[0].highlights[0]', at: { line: 7, col: 10 }, message: expect.stringMatching(/^100,000 characters with no space \("/) },
    ]);
  });

  test(`a token of ${MAX_UNBROKEN_RUN} characters (a long URL) is kept, with break points the line breaker can take`, () => {
    const token = base64(750);
    expect(token).toHaveLength(MAX_UNBROKEN_RUN);
    const problems = problemsOf(() => prepare({ dataDir: dataFolder(withHighlight(`see ${token} here`)), roles: [MASTER] }).warnings);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(breakPoints(token).join('')).toBe(token);
  });
});

describe('a flow of pages is bounded before layout', () => {
  const resume = (entries: number) =>
    resumeSchema.parse({
      basics: { name: '홍길동' },
      work: Array.from({ length: entries }, (_, i) => ({ name: `회사 ${i}`, position: 'Engineer', summary: '요약', highlights: ['하나', 'two', '셋'] })),
    });
  const source = parseYaml('resume.yaml', 'basics:\n  name: 홍길동\nwork:\n  - name: x\n').source;
  const lengthProblems = (entries: number, roleFile?: string) =>
    checkResumeLength(tailorResume(resume(entries), undefined, { roleId: MASTER, creationDate: new Date(0) }).model, source, roleFile);

  test(`${MAX_FLOW_BLOCKS / 5} entries of 5 blocks each are laid out; one more is refused at the section, saying the pages and what to write`, () => {
    expect(lengthProblems(MAX_FLOW_BLOCKS / 5)).toEqual([]);
    const [problem, ...more] = lengthProblems(MAX_FLOW_BLOCKS / 5 + 1, 'data/roles/de.yaml');
    expect(more).toEqual([]);
    expect(problem).toMatchObject({
      code: 'resume-too-long',
      path: 'work',
      at: { file: 'resume.yaml', line: 3, col: 1 },
      message: expect.stringContaining(`61 entries in 305 blocks (entries, summaries, highlights), ~9 pages`),
      hint: expect.stringContaining('in data/roles/de.yaml: `limits: { entries: { work: 10 }'),
    });
  });

  test('2,000 entries are refused, with an estimate of ~290 pages', () => {
    expect(lengthProblems(2000)[0]!.message).toContain('2,000 entries in 10,000 blocks (entries, summaries, highlights), ~294 pages');
  });

  test('a build checks the tailored resume before composing it: exit 1 at the section, nothing rendered or written', async () => {
    const entry = (i: number) => `  - name: 회사 ${i}\n    position: Engineer\n    summary: 요약\n    highlights: [하나, two, 셋]\n`;
    const dir = dataFolder(`basics:\n  name: 홍길동\nwork:\n${Array.from({ length: MAX_FLOW_BLOCKS / 5 + 1 }, (_, i) => entry(i)).join('')}`);
    const out = fs.mkdtempSync(path.join(work, 'out-'));
    const run = await runCliInProcess(['build', '--data', dir, '--out', out]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/resume\.yaml:3:1 {2}work: the resume would draw 61 entries in 305 blocks/);
    expect(fs.readdirSync(out)).toEqual([]);
  });

  test('a table one row over the limit is refused at the row that crosses it', () => {
    const rows = (n: number) => ['| a | b |', '|---|---|', ...Array.from({ length: n }, (_, i) => `| ${i} | 값 ${i} |`)].join('\n');
    // The header row is a block too.
    const page = (n: number) => parseProjectPage('p.md', `# 표\n\n${rows(n)}\n`).page!.body;
    expect(checkPageLength('p.md', page(MAX_FLOW_BLOCKS - 2))).toEqual([]);
    expect(checkPageLength('p.md', page(MAX_FLOW_BLOCKS - 1))).toMatchObject([
      { code: 'page-too-long', at: { file: 'p.md', line: MAX_FLOW_BLOCKS + 3, col: 1 }, message: expect.stringMatching(/^this project page has 301 blocks/) },
    ]);
  });
});

test('text laid out below the page (an unbreakable block taller than a page) is reported with the page', () => {
  const page = {
    width: 595,
    height: 842,
    runs: [
      { text: '보이는 줄', x: 50, top: 800, width: 60 },
      { text: '잃어버린 줄', x: 50, top: 900, width: 60 },
      { text: ' 그 다음', x: 110, top: 900, width: 30 },
    ],
  };
  expect(checkBelowPage([page], 'p.pdf')).toMatchObject([
    {
      code: 'below-page',
      message: expect.stringMatching(/^page 1: 11 characters fall below the bottom of the page and are not seen, from "잃어버린 줄 그 다음"/),
    },
  ]);
  expect(checkBelowPage([{ ...page, runs: page.runs.slice(0, 1) }], 'p.pdf')).toEqual([]);
});

test('the consistency check locates each figure once, however many places disagree with it', () => {
  let located = 0;
  const claim = (label: string, text: string): ClaimText => ({
    label,
    text,
    locate: (offset) => (located++, { file: `${label}.yaml`, line: 1, col: offset + 1 }),
  });
  // 40 texts say 95%, 40 say 90%, of the same subject: 1,600 disagreeing pairs among 80 figures.
  const texts = Array.from({ length: 80 }, (_, i) => claim(`t${i}`, `로그 품질을 ${i % 2 ? 90 : 95}% 이상으로 향상`));
  const problems = checkConsistency(texts);
  expect(problems.length).toBeGreaterThan(0);
  expect(located).toBeLessThanOrEqual(80);
  expect(problems[0]!.message).toMatch(/\(and \d+ more places\)$/);
});
