import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentText } from '../../src/match/documentTexts.js';
import { prepare } from '../../src/pipeline/prepare.js';
import { renderRole } from '../../src/pipeline/renderRole.js';
import { tailorResume } from '../../src/tailor/tailorResume.js';
import { checkBlind } from '../../src/validate/checkBlind.js';
import { roleSchema } from '../../src/validate/schema/role.js';
import { checkUploadSize } from '../../src/verify/checkUpload.js';
import { roleFileName, templateFileName } from '../../src/write/fileName.js';
import { manifestEntry, type Manifest } from '../../src/write/manifest.js';
import { pdfPagesText, squash } from '../helpers/pdf.js';
import { copyData, repoRoot, runCliInProcess, tempDir } from '../helpers/cli.js';

/** An invented school for the example data (whose education is a placeholder). */
const SCHOOL = '한빛대학교';

/** The example data with a school, a photo, and the data-engineer role applying blind with the form's file rules. */
function blindExample(extra: { highlight?: string; upload?: string } = {}): string {
  const dir = copyData();
  fs.copyFileSync(path.join(repoRoot, 'test/fixtures/people/minji-frontend-ko-en/photo.png'), path.join(dir, 'photo.png'));
  let resume = fs.readFileSync(path.join(dir, 'resume.yaml'), 'utf8');
  resume = resume.replace('institution: "[TODO: 학교명]"', `institution: ${SCHOOL}`).replace('basics:\n', 'basics:\n  image: photo.png\n');
  if (extra.highlight) resume = resume.replace('        text: 10명 규모의', `        text: ${extra.highlight} 10명 규모의`);
  fs.writeFileSync(path.join(dir, 'resume.yaml'), resume);
  fs.appendFileSync(path.join(dir, 'roles/data-engineer.yaml'), `blind: true\n${extra.upload ?? ''}`);
  return dir;
}

describe('blind: true on the example data', () => {
  let dir: string;
  let outDir: string;
  let pdf: Buffer;
  let file: string;
  let shows: string | undefined;
  let prepared: ReturnType<typeof prepare>;
  beforeAll(async () => {
    dir = blindExample({ upload: 'upload: { maxBytes: 10MB, fileName: "{name}_{position}_{kind}" }\n' });
    outDir = tempDir();
    prepared = prepare({ dataDir: dir, roles: ['data-engineer'] });
    const [made] = await renderRole(prepared, 'data-engineer', ['resume'], { outDir });
    file = made!.rendered[0]!.file;
    shows = made!.shows;
    pdf = made!.rendered[0]!.content as Buffer;
  });

  it('draws no photo and prints no school name anywhere in the PDF text', async () => {
    // The photo is there and valid: without blind it is drawn.
    expect(prepared.photo).toBeDefined();
    const role = prepared.roles.get('data-engineer')!;
    expect(
      tailorResume(prepared.resume, { ...role, blind: false }, { roleId: 'data-engineer', photo: prepared.photo, creationDate: new Date(0) }).model.person
        .image,
    ).toBeDefined();
    expect(pdf.toString('latin1')).not.toMatch(/\/Subtype\s*\/Image/);
    const text = squash((await pdfPagesText(pdf)).join(''));
    expect(text).toContain('신춘호');
    expect(text).not.toContain(SCHOOL);
    expect(text).not.toMatch(/대학교|학교명/);
    // The location is left out too (a place can tell the hometown).
    expect(text).not.toContain('거주도시');
  });

  it("explain shows the form's rules: the size once in bytes beside its round figure, the file names", async () => {
    const shown = await runCliInProcess(['explain', '--role', 'data-engineer', '--data', dir]);
    expect(shown.stdout).toMatch(
      /^upload: each file at most 10 MB \(10,000,000 bytes; the build fails over it\); files named 신춘호_데이터엔지니어_이력서\.pdf/m,
    );
    const small = blindExample({ upload: 'upload: { maxBytes: 500 }\n' });
    expect((await runCliInProcess(['explain', '--role', 'data-engineer', '--data', small])).stdout).toMatch(
      /^upload: each file at most 500 bytes \(the build fails over it\)/m,
    );
  });

  it('names the file as the form asks and keeps it under the limit', () => {
    expect(path.basename(file)).toBe('신춘호_데이터엔지니어_이력서.pdf');
    expect(pdf.length).toBeLessThan(10_000_000);
  });

  it('fails the build with the size and the limit when a file is over it, also for a file kept from the last build', async () => {
    const role = prepared.roles.get('data-engineer')!;
    const source = prepared.folder.roles.get('data-engineer')!;
    const [problem] = checkUploadSize(file, pdf.length, { ...role.upload, maxBytes: 20_000 }, source);
    expect(problem).toMatchObject({ severity: 'error', code: 'upload-too-large', path: 'upload.maxBytes' });
    expect(problem!.message).toMatch(
      new RegExp(
        `^신춘호_데이터엔지니어_이력서\\.pdf is [\\d.]+ KB \\(${pdf.length.toLocaleString('en-US')} bytes\\), over the form's limit of 20 KB \\(20,000 bytes\\)$`,
      ),
    );
    expect(problem!.at).toMatchObject({ file: source.file, line: source.text.split('\n').findIndex((l) => l.startsWith('upload:')) + 1 });
    // The last build wrote the resume; the form's limit is then lowered: the kept file fails the build too.
    const roleDir = path.join(outDir, 'data-engineer');
    fs.mkdirSync(roleDir, { recursive: true });
    fs.writeFileSync(file, pdf);
    const previous: Manifest = {
      role: 'data-engineer',
      documents: [manifestEntry('resume', file, pdf, 2, [])],
      inputs: { settings: '', read: [] },
      shows: { resume: shows },
    };
    role.upload = { ...role.upload, maxBytes: 20_000 };
    await expect(renderRole(prepared, 'data-engineer', ['resume'], { outDir }, previous)).rejects.toMatchObject({
      problems: [expect.objectContaining({ code: 'upload-too-large' })],
    });
  });

  it('warns at a school name written inside a highlight, at its line and column', () => {
    const withHighlight = blindExample({ highlight: `${SCHOOL} 동문 멘토링과` });
    const warnings = prepare({ dataDir: withHighlight, roles: ['data-engineer'], drawImages: false, checkDrawing: false }).warnings.filter(
      (p) => p.code === 'blind',
    );
    expect(warnings).toHaveLength(1);
    const line =
      fs
        .readFileSync(path.join(withHighlight, 'resume.yaml'), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes(`${SCHOOL} 동문`)) + 1;
    expect(warnings[0]).toMatchObject({ severity: 'warning', at: { line, col: 15 } });
    expect(warnings[0]!.message).toContain(`"${SCHOOL}" names a school in the resume (yogiyo › team-lead)`);
  });
});

