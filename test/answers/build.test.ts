import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { UserDataError } from '../../src/core/problems.js';
import { build, type BuiltDocument } from '../../src/pipeline/build.js';
import { prepare } from '../../src/pipeline/prepare.js';
import { sha256 } from '../../src/write/manifest.js';
import { copyData, runCliInProcess, repoRoot, tempDir } from '../helpers/cli.js';
import { pdfPagesText } from '../helpers/pdf.js';
import { SEED_POSITIONS, seedAnswers } from './seedAnswers.js';

const ROLES = Object.keys(SEED_POSITIONS) as (keyof typeof SEED_POSITIONS)[];
const seed = seedAnswers();
const squeeze = (text: string) => text.replace(/\s+/g, '');

// One build of both roles for the whole file: rendering is the slow part.
let out: string;
let built: BuiltDocument[];
const pdfText = new Map<string, string>();
const answersFile = (role: string, kind: 'answers' | 'answers-text') => built.find((d) => d.roleId === role && d.kind === kind)!.file;

beforeAll(async () => {
  out = tempDir('careerpdf-answers-');
  // The portfolio is not needed here and takes most of the render time: no pages, no picks.
  const data = copyData();
  fs.rmSync(path.join(data, 'projects'), { recursive: true, force: true });
  for (const role of ROLES) {
    const file = path.join(data, 'roles', `${role}.yaml`);
    const doc = parseDocument(fs.readFileSync(file, 'utf8'));
    doc.delete('portfolio');
    fs.writeFileSync(file, doc.toString());
  }
  built = await build({ dataDir: data, outDir: out, roles: [...ROLES] });
  for (const role of ROLES) {
    const pages = await pdfPagesText(fs.readFileSync(answersFile(role, 'answers')));
    // Each page ends with its footer ("신춘호 · 데이터엔지니어 · 자기소개서 1 / 3"); an answer may run across it.
    pdfText.set(role, pages.map((page) => page.replace(/\n[^\n]*자기소개서 \d+ \/ \d+\s*$/, '')).join('\n'));
  }
});

