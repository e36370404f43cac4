import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepare } from '../../src/pipeline/prepare.js';
import { roleContext } from '../../src/pipeline/renderRole.js';
import { tailorResume } from '../../src/tailor/tailorResume.js';
import { countCharacters } from '../../src/validate/countCharacters.js';
import { repoRoot, runCliInProcess, tempDir } from '../helpers/cli.js';

/*
 * The exports of the example data's two roles and of the people corpus: valid JSON Resume
 * v1.0.0 (the official schema, as published on npm: resume-schema@1.0.0), exactly the entries
 * the role's PDF shows, and a JSON Resume that comes back as it went in. Nothing is rendered.
 */
const schema = JSON.parse(fs.readFileSync(createRequire(import.meta.url).resolve('resume-schema/schema.json'), 'utf8'));
// CommonJS packages: their class and plugin are their `default` export under NodeNext.
const ajv = new AjvDraft04.default({ allErrors: true, strict: false });
ajvFormats.default(ajv);
const validate = ajv.compile(schema);

const dataDir = path.join(repoRoot, 'data');
const exportOf = async (args: string[]) => {
  const r = await runCliInProcess(['export', ...args]);
  expect(r.code, r.stderr).toBe(0);
  return r;
};
const jsonOf = async (args: string[]) => JSON.parse((await exportOf([...args, '--format', 'jsonresume'])).stdout);

/** Entry ids per section, as the role's PDF model has them (the tailor step, independently of the export). */
function pdfEntryIds(dir: string, roleId: string): Record<string, (string | undefined)[]> {
  const prepared = prepare({ dataDir: dir, roles: [roleId], drawImages: false });
  const ctx = roleContext(prepared, roleId);
  const { model } = tailorResume(ctx.resume, ctx.role, { roleId, creationDate: ctx.creationDate });
  return Object.fromEntries(model.sections.map((s) => [s.key, s.entries.map((e) => e.id)]));
}

const idsIn = (doc: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries({ ...doc, ...((doc.meta as { careerpdf?: object }).careerpdf ?? {}) })
      .filter(([key, value]) => Array.isArray(value) && key !== 'basics')
      .map(([key, value]) => [key, (value as { id?: string }[]).map((e) => e.id)]),
  );

describe('export --format jsonresume', () => {
  const roles: Record<string, Record<string, unknown>> = {};
  beforeAll(async () => {
    for (const role of ['data-engineer', 'partner-backend']) roles[role] = await jsonOf(['--data', dataDir, '--role', role]);
  });

  it.each(['data-engineer', 'partner-backend'])('%s validates against the JSON Resume v1.0.0 schema', (role) => {
    expect(validate(roles[role]), ajv.errorsText(validate.errors)).toBe(true);
  });

  it.each(['data-engineer', 'partner-backend'])('%s holds exactly the entries of its PDF, in its order', (role) => {
    expect(idsIn(roles[role]!)).toEqual(pdfEntryIds(dataDir, role));
  });

  it("leaves out what the role excludes, caps and filters, and takes the role's overrides", () => {
    const de = roles['data-engineer']!;
    const text = JSON.stringify(de);
    // data-engineer excludes the project channeling-api and the highlight ai-tools.
    expect((de.projects as { id: string }[]).map((p) => p.id)).not.toContain('channeling-api');
    expect(text).not.toContain('Cursor, MCP 등 AI 코딩 도구를');
    expect((de.projects as { id: string }[]).slice(0, 3).map((p) => p.id)).toEqual(['ilogyo', 'delivery-eta', 'mlops']);
    expect((de.projects as unknown[]).length).toBeLessThanOrEqual(5);
    expect(de.volunteer).toBeUndefined();
    const pb = roles['partner-backend']!;
    const yogiyo = (pb.work as { id: string; summary: string; highlights: string[] }[]).find((w) => w.id === 'yogiyo')!;
    expect(yogiyo.summary).toMatch(/^데이터 시각화 플랫폼과 배달 시간 예측 모델/);
    expect(yogiyo.highlights.length).toBeLessThanOrEqual(5);
    expect((pb.basics as { label: string }).label).toBe('백엔드 개발자 · MSA와 대용량 트래픽 처리');
  });

  it('leaves out placeholders where JSON Resume checks a format, and says so', async () => {
    const r = await exportOf(['--data', dataDir, '--role', 'data-engineer', '--format', 'jsonresume']);
    expect(r.stderr).toMatch(/jsonresume: basics\.email is a placeholder \("\[TODO: 이메일\]"\): left out/);
    expect(JSON.parse(r.stdout).basics.email).toBeUndefined();
  });

  it('every role of the people corpus validates and holds its PDF entries', async () => {
    const people = path.join(repoRoot, 'test/fixtures/people');
    for (const person of fs.readdirSync(people)) {
      const dir = path.join(people, person);
      const roleIds = fs.existsSync(path.join(dir, 'roles')) ? fs.readdirSync(path.join(dir, 'roles')).map((f) => f.replace(/\.ya?ml$/, '')) : [];
      for (const role of ['master', ...roleIds]) {
        const doc = await jsonOf(['--data', dir, ...(role === 'master' ? [] : ['--role', role])]);
        expect(validate(doc), `${person} ${role}: ${ajv.errorsText(validate.errors)}`).toBe(true);
        expect(idsIn(doc), `${person} ${role}`).toEqual(pdfEntryIds(dir, role));
      }
    }
  });

  it('--out writes one file, atomically, and nothing when the data is bad', async () => {
    const dir = tempDir('careerpdf-export-');
    const file = path.join(dir, 'de.json');
    const r = await exportOf(['--data', dataDir, '--role', 'data-engineer', '--format', 'jsonresume', '--out', file]);
    expect(r.stdout).toBe('');
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(roles['data-engineer']);
    expect(fs.readdirSync(dir)).toEqual(['de.json']);
    const bad = path.join(dir, 'bad');
    fs.mkdirSync(bad);
    fs.writeFileSync(path.join(bad, 'resume.yaml'), 'basics:\n  email: not-an-email\n');
    const failed = await runCliInProcess(['export', '--data', bad, '--format', 'text', '--out', path.join(dir, 'x.txt')]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/resume\.yaml:2:10/);
    expect(fs.existsSync(path.join(dir, 'x.txt'))).toBe(false);
  });
});