describe('blind: another person', () => {
  it("warns where Daniel's resume names his university as an employer, and leaves his education's school out", () => {
    const dir = copyData(path.join(repoRoot, 'test/fixtures/people/daniel-backend-en'));
    fs.appendFileSync(path.join(dir, 'roles/staff-backend.yaml'), 'blind: true\n');
    const prepared = prepare({ dataDir: dir, roles: ['staff-backend'], drawImages: false, checkDrawing: false });
    const warnings = prepared.warnings.filter((p) => p.code === 'blind');
    expect(warnings.map((w) => [w.at?.line, w.at?.col, w.message.split('"')[1]])).toEqual([[46, 11, 'University of Lagos']]);
    const { model } = tailorResume(prepared.resume, prepared.roles.get('staff-backend'), { roleId: 'staff-backend', creationDate: new Date(0) });
    expect(model.sections.find((s) => s.key === 'education')!.entries[0]).toMatchObject({ title: 'BSc · Computer Science', subtitle: undefined });
  });
});

describe('blind: the text check', () => {
  const text = (t: string): DocumentText => ({
    document: 'answers',
    label: 'Q1 intro',
    text: t,
    locate: (offset) => ({ file: 'roles/x.yaml', line: 1, col: offset + 1 }),
  });
  const found = (t: string) => checkBlind([text(t)], { education: [{ institution: 'Lagos Tech' }] }, 'roles/x.yaml').map((p) => p.message.split('"')[1]);

  it('finds schools (the own one, Korean and English names), birth dates and ages, hometowns and family', () => {
    expect(found('Lagos Tech에서 배운 것')).toEqual(['Lagos Tech']);
    expect(found('서울대학교에서 컴퓨터공학을, 카이스트에서 석사를')).toEqual(['서울대학교', '카이스트']);
    expect(found('I studied at University of Lagos and Stanford University')).toEqual(['University of Lagos', 'Stanford University']);
    expect(found('1990년생으로 만 35세이며 부산시 출신입니다')).toEqual(['1990년생', '만 35세', '부산시 출신']);
    expect(found('부모님의 영향으로, my father taught me')).toEqual(['부모님', 'my father']);
  });

  it('leaves alone words that only look like them', () => {
    expect(found('대학원 수준의 통계, 대규모 트래픽, 학습 파이프라인, 데이터 기반 의사결정')).toEqual([]);
  });
});