describe.each(ROLES)('the answers of %s', (role) => {
  const questions = seed.get(SEED_POSITIONS[role])!;

  it('are written as a PDF and a paste-ready text file next to the other documents, both in the manifest', async () => {
    const pdf = answersFile(role, 'answers');
    const txt = answersFile(role, 'answers-text');
    expect(path.basename(pdf)).toBe(`신춘호-KREAM-${SEED_POSITIONS[role].replace(/ /g, '_')}-answers.pdf`);
    expect(path.basename(txt)).toBe(`신춘호-KREAM-${SEED_POSITIONS[role].replace(/ /g, '_')}-answers-text.txt`);
    expect(path.dirname(txt)).toBe(path.join(out, role));
    const manifest = JSON.parse(fs.readFileSync(path.join(out, role, 'manifest.json'), 'utf8'));
    const entry = manifest.documents.find((d: { kind: string }) => d.kind === 'answers-text');
    expect(entry).toMatchObject({ file: path.basename(txt), sha256: sha256(fs.readFileSync(txt)) });
    expect(manifest.documents.map((d: { kind: string }) => d.kind)).toContain('answers');
    // atomic writes leave no temporary files behind
    expect(fs.readdirSync(path.join(out, role)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('carry every seed answer verbatim in the text file, between its delimiters', async () => {
    const text = fs.readFileSync(answersFile(role, 'answers-text'), 'utf8');
    expect(questions).toHaveLength(4);
    for (const q of questions) {
      expect(text).toContain(`------------ 답변 시작 ------------\n${q.answer}\n------------ 답변 끝 ------------`);
      expect(text).toContain(q.question);
    }
    expect(text).not.toContain('**');
  });

  it('carry every seed answer in the PDF text (whitespace aside), with its question and count', async () => {
    const text = squeeze(pdfText.get(role)!);
    for (const q of questions) {
      expect(text).toContain(squeeze(q.answer));
      expect(text).toContain(squeeze(q.question));
    }
    expect(text).toContain(squeeze(`${role === 'data-engineer' ? '957' : '931'}/1,000자 (공백 포함)`));
  });
});

describe('limits', () => {
  it('the build reports each question on one line and marks those over the limit', async () => {
    const doc = built.find((d) => d.roleId === 'data-engineer' && d.kind === 'answers')!;
    expect(doc.notes).toEqual([
      'Q1 intro          957/1,000자 (공백 포함)  43자 남음',
      'Q2 design         1,074/1,000자 (공백 포함)  74자 초과  ⚠ OVER THE LIMIT',
      'Q3 expectations   968/1,000자 (공백 포함)  32자 남음',
      'Q4 teamwork       1,010/1,000자 (공백 포함)  10자 초과  ⚠ OVER THE LIMIT',
    ]);
  });

  it('an answer over its limit is a warning naming the role, the question and the excess', async () => {
    const over = prepare({ dataDir: path.join(repoRoot, 'data'), roles: ['partner-backend'] }).warnings.filter((p) => p.code === 'answer-over-limit');
    expect(over).toHaveLength(1);
    expect(over[0]).toMatchObject({ severity: 'warning', at: { file: 'data/roles/partner-backend.yaml' } });
    expect(over[0]!.message).toContain('partner-backend, question 4 "teamwork": 1,001자 (공백 포함), 1자 over the limit of 1,000자');
  });

  it('with --strict it is an error and nothing is built', async () => {
    let thrown: unknown;
    try {
      prepare({ dataDir: path.join(repoRoot, 'data'), roles: ['data-engineer'], strict: true });
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(UserDataError);
    const errors = (thrown as UserDataError).problems.filter((p) => p.code === 'answer-over-limit');
    expect(errors.map((p) => [p.severity, p.message.match(/question \d "\w+": [\d,]+자 \(공백 포함\), \d+자 over/)?.[0]])).toEqual([
      ['error', 'question 2 "design": 1,074자 (공백 포함), 74자 over'],
      ['error', 'question 4 "teamwork": 1,010자 (공백 포함), 10자 over'],
    ]);
  });
});

describe('careerpdf answers and check', () => {
  it('answers prints a table per question with the rule, the other counts and what is left or over', async () => {
    const { code, stdout } = await runCliInProcess(['answers', '--role', 'data-engineer']);
    expect(code).toBe(0);
    expect(stdout).toContain('Q2 design · [필수] 서비스 상세 설계 경험이 있다면 소개해 주세요.');
    expect(stdout).toMatch(/▸ {2}공백 포함 +1,074 {2}1,000 {2}⚠ 74자 초과/);
    expect(stdout).toMatch(/공백 포함, 줄바꿈 2자 +1,098/);
    expect(stdout).toMatch(/공백 제외 +827/);
    expect(stdout).toMatch(/UTF-8 바이트 +2,284/);
    expect(stdout).toMatch(/EUC-KR 바이트 +1,679/);
    expect(stdout).toContain('⚠ 2 answers over the limit: Q2 design (+74자), Q4 teamwork (+10자)');
  });

  it('check reports over-limit answers as warnings (exit 0), and as errors with --strict (exit 1)', async () => {
    const plain = await runCliInProcess(['check']);
    expect(plain.code).toBe(0);
    expect(plain.stderr).toMatch(/warning data\/roles\/data-engineer\.yaml:\d+:\d+ .*OVER THE LIMIT — data-engineer, question 2 "design"/);
    const strict = await runCliInProcess(['check', '--strict', '--role', 'partner-backend']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(
      /error data\/roles\/partner-backend\.yaml:\d+:\d+ .*OVER THE LIMIT — partner-backend, question 4 "teamwork": 1,001자 \(공백 포함\), 1자 over/,
    );
  });
});
