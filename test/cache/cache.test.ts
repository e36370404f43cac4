import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { copyData, runCliInProcess, tempDir } from '../helpers/cli.js';

/** The build cache: a document whose inputs and file are unchanged is not rendered again. */
describe('build cache', () => {
  const roles = ['--role', 'data-engineer', '--role', 'partner-backend'];
  let data: string;
  let out: string;
  const build = async (...extra: string[]) => {
    const run = await runCliInProcess(['build', '--data', data, '--out', out, ...roles, ...extra]);
    expect(run.code, run.stderr).toBe(0);
    return run.stdout;
  };
  /** The summary lines of one role's files: rendered ones end in "<n> ms", the others say "unchanged". */
  const lines = (stdout: string, role: string) => stdout.split('\n').filter((line) => line.includes(`${path.sep}${role}${path.sep}`));
  const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  /** File name → sha256 of the bytes, for every file of a role's output folder (or only its PDFs). */
  const snapshot = (role: string, only = /./) =>
    Object.fromEntries(
      fs
        .readdirSync(path.join(out, role))
        .filter((name) => only.test(name))
        .map((name) => [name, sha256(path.join(out, role, name))]),
    );
  let first: Record<string, Record<string, string>>;
  /** The first build's documents of a role, its manifest left out. */
  const documentsOf = (role: string) => Object.fromEntries(Object.entries(first[role]!).filter(([name]) => name !== 'manifest.json'));

  beforeAll(async () => {
    data = copyData();
    out = tempDir();
    await build();
    first = { 'data-engineer': snapshot('data-engineer'), 'partner-backend': snapshot('partner-backend') };
  }, 120_000);

  test('a rebuild with nothing changed renders nothing and leaves every file as it was', async () => {
    const stdout = await build();
    for (const role of ['data-engineer', 'partner-backend']) {
      expect(lines(stdout, role)).toHaveLength(4);
      for (const line of lines(stdout, role)) expect(line).toMatch(/ unchanged( |$)/);
      expect(snapshot(role)).toEqual(first[role]);
    }
    expect(stdout).toMatch(/built 8 documents \(8 unchanged\)/);
    // The recorded warnings are printed again under their file.
    expect(stdout).toMatch(/resume\.pdf .*unchanged {2}1 warning\n {2}warning: .*placeholder/);
  });

  test('the manifest records the settings, every file and listing the build read (relative to the data folder), and what each document showed', async () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'data-engineer', 'manifest.json'), 'utf8'));
    expect(manifest.inputs.settings).toMatch(/^[0-9a-f]{64}$/);
    const read = Object.fromEntries(manifest.inputs.read.map((r: { path: string; kind: string; state: string }) => [`${r.kind} ${r.path}`, r.state]));
    expect(read['file resume.yaml']).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(read['file resume.json']).toBe('missing');
    expect(read['file roles/data-engineer.yaml']).toMatch(/^sha256:/);
    expect(read['listing projects']).toMatch(/^sha256:/);
    expect(read['file projects/ilogyo.md']).toMatch(/^sha256:/);
    expect(read['file static/images/projects/ilogyo/architecture.png']).toMatch(/^sha256:/);
    expect(read['file answers/ilogyo.yaml']).toMatch(/^sha256:/);
    expect(Object.keys(read).some((key) => key.endsWith('themes/classic/theme.yaml'))).toBe(true);
    expect(Object.keys(manifest.shows)).toEqual(['resume', 'portfolio', 'answers']);
  });

  test('editing what one role shows re-renders only that role; a comment renders nothing; a changed or missing output is rendered again', async () => {
    const roleFile = path.join(data, 'roles', 'partner-backend.yaml');
    fs.appendFileSync(roleFile, '\n# edited\n');
    let stdout = await build();
    // A comment changes no document's model: nothing is rendered, the manifest records the new hash.
    expect(stdout).toMatch(/built 8 documents \(8 unchanged\)/);
    const documents = documentsOf('partner-backend');
    expect(snapshot('partner-backend', /\.(pdf|txt)$/)).toEqual(documents);
    fs.writeFileSync(roleFile, fs.readFileSync(roleFile, 'utf8').replace('headline: 백엔드 개발자', 'headline: 백엔드 엔지니어'));
    stdout = await build();
    for (const line of lines(stdout, 'data-engineer')) expect(line).toMatch(/ unchanged( |$)/);
    expect(lines(stdout, 'partner-backend').find((l) => l.includes('-resume.pdf'))).toMatch(/ \d+ ms( |$)/);
    fs.writeFileSync(roleFile, fs.readFileSync(roleFile, 'utf8').replace('headline: 백엔드 엔지니어', 'headline: 백엔드 개발자'));
    expect(await build()).toMatch(/ms/);
    expect(snapshot('partner-backend', /\.(pdf|txt)$/)).toEqual(documents);

    const resume = Object.keys(first['data-engineer']!).find((name) => name.endsWith('-resume.pdf'))!;
    fs.writeFileSync(path.join(out, 'data-engineer', resume), 'not the PDF that was built');
    stdout = await build();
    expect(lines(stdout, 'data-engineer').find((l) => l.includes(resume))).toMatch(/ \d+ ms( |$)/);
    expect(
      lines(stdout, 'data-engineer')
        .filter((l) => !l.includes(resume))
        .every((l) => / unchanged( |$)/.test(l)),
    ).toBe(true);
    expect(snapshot('data-engineer', /\.(pdf|txt)$/)).toEqual(documentsOf('data-engineer'));
  }, 120_000);

  test('a new project page re-renders the portfolios that show it, nothing else; a draft page (_name.md) changes nothing', async () => {
    fs.copyFileSync(path.join(data, 'projects', 'ilogyo.md'), path.join(data, 'projects', '_draft.md'));
    expect(await build()).toMatch(/built 8 documents \(8 unchanged\)/);
    // No role picks an untagged page: the folder's listing changed, no document did.
    fs.writeFileSync(path.join(data, 'projects', 'zz-new.md'), '# 새 프로젝트\n\n새로 추가한 프로젝트 페이지입니다.\n');
    expect(await build()).toMatch(/built 8 documents \(8 unchanged\)/);
    // Tagged realtime, partner-backend's portfolio picks it.
    fs.writeFileSync(path.join(data, 'projects', 'zz-new.md'), '---\ntags: [realtime]\n---\n# 새 프로젝트\n\n새로 추가한 프로젝트 페이지입니다.\n');
    const stdout = await build();
    for (const line of lines(stdout, 'data-engineer')) expect(line).toMatch(/ unchanged( |$)/);
    for (const line of lines(stdout, 'partner-backend')) expect(line).toMatch(line.includes('-portfolio.pdf') ? / \d+ ms( |$)/ : / unchanged( |$)/);
    fs.rmSync(path.join(data, 'projects', 'zz-new.md'));
  }, 120_000);

  test('--force renders everything again, to the same bytes and manifests', async () => {
    fs.writeFileSync(
      path.join(data, 'roles', 'partner-backend.yaml'),
      fs.readFileSync(path.join(data, 'roles', 'partner-backend.yaml'), 'utf8').replace('\n# edited\n', ''),
    );
    const stdout = await build('--force');
    expect(stdout).not.toMatch(/unchanged/);
    // The draft page is still there: the manifests record the projects folder's new listing; the documents are the same bytes.
    expect(snapshot('data-engineer', /\.(pdf|txt)$/)).toEqual(documentsOf('data-engineer'));
    expect(snapshot('partner-backend', /\.(pdf|txt)$/)).toEqual(documentsOf('partner-backend'));
  }, 120_000);
});