describe("upload: the form's file rules", () => {
  it('reads sizes in decimal units and checks the file-name template', () => {
    const role = (upload: unknown) => roleSchema.safeParse({ target: { company: 'A', position: 'B' }, upload });
    expect(role({ maxBytes: '10MB' }).data?.upload?.maxBytes).toBe(10_000_000);
    expect(role({ maxBytes: '500 KB' }).data?.upload?.maxBytes).toBe(500_000);
    expect(role({ maxBytes: 1234 }).data?.upload?.maxBytes).toBe(1234);
    expect(role({ maxBytes: 'ten megs' }).error?.issues[0]?.message).toMatch(/expected a size above 0 such as 10MB/);
    expect(role({ fileName: '{name}_{position}' }).error?.issues[0]?.message).toMatch(/needs \{kind\}/);
    expect(role({ fileName: '{name}_{team}_{kind}' }).error?.issues[0]?.message).toMatch(/unknown field \{team\}/);
  });

  it('refuses a limit of 0 however written (0, -1, 0MB, 0.0001KB), each with a hint that fits, in one run', async () => {
    const dir = copyData(path.join(repoRoot, 'test/fixtures/people/hyunwoo-short-ko'));
    const sizes = ['0', '-1', '0MB', '0.0001KB', 'abc'];
    sizes.forEach((size, i) => fs.writeFileSync(path.join(dir, 'roles', `r${i}.yaml`), `target: { company: A, position: B }\nupload: { maxBytes: ${size} }\n`));
    const check = await runCliInProcess(['check', '--all', '--data', dir]);
    expect(check.code).toBe(1);
    const errors = check.stderr.split('\n').filter((line) => /^error|^ {2}hint/.test(line));
    expect(errors).toEqual([
      ...['0', '-1'].flatMap((_, i) => [
        `error ${path.join(dir, `roles/r${i}.yaml`)}:2:21  upload.maxBytes: expected a size above 0 such as 10MB, 500KB or a number of bytes`,
        '  hint: write a number above 0',
      ]),
      ...[2, 3].flatMap((i) => [
        `error ${path.join(dir, `roles/r${i}.yaml`)}:2:21  upload.maxBytes: expected a size above 0 such as 10MB, 500KB or a number of bytes: that is less than 1 byte`,
        '  hint: write a number above 0',
      ]),
      // No "or write a placeholder": a placeholder is no size either.
      `error ${path.join(dir, 'roles/r4.yaml')}:2:21  upload.maxBytes: expected a size above 0 such as 10MB, 500KB or a number of bytes, got "abc"`,
    ]);
  });

  it("fills the template with the words of the data, cleaned, and names the kind in the role's language", () => {
    const naming = { name: 'Jane Doe', company: 'Acme', position: 'Data/Engineer', lang: 'en' as const };
    expect(roleFileName(naming, 'portfolio', 'pdf', 'de', { fileName: '{name}_{position}_{kind}' })).toBe('Jane_Doe_DataEngineer_Portfolio.pdf');
    expect(roleFileName({ ...naming, lang: 'ko' }, 'answers-text', 'txt', 'de', { fileName: '{company}-{role}-{kind}' })).toBe('Acme-de-자기소개서.txt');
    expect(roleFileName(naming, 'resume', 'pdf', 'de', {})).toBe('Jane_Doe-Acme-DataEngineer-resume.pdf');
    // A field with no value goes with its separator; a path in a name is no path.
    expect(templateFileName('{name}_{position}_{kind}', { name: '../../etc', position: undefined, kind: '이력서' }, 'pdf')).toBe('etc_이력서.pdf');
  });

  it('cuts a name too long before the kind, never through it: the files of a role keep their own names', () => {
    const position = '가'.repeat(200);
    const names = ['이력서', '포트폴리오', '자기소개서'].map((kind) =>
      templateFileName('{company}_{position}_{kind}_2026', { company: 'A', position, kind }, 'pdf'),
    );
    expect(new Set(names).size).toBe(3);
    for (const [i, kind] of ['이력서', '포트폴리오', '자기소개서'].entries()) {
      expect(names[i]).toMatch(new RegExp(`^A_가+_${kind}_2026\\.pdf$`));
      expect(Buffer.byteLength(names[i]!)).toBeLessThanOrEqual(255);
      expect(Buffer.byteLength(names[i]!)).toBeGreaterThan(250);
    }
  });
});
