import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadDataFolder } from '../../src/load/loadDataFolder.js';
import { tailorResume } from '../../src/tailor/tailorResume.js';
import { validateData } from '../../src/validate/validateData.js';
import { repoRoot, runCliInProcess, tempDir } from '../helpers/cli.js';
import { pdfPagesText } from '../helpers/pdf.js';

/**
 * Other people's data: a Korean and an English role, neither with `lang:`, dates as Koreans write
 * them (2021.09 and 2020.10 are YAML numbers), and a few texts given in Korean only.
 */
const folder = path.join(repoRoot, 'test/fixtures/people/eunji-dates-ko-en');
const file = (role: string, suffix: string) => {
  const dir = path.join(out, role);
  return path.join(dir, fs.readdirSync(dir).find((name) => name.endsWith(suffix))!);
};
let out: string;
let run: Awaited<ReturnType<typeof runCliInProcess>>;
let english: string;
let korean: string;

beforeAll(async () => {
  out = tempDir('careerpdf-lang-');
  run = await runCliInProcess(['build', '--data', folder, '--out', out, '--role', 'stripe-en', '--role', 'baemin-ko']);
  english = (await pdfPagesText(fs.readFileSync(file('stripe-en', '-resume.pdf')))).join('\n');
  korean = (await pdfPagesText(fs.readFileSync(file('baemin-ko', '-resume.pdf')))).join('\n');
}, 30_000);

describe('a role without lang: takes the language of its own text', () => {
  test('the English role: English titles and labels, every date as written, in English style', () => {
    expect(run.code, run.stderr).toBe(0);
    for (const title of ['SUMMARY', 'EXPERIENCE', 'EDUCATION', 'AWARDS', 'SKILLS', 'Applying for', 'Resume'])
      expect(english.toUpperCase()).toContain(title.toUpperCase());
    for (const korean of ['소개', '경력', '학력', '수상', '기술', '지원 분야', '이력서', '현재']) expect(english).not.toContain(korean);
    for (const dates of ['Sep 2021 – Present', 'Mar 2018 – Oct 2020', 'Jul 2017 – Dec 2017', 'Mar 2013 – Feb 2017', 'Oct 2019'])
      expect(english).toContain(dates);
  });

  test('the Korean role: Korean titles, the same dates in Korean style (2020.10 is October)', () => {
    for (const title of ['소개', '경력', '학력', '수상', '기술', '지원 분야']) expect(korean).toContain(title);
    for (const dates of ['2021.09 – 현재', '2018.03 – 2020.10', '2017.07 – 2017.12', '2013.03 – 2017.02', '2019.10']) expect(korean).toContain(dates);
  });

  test('each Korean-only text in the English documents is a warning at its file:line, and nothing else is', () => {
    const warnings = run.stderr.split('\n').filter((line) => line.startsWith('warning'));
    expect(warnings).toEqual([
      expect.stringMatching(
        /resume\.yaml:20:9 {2}work\[0\]\.highlights\[1\]: "사내 결제 SDK 설계와 도입" prints in Korean in the English documents of stripe-en/,
      ),
      expect.stringMatching(/resume\.yaml:29:11 {2}work\[2\]\.name: "스타트업랩" prints in Korean in the English documents of stripe-en/),
    ]);
    expect(run.stderr).toContain('hint: give it in both languages: - text: { ko: 사내 결제 SDK 설계와 도입, en: … }');
    // The Korean text is printed as the warning says.
    expect(english).toContain('사내 결제 SDK 설계와 도입');
  });

  test("the English role's answers: the paste-ready text's fixed words are English", () => {
    const text = fs.readFileSync(file('stripe-en', '.txt'), 'utf8');
    expect(text).toContain('Eunji Lee · Stripe · Backend Engineer, Payments · Application answers');
    expect(text).toContain('Question 1/1 (why)');
    expect(text).toMatch(/\d+\/600 characters \(spaces included\) · \d+ characters left/);
    expect(text).toContain('------------ answer begins ------------');
    expect(text).not.toMatch(/\p{Script=Hangul}/u);
  });

  test('explain says which language and why', async () => {
    const en = await runCliInProcess(['explain', '--data', folder, '--role', 'stripe-en']);
    expect(en.stdout).toContain("language: en (from the role's target, headline and summary: 0% Hangul;");
    const ko = await runCliInProcess(['explain', '--data', folder, '--role', 'baemin-ko']);
    expect(ko.stdout).toContain("language: ko (from the role's target, headline and summary: 100% Hangul;");
    const fixed = await runCliInProcess(['explain', '--data', path.join(repoRoot, 'test/fixtures/people/daniel-backend-en'), '--role', 'staff-backend']);
    expect(fixed.stdout).toMatch(/language: en \(lang: en in test\/fixtures\/people\/daniel-backend-en\/roles\/staff-backend\.yaml:2\)/);
  });
});

test("JSON Resume's own sample (Richard Hendriks, all English) makes an English master resume", () => {
  const data = loadDataFolder(path.join(repoRoot, 'test/fixtures/json-resume-sample'));
  const valid = validateData(data, []);
  expect(valid.problems.filter((p) => p.severity === 'error')).toEqual([]);
  const { model } = tailorResume(valid.resume!, undefined, { roleId: 'master', creationDate: new Date(0) });
  expect(model.lang).toBe('en');
  expect(model.labels.summary).toBe('Summary');
  expect(model.sections.map((s) => s.title)).toEqual(
    expect.arrayContaining(['Experience', 'Projects', 'Skills', 'Education', 'Awards', 'Publications', 'Volunteering', 'Languages', 'Interests', 'References']),
  );
  expect(model.sections.find((s) => s.key === 'work')!.entries[0]!.dates).toBe('Dec 2013 – Dec 2014');
  // "url": "" is no link; "missdirection.example.com" a link without its scheme.
  expect(valid.resume!.basics!.profiles![0]!.url).toBeUndefined();
  expect(valid.resume!.projects![0]!.url).toBe('https://missdirection.example.com');
});
