import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { runCliInProcess, repoRoot, tempDir } from '../helpers/cli.js';
import { pdfFonts, pdfPagesText, squash } from '../helpers/pdf.js';

/** A JSON Resume v1.0.0 document with every section, Korean and English mixed, a very long URL and a photo. */
const fixture = path.join(repoRoot, 'test/fixtures/json-resume');
const resume = JSON.parse(fs.readFileSync(path.join(fixture, 'resume.json'), 'utf8'));
const out = tempDir();
let run: Awaited<ReturnType<typeof runCliInProcess>>;
let pdf: Buffer;
let text: string;

beforeAll(async () => {
  run = await runCliInProcess(['build', '--data', fixture, '--out', out]);
  const dir = path.join(out, 'master');
  pdf = fs.readFileSync(path.join(dir, fs.readdirSync(dir).find((f) => f.endsWith('-resume.pdf'))!));
  text = squash((await pdfPagesText(pdf)).join('\n'));
}, 60_000);

test('a plain JSON Resume document builds unchanged, with no warnings', async () => {
  expect(run.code, run.stderr).toBe(0);
  expect(run.stderr).toBe('');
  expect(run.stdout).toMatch(/master\/김하늘_\(Haneul_Kim\)-resume\.pdf\s+\d pages?/);
});

test('every highlight of every section is in the PDF, verbatim', async () => {
  const highlights = ['work', 'volunteer', 'projects'].flatMap((key) => resume[key].flatMap((e: { highlights?: string[] }) => e.highlights ?? []));
  expect(highlights).toHaveLength(8);
  for (const h of highlights) expect(text).toContain(squash(h));
});

test('every section shows its entries', async () => {
  for (const s of [
    '정보처리기사',
    '사내 해커톤 대상 Grand Prize',
    'Kotlin으로 만드는 결제 시스템',
    '코드포코리아 (Code for Korea)',
    '한국어 Korean',
    'Professional working proficiency',
    '분산 시스템 Distributed systems',
    '하늘 님은 어려운 장애 상황에서도',
    '한국대학교 (Hankuk University)',
    'Kafka, PostgreSQL, Redis',
    '서울, 서울특별시, KR',
  ]) {
    expect(text).toContain(squash(s));
  }
});

test('the very long URL wraps inside the margin without losing a character or gaining a hyphen', async () => {
  expect(text).toContain(
    'https://wiki.hanbitpay.example.com/engineering/payments/incident-response/runbooks/settlement-batch-failure-recovery-procedure-v2?section=rollback&lang=ko',
  );
});

test('the photo is embedded, and so is every font', async () => {
  expect(pdf.toString('latin1')).toMatch(/\/Subtype \/Image/);
  expect((await pdfFonts(pdf)).filter((f) => !f.embedded)).toEqual([]);
});

test('--lang en switches section titles and dates to English', async () => {
  const en = tempDir();
  const r = await runCliInProcess(['build', '--data', fixture, '--out', en, '--lang', 'en']);
  expect(r.code, r.stderr).toBe(0);
  const dir = path.join(en, 'master');
  const enText = (await pdfPagesText(fs.readFileSync(path.join(dir, fs.readdirSync(dir).find((f) => f.endsWith('.pdf'))!)))).join('\n');
  // Section titles are upper-cased by the classic theme.
  for (const s of ['EXPERIENCE', 'EDUCATION', 'REFERENCES', 'Mar 2020 – Present', 'Jan 2016 – Feb 2020']) expect(enText).toContain(s);
});
