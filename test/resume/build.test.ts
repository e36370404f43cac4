import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadDataFolder } from '../../src/load/loadDataFolder.js';
import { creationDate } from '../../src/pipeline/creationDate.js';
import type { ResumeModel } from '../../src/tailor/model.js';
import { tailorResume } from '../../src/tailor/tailorResume.js';
import { validateData } from '../../src/validate/validateData.js';
import { walkStrings } from '../../src/core/walkStrings.js';
import { runCliInProcess, repoRoot, tempDir } from '../helpers/cli.js';
import { pdfFonts, pdfInfo, pdfOutline, pdfPagesText, squash } from '../helpers/pdf.js';

/** The example data built as a user would: one `build --all` of the compiled CLI. */
const out = tempDir();
let result: Awaited<ReturnType<typeof runCliInProcess>>;
const resumes: Record<string, { file: string; bytes: Buffer; text: string }> = {};

function manifestOf(role: string) {
  return JSON.parse(fs.readFileSync(path.join(out, role, 'manifest.json'), 'utf8')) as {
    role: string;
    documents: { kind: string; file: string; pages: number; bytes: number; sha256: string; warnings: string[] }[];
  };
}

/** What the resume shows for a role, computed by the pure steps (the PDF must contain all of it). */
function modelFor(role: string): ResumeModel {
  const folder = loadDataFolder(path.join(repoRoot, 'data'));
  const valid = validateData(folder, role === 'master' ? [] : [role]);
  return tailorResume(valid.resume!, valid.roles.get(role), { roleId: role, creationDate: creationDate(valid.resume) }).model;
}

const drawnStrings = (model: ResumeModel): string[] => {
  const strings: string[] = [];
  walkStrings(
    {
      person: { name: model.person.name, headline: model.person.headline, contacts: model.person.contacts.map((c) => c.text) },
      summary: model.summary,
      sections: model.sections.map((s) => ({ title: s.title, entries: s.entries.map(({ id: _id, url: _url, ...drawn }) => drawn) })),
    },
    (_p, v) => strings.push(v),
  );
  return strings;
};

beforeAll(async () => {
  result = await runCliInProcess(['build', '--all', '--out', out], { env: { SOURCE_DATE_EPOCH: '' } });
  for (const role of ['master', 'data-engineer', 'partner-backend']) {
    const entry = manifestOf(role).documents.find((d) => d.kind === 'resume')!;
    const bytes = fs.readFileSync(path.join(out, role, entry.file));
    resumes[role] = { file: entry.file, bytes, text: (await pdfPagesText(bytes)).join('\n') };
  }
}, 120_000);

describe('build --all on the example data', () => {
  test('exits 0, prints one summary line per file, and warns about placeholders', async () => {
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/out|careerpdf-/);
    expect(result.stdout).toMatch(/data-engineer\/.*-resume\.pdf\s+\d+ pages?\s+[\d.]+ KB\s+\d+ ms/);
    expect(result.stderr).toContain('placeholder [TODO: 이메일] is still in the data');
    expect(result.stderr).toMatch(/data\/resume\.yaml:\d+:\d+/);
  });

  test('names files by person, company, role and document kind', async () => {
    expect(resumes['data-engineer']!.file).toBe('신춘호-KREAM-데이터엔지니어-resume.pdf');
    expect(resumes['partner-backend']!.file).toBe('신춘호-KREAM-Partner_Backend-resume.pdf');
    expect(resumes.master!.file).toBe('신춘호-resume.pdf');
  });

  test('the manifest lists each document with pages, bytes, sha256 and warnings', async () => {
    for (const role of ['master', 'data-engineer', 'partner-backend']) {
      const entry = manifestOf(role).documents.find((d) => d.kind === 'resume')!;
      const { bytes } = resumes[role]!;
      expect(entry.bytes).toBe(bytes.length);
      expect(entry.sha256).toBe((await import('node:crypto')).createHash('sha256').update(bytes).digest('hex'));
      expect(entry.pages).toBe((await pdfPagesText(bytes)).length);
      expect(entry.warnings.join('\n')).toContain('[TODO: 이메일]');
    }
  });

  test.each(['master', 'data-engineer', 'partner-backend'])(
    '%s: every string the resume shows is in the PDF text verbatim — no character lost, no hyphen added',
    (role) => {
      const text = squash(resumes[role]!.text);
      const strings = drawnStrings(modelFor(role));
      expect(strings.length).toBeGreaterThan(40);
      const missing = strings.filter((s) => !text.includes(squash(s)));
      expect(missing).toEqual([]);
    },
  );

  test('Korean sentences come out whole, and no hyphen appears that the data does not have', async () => {
    const text = squash(resumes['data-engineer']!.text);
    expect(text).toContain(
      squash('일 1억 건 이상의 사용자 행동 로그를 처리하는 로그 관리 시스템(I.Log.Yo) 아키텍처를 설계하고, 로그 품질을 60~70%에서 95% 이상으로 향상'),
    );
    const hyphensInPdf = (resumes['data-engineer']!.text.match(/-/g) ?? []).length;
    const hyphensInData = drawnStrings(modelFor('data-engineer')).join('').match(/-/g)?.length ?? 0;
    // The footer and page numbers add none; every hyphen in the PDF is one the data has.
    expect(hyphensInPdf).toBe(hyphensInData);
  });

  test('every font in the PDFs is embedded', async () => {
    for (const role of Object.keys(resumes)) {
      const fonts = await pdfFonts(resumes[role]!.bytes);
      expect(fonts.length).toBeGreaterThan(1);
      expect(fonts.filter((f) => !f.embedded)).toEqual([]);
    }
  });

  test('metadata: title, author, subject = the role, keywords, language; bookmarks per section', async () => {
    const info = await pdfInfo(resumes['data-engineer']!.bytes);
    expect(info).toMatchObject({
      Title: '신춘호 — 데이터엔지니어 — 이력서',
      Author: '신춘호',
      Subject: 'KREAM 데이터엔지니어',
      Language: 'ko-KR',
      CreationDate: 'D:20000101000000Z',
    });
    expect(String(info.Keywords)).toContain('BigQuery');
    expect(await pdfOutline(resumes['data-engineer']!.bytes)).toEqual(['소개', '경력', '프로젝트', '기술', '학력', '병역']);
  });

  test('page numbers are printed on every page', async () => {
    const pages = await pdfPagesText(resumes['data-engineer']!.bytes);
    pages.forEach((page, i) => expect(squash(page)).toContain(`${i + 1}/${pages.length}`));
  });
});