describe('import jsonresume → export round trip', () => {
  it('gives back the JSON Resume it read, field by field (ids added, a local photo left out)', async () => {
    const source = path.join(repoRoot, 'test/fixtures/json-resume/resume.json');
    const original = JSON.parse(fs.readFileSync(source, 'utf8'));
    const out = tempDir('careerpdf-jr-');
    const imported = await runCliInProcess(['import', 'jsonresume', source, '--out', out]);
    expect(imported.code, imported.stderr).toBe(0);
    const yaml = parseYaml(fs.readFileSync(path.join(out, 'resume.yaml'), 'utf8'));
    expect(yaml.work.every((w: { id?: string }) => typeof w.id === 'string')).toBe(true);
    const exported = await jsonOf(['--data', out]);
    expect(validate(exported), ajv.errorsText(validate.errors)).toBe(true);
    const { image: _image, ...basics } = original.basics;
    expect(exported.basics).toEqual(basics);
    for (const key of Object.keys(original).filter((k) => Array.isArray(original[k]))) {
      const withoutIds = exported[key].map(({ id: _id, ...rest }: Record<string, unknown>) => rest);
      expect(withoutIds, key).toEqual(original[key]);
    }
  });

  it("keeps careerpdf's own sections under meta.careerpdf, and imports them back", async () => {
    const de = await jsonOf(['--data', dataDir, '--role', 'data-engineer']);
    expect(de.military).toBeUndefined();
    expect(de.meta.careerpdf.military.length).toBeGreaterThan(0);
    const dir = tempDir('careerpdf-jr-');
    fs.writeFileSync(path.join(dir, 'de.json'), JSON.stringify(de));
    const out = path.join(dir, 'data');
    expect((await runCliInProcess(['import', 'jsonresume', path.join(dir, 'de.json'), '--out', out])).code).toBe(0);
    const yaml = parseYaml(fs.readFileSync(path.join(out, 'resume.yaml'), 'utf8'));
    expect(yaml.military).toEqual(de.meta.careerpdf.military);
    expect(yaml.meta?.careerpdf).toBeUndefined();
    expect(await jsonOf(['--data', out])).toMatchObject({ work: de.work, projects: de.projects, skills: de.skills });
  });

  it('refuses a document that is not a valid resume, with where', async () => {
    const dir = tempDir('careerpdf-jr-');
    fs.writeFileSync(path.join(dir, 'r.json'), '{\n  "basics": { "email": 42 }\n}\n');
    const r = await runCliInProcess(['import', 'jsonresume', path.join(dir, 'r.json'), '--out', path.join(dir, 'data')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/r\.json:2:\d+/);
    expect(fs.existsSync(path.join(dir, 'data'))).toBe(false);
  });
});

describe('export --format markdown and text', () => {
  it('markdown: the name, one ## per section of the PDF, highlights as a list, data punctuation escaped', async () => {
    const md = (await exportOf(['--data', dataDir, '--role', 'data-engineer', '--format', 'markdown'])).stdout;
    expect(md.startsWith('# 신춘호\n')).toBe(true);
    expect(md.match(/^## .*/gm)).toEqual(['## 소개', '## 경력', '## 프로젝트', '## 기술', '## 학력', '## 병역']);
    expect(md).toContain('- 일 1억 건 이상의 사용자 행동 로그를 처리하는');
    // The placeholders' brackets are text, not a link.
    expect(md).toContain('\\[TODO: 이메일\\]');
    expect(md).not.toContain('channeling-api');
  });

  it('text: one block per section, headed by its count with and without spaces, as the answers are counted', async () => {
    const text = (await exportOf(['--data', dataDir, '--role', 'partner-backend', '--format', 'text'])).stdout;
    const blocks = text.trimEnd().split(/\n\n(?====)/);
    expect(blocks.map((b) => b.slice(0, b.indexOf(' ·')))).toEqual([
      '======== 연락처',
      '======== 소개',
      '======== 경력',
      '======== 프로젝트',
      '======== 기술',
      '======== 학력',
      '======== 병역',
    ]);
    for (const block of blocks) {
      const [head, ...body] = block.split('\n');
      const counts = countCharacters(body.join('\n'));
      expect(head).toContain(`${counts.withSpaces.toLocaleString('en-US')}자 (공백 포함) · ${counts.withoutSpaces.toLocaleString('en-US')}자 (공백 제외)`);
    }
    expect(text).not.toMatch(/[*#`]|\]\(/);
  });

  it('in English for --lang en', async () => {
    const text = (await exportOf(['--data', dataDir, '--role', 'data-engineer', '--format', 'text', '--lang', 'en'])).stdout;
    expect(text).toMatch(/^======== Contact · [\d,]+ characters with spaces · [\d,]+ without ========$/m);
    expect(text).toContain('======== Experience');
  });
});

describe('export --out never writes into the data folder', () => {
  it('refuses --out resume.yaml, a role file, the folder itself, a link into it; writes into its out/ and elsewhere', async () => {
    const data = path.join(tempDir('careerpdf-export-'), 'minji');
    fs.cpSync(path.join(repoRoot, 'test/fixtures/people/minji-frontend-ko-en'), data, { recursive: true });
    const before = fs.readFileSync(path.join(data, 'resume.yaml'));
    const args = ['export', '--data', data, '--role', 'stripe-frontend', '--format', 'text', '--out'];
    fs.mkdirSync(path.join(data, 'linked'));
    fs.symlinkSync(path.join(data, 'roles'), path.join(path.dirname(data), 'roles-link'));
    for (const out of ['resume.yaml', 'roles/stripe-frontend.yaml', '.', 'linked/x.txt', '../roles-link/new.txt']) {
      const r = await runCliInProcess([...args, path.join(data, out)]);
      expect(r.code, `${out}: ${r.stderr}`).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`refusing to write .*in the data folder ${data}, which careerpdf only reads`));
      expect(r.stderr).toContain(`hint: write it elsewhere, e.g. --out ${path.join(data, 'out')}/`);
    }
    expect(fs.readFileSync(path.join(data, 'resume.yaml'))).toEqual(before);
    expect(fs.readdirSync(path.join(data, 'roles')).sort()).toEqual(['stripe-frontend.yaml', 'toss-frontend.yaml']);
    for (const out of [path.join(data, 'out', 'stripe.txt'), path.join(path.dirname(data), 'stripe.txt')]) {
      const written = await runCliInProcess([...args, out]);
      expect(written.code, written.stderr).toBe(0);
      expect(fs.readFileSync(out, 'utf8')).toMatch(/^======== /);
    }
  });
});
