import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shownHash } from '../../src/cache/documentShows.js';
import { makeResume } from '../../src/pipeline/documents.js';
import { prepare } from '../../src/pipeline/prepare.js';
import { roleContext } from '../../src/pipeline/renderRole.js';
import { onPaper } from '../../src/tailor/paper.js';
import { roleSchema } from '../../src/validate/schema/role.js';
import { themeSchema } from '../../src/validate/schema/theme.js';
import { repoRoot, runCliInProcess, tempDir } from '../helpers/cli.js';

/** Jane's English resume with roles that differ only in their target's country, language and paper. */
const ROLES: Record<string, string> = {
  'us-en': 'target: { company: Acme, position: Engineer, country: US }\nlang: en\n',
  'ca-en': 'target: { company: Acme, position: Engineer, country: ca }\nlang: en\n',
  'us-ko': 'target: { company: Acme, position: 엔지니어, country: US }\nlang: ko\n',
  'us-en-a4': 'target: { company: Acme, position: Engineer, country: US }\nlang: en\npaper: A4\n',
  'kr-letter': 'target: { company: 토스, position: 엔지니어, country: KR }\nlang: ko\npaper: letter\n',
  'de-en': 'target: { company: Acme, position: Engineer, country: DE }\nlang: en\n',
  'us-no-lang': 'target: { company: Acme, position: Backend engineer, country: US }\nheadline: Backend engineer who ships\n',
};

describe('paper: A4 or Letter, per theme and per role', () => {
  let data: string;
  let out: string;
  beforeAll(() => {
    data = tempDir('careerpdf-paper-');
    fs.copyFileSync(path.join(repoRoot, 'test/fixtures/people/jane-two-roles-en/resume.yaml'), path.join(data, 'resume.yaml'));
    fs.mkdirSync(path.join(data, 'roles'));
    for (const [id, text] of Object.entries(ROLES)) fs.writeFileSync(path.join(data, 'roles', `${id}.yaml`), text);
    out = tempDir('careerpdf-paper-out-');
  });
  afterAll(() => {
    fs.rmSync(data, { recursive: true, force: true });
    fs.rmSync(out, { recursive: true, force: true });
  });

  it("is the role's paper:, else Letter for an English role in the US or Canada, else the theme's", () => {
    const prepared = prepare({ dataDir: data, roles: ['master', ...Object.keys(ROLES)] });
    const size = (role: string) => roleContext(prepared, role).theme.page.size;
    expect(size('master')).toBe('A4');
    expect(size('us-en')).toBe('LETTER');
    expect(size('ca-en')).toBe('LETTER');
    expect(size('us-ko')).toBe('A4');
    expect(size('us-en-a4')).toBe('A4');
    expect(size('kr-letter')).toBe('LETTER');
    expect(size('de-en')).toBe('A4');
    // No lang: an English role by its own text (documentLanguage), so Letter in the US.
    expect(size('us-no-lang')).toBe('LETTER');
    // --lang en turns a Korean role for the US into an English one, on Letter.
    expect(roleContext(prepared, 'us-ko', { lang: 'en' }).theme.page.size).toBe('LETTER');
  });

  it('is part of what a document shows: the same resume on A4 and on Letter has two cache keys', () => {
    const letter = roleContext(prepare({ dataDir: data, roles: ['us-en'] }), 'us-en');
    const a4 = { ...letter, theme: onPaper(letter.theme, 'A4') };
    expect(makeResume(letter).content).toEqual(makeResume(a4).content);
    expect(shownHash(makeResume(letter), letter.theme, 'r.pdf', false)).not.toBe(shownHash(makeResume(a4), a4.theme, 'r.pdf', false));
  });

  it('is written A4 or Letter in any case; anything else is refused with what to write', () => {
    const theme = (size: unknown) =>
      themeSchema.safeParse({
        ...JSON.parse(JSON.stringify(themeSchema.parse(loadClassic()))),
        page: { size, margin: { top: 40, right: 40, bottom: 40, left: 40 } },
      });
    expect(theme('Letter').data?.page.size).toBe('LETTER');
    expect(theme('LETTER').data?.page.size).toBe('LETTER');
    expect(theme('a4').data?.page.size).toBe('A4');
    expect(theme('B5').error?.issues[0]?.message).toBe('expected A4 or Letter');
    const role = roleSchema.safeParse({ target: { company: 'A', position: 'B', country: 'USA' } });
    expect(role.error?.issues[0]?.message).toMatch(/two-letter country code.*e\.g\. US/);
  });

  it('lays a resume out on Letter (612 × 792 pt)', async () => {
    const result = await runCliInProcess(['build', '--data', data, '--out', out, '--role', 'us-en']);
    expect(result.code).toBe(0);
    const pdf = fs.readFileSync(path.join(out, 'us-en', 'Jane_Doe-Acme-Engineer-resume.pdf'), 'latin1');
    const boxes = [...pdf.matchAll(/\/MediaBox \[([^\]]+)\]/g)].map((m) => m[1]!.trim().split(/\s+/).map(Number));
    expect(boxes.length).toBeGreaterThan(0);
    for (const box of boxes) expect(box).toEqual([0, 0, 612, 792]);
  });
});

/** The classic theme's tokens, as a base to vary the paper of. */
function loadClassic(): unknown {
  return parse(fs.readFileSync(path.join(repoRoot, 'themes/classic/theme.yaml'), 'utf8'));
}
