import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkOverprint } from '../../src/verify/verifyText.js';
import { verifyRenderedText } from '../../src/verify/verifyDocument.js';
import { tempDir } from '../helpers/cli.js';
import { PEOPLE_DIR, renderResume } from '../pages/corpus.js';

const page = (runs: { text: string; x: number; top: number; width: number }[]) => [{ width: 595, height: 842, runs }];

describe('text drawn over text', () => {
  test('two lines closer than any two lines can be, over the same columns, are a layout bug; a line of several runs is not', () => {
    const overprinted = page([
      { text: 'TypeScript, React, Next.js', x: 56, top: 740, width: 150 },
      { text: '도구', x: 56, top: 743, width: 20 },
    ]);
    expect(checkOverprint(overprinted, 'r.pdf').map((p) => p.message)).toEqual([
      'page 1: "도구" is drawn over "TypeScript, React, Next.js" (3.0 pt apart): a layout bug in careerpdf',
    ]);
    const oneLineAndTheNext = page([
      { text: '캠퍼스 실내 지도 서비스', x: 56, top: 100, width: 110 },
      { text: '2025.03 – 2025.08', x: 480, top: 100.2, width: 60 },
      { text: '강의실과 편의시설을', x: 56, top: 114, width: 120 },
    ]);
    expect(checkOverprint(oneLineAndTheNext, 'r.pdf')).toEqual([]);
  });

  // A skill category too long for the label column goes above its values; stacked, the values once got no height (flex: 1 in a column).
  test.each(['classic', 'compact'])('%s: a long skill category stacked over its values draws each line once', async (theme) => {
    const folder = tempDir();
    fs.cpSync(path.join(PEOPLE_DIR, 'jihoon-newgrad-ko'), folder, { recursive: true });
    const resumeFile = path.join(folder, 'resume.yaml');
    fs.writeFileSync(resumeFile, fs.readFileSync(resumeFile, 'utf8').replace('name: 프론트엔드\n', 'name: 프론트엔드 개발 및 웹 성능 최적화\n'));
    const { doc, pdf, area } = await renderResume(folder, 'frontend', theme);
    const problems = verifyRenderedText({ file: 'r.pdf', pdf, outline: doc.outline, drawn: doc.drawn }, area);
    expect(problems.filter((p) => p.code === 'overprint')).toEqual([]);
    fs.rmSync(folder, { recursive: true, force: true });
  });
});