describe('the two roles differ exactly where their role files say', () => {
  const has = (role: string, s: string) => squash(resumes[role]!.text).includes(squash(s));

  test('headlines and summaries come from the role files', async () => {
    expect(has('data-engineer', '대용량 데이터 처리 시스템 설계 · 데이터 플랫폼 구축')).toBe(true);
    expect(has('partner-backend', '대용량 데이터 처리 시스템 설계 · 데이터 플랫폼 구축')).toBe(false);
    expect(has('partner-backend', '백엔드 개발자 · MSA와 대용량 트래픽 처리')).toBe(true);
    expect(has('master', '재미있는 일을 찾는 개발자')).toBe(true);
  });

  test('data-engineer excludes the AI-tools highlight and the channeling API project; partner-backend keeps them', async () => {
    const aiTools = 'Cursor, MCP 등 AI 코딩 도구를 팀의 개발 프로세스에 통합하여';
    expect(has('data-engineer', aiTools)).toBe(false);
    expect(has('partner-backend', aiTools)).toBe(true);
    expect(has('data-engineer', '외부 채널링 데이터 제공 API')).toBe(false);
    expect(has('partner-backend', '외부 채널링 데이터 제공 API')).toBe(true);
  });

  test('partner-backend filters by focus: the data-governance highlight is dropped, the included team-lead one kept', async () => {
    const governance = '로그 스키마 표준화 프로세스와 Debug 앱 실시간 검증 시스템으로';
    expect(has('data-engineer', governance)).toBe(true);
    expect(has('partner-backend', governance)).toBe(false);
    expect(has('partner-backend', '10명 규모의 다양한 직군')).toBe(true);
  });

  test('partner-backend overrides the Yogiyo summary', async () => {
    const override = '데이터 시각화 플랫폼과 배달 시간 예측 모델 실시간 서빙 서비스의 백엔드를 Project Tech Lead로 설계하고 구현했습니다.';
    expect(has('partner-backend', override)).toBe(true);
    expect(has('data-engineer', override)).toBe(false);
  });

  test('the role orders projects: data-engineer starts with I.Log.Yo, partner-backend with delivery ETA', async () => {
    const first = (role: string) => modelFor(role).sections.find((s) => s.key === 'projects')!.entries[0]!.id;
    expect(first('data-engineer')).toBe('ilogyo');
    expect(first('partner-backend')).toBe('delivery-eta');
    const text = squash(resumes['partner-backend']!.text);
    expect(text.indexOf(squash('배달 시간 예측 모델 실시간 서빙'), text.indexOf(squash('프로젝트')))).toBeLessThan(
      text.indexOf(squash('사용자 행동 로그 관리 시스템 (I.Log.Yo)')),
    );
  });
});

describe('determinism', () => {
  test('two builds give identical bytes', async () => {
    const again = tempDir();
    const second = await runCliInProcess(['build', '--role', 'data-engineer', '--out', again], { env: { SOURCE_DATE_EPOCH: '' } });
    expect(second.code, second.stderr).toBe(0);
    const file = resumes['data-engineer']!.file;
    expect(fs.readFileSync(path.join(again, 'data-engineer', file)).equals(resumes['data-engineer']!.bytes)).toBe(true);
    expect(fs.readFileSync(path.join(again, 'data-engineer', 'manifest.json'), 'utf8')).toBe(
      fs.readFileSync(path.join(out, 'data-engineer', 'manifest.json'), 'utf8'),
    );
  });

  test('SOURCE_DATE_EPOCH sets the creation date', async () => {
    // The bench resume (one document, no role): the date comes from the environment, not the data.
    const dir = tempDir();
    const run = await runCliInProcess(['build', '--data', path.join(repoRoot, 'test/fixtures/bench'), '--out', dir], {
      env: { SOURCE_DATE_EPOCH: '1700000000' },
    });
    expect(run.code, run.stderr).toBe(0);
    const pdf = fs.readdirSync(path.join(dir, 'master')).find((name) => name.endsWith('.pdf'))!;
    const info = await pdfInfo(fs.readFileSync(path.join(dir, 'master', pdf)));
    expect(info.CreationDate).toBe('D:20231114221320Z');
  });
});
