import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fontStacks } from '../../src/compose/fontStacks.js';
import { repoRoot, runCliInProcess, tempDir } from '../helpers/cli.js';
import { pdfFonts, pdfPagesText, squash } from '../helpers/pdf.js';
import type { Theme } from '../../src/validate/schema/theme.js';

/*
 * PretendardJP (Hanja, kana) is in a document's font stacks only when its text needs it:
 * React-PDF loads every face of a stack, 5.4 MB each, whether a glyph is drawn from it or not.
 */

describe('the fallback font', () => {
  const theme = { fonts: { body: 'Pretendard', heading: 'Pretendard' } } as Theme;

  it('is in the stacks only when some character needs it', () => {
    const without = fontStacks(theme, { name: '신춘호', summary: ['Kafka, Spark — 데이터 파이프라인 · 80%'] });
    expect(without.body).toEqual(['Pretendard']);
    expect(without.code).toEqual(['JetBrainsMono', 'Pretendard']);
    const hanja = fontStacks(theme, { name: '신춘호 (申春浩)' });
    expect(hanja.body).toEqual(['Pretendard', 'PretendardJP']);
    expect(hanja.heading).toEqual(['Pretendard', 'PretendardJP']);
    expect(hanja.code).toEqual(['JetBrainsMono', 'Pretendard', 'PretendardJP']);
  });

  it('draws Hanja in a resume, and stays out of a resume without them', async () => {
    const data = tempDir();
    const resume = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test/fixtures/bench/resume.json'), 'utf8'));
    resume.basics.name = '신춘호 (申春浩)';
    fs.writeFileSync(path.join(data, 'resume.json'), JSON.stringify(resume));
    const built = async (dataDir: string) => {
      const out = tempDir();
      const run = await runCliInProcess(['build', '--data', dataDir, '--out', out]);
      expect(run.code, run.stderr).toBe(0);
      const dir = path.join(out, 'master');
      return fs.readFileSync(path.join(dir, fs.readdirSync(dir).find((f) => f.endsWith('.pdf'))!));
    };
    const withHanja = await built(data);
    const fonts = await pdfFonts(withHanja);
    expect(fonts.some((f) => f.name.includes('PretendardJP') && f.embedded)).toBe(true);
    expect(squash((await pdfPagesText(withHanja)).join(''))).toContain('신춘호(申春浩)');
    const plain = await pdfFonts(await built(path.join(repoRoot, 'test/fixtures/bench')));
    expect(plain.map((f) => f.name).filter((name) => name.includes('PretendardJP'))).toEqual([]);
  }, 60_000);
});
