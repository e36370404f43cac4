import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { UserDataError } from '../../src/core/problems.js';
import { build, type BuiltDocument } from '../../src/pipeline/build.js';
import { copyData, tempDir } from '../helpers/cli.js';

/** Every file under a folder, relative, with its bytes: what a build left on disk. */
const listing = (dir: string) =>
  fs.existsSync(dir)
    ? Object.fromEntries(
        (fs.readdirSync(dir, { recursive: true }) as string[])
          .sort()
          .filter((f) => fs.statSync(path.join(dir, f)).isFile())
          .map((f) => [f, fs.readFileSync(path.join(dir, f)).toString('base64')]),
      )
    : {};
const rendered = (built: BuiltDocument[]) => built.filter((doc) => !doc.unchanged).map((doc) => `${doc.roleId}/${doc.kind}`);

describe('honest builds: all roles verified before anything is written; what a document shows decides what renders', () => {
  test('a multi-role build whose later role fails writes nothing at all, and says so truthfully', async () => {
    const data = copyData(path.resolve('test/fixtures/people/jane-two-roles-en'));
    const out = tempDir();
    // a-first fits its (default) budget; b-second spills over `pages: {resume: 1}`: an error under --strict.
    const failing = build({ dataDir: data, outDir: out, roles: ['master', 'a-first', 'b-second'], strict: true });
    await expect(failing).rejects.toBeInstanceOf(UserDataError);
    const problems = await failing.then(
      () => [],
      (err: UserDataError) => err.problems,
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'page-budget', at: { line: 3, col: 17 } });
    expect(problems[0]!.at!.file).toMatch(/roles[/\\]b-second\.yaml$/);
    expect(listing(out)).toEqual({});
    // Without --strict the same build writes every role.
    const built = await build({ dataDir: data, outDir: out, roles: ['master', 'a-first', 'b-second'] });
    expect(built.filter((doc) => doc.kind === 'resume').map((doc) => doc.pages)).toEqual([2, 2, 2]);
    expect(Object.keys(listing(out))).toHaveLength(6);
  }, 60_000);

  test('an edit to one highlight re-renders only the resumes; a name change removes the files the old name wrote', async () => {
    const data = copyData();
    const out = tempDir();
    const roles = ['master', 'data-engineer'];
    await build({ dataDir: data, outDir: out, roles });
    const resumeFile = path.join(data, 'resume.yaml');
    const original = fs.readFileSync(resumeFile, 'utf8');
    fs.writeFileSync(resumeFile, original.replace('로그 품질을 60~70%에서 95% 이상으로 향상', '로그 품질을 60~70%에서 95% 이상으로 크게 향상'));
    expect(rendered(await build({ dataDir: data, outDir: out, roles }))).toEqual(['master/resume', 'data-engineer/resume']);
    // Back to the first text: the same bytes as the first build, still no portfolio or answers rendered.
    fs.writeFileSync(resumeFile, original);
    expect(rendered(await build({ dataDir: data, outDir: out, roles }))).toEqual(['master/resume', 'data-engineer/resume']);

    fs.writeFileSync(resumeFile, original.replace(/^(\s+name: )신춘호$/m, '$1신춘호 (Chunho Shin)'));
    const renamed = await build({ dataDir: data, outDir: out, roles });
    const files = fs.readdirSync(path.join(out, 'data-engineer')).sort();
    expect(files).toEqual(
      renamed
        .filter((doc) => doc.roleId === 'data-engineer')
        .map((doc) => path.basename(doc.file))
        .concat('manifest.json')
        .sort(),
    );
    expect(files.filter((name) => name.startsWith('신춘호-'))).toEqual([]);
  }, 60_000);

  test("a file that is not the manifest's to remove stays: another file in the folder, a name pointing outside", async () => {
    const data = copyData(path.resolve('test/fixtures/people/jane-two-roles-en'));
    const out = tempDir();
    await build({ dataDir: data, outDir: out, roles: ['a-first'] });
    const dir = path.join(out, 'a-first');
    fs.writeFileSync(path.join(dir, 'my-notes.txt'), 'mine');
    fs.writeFileSync(path.join(out, 'outside.pdf'), 'not listed');
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    manifest.documents.push({ kind: 'resume', file: '../outside.pdf', bytes: 10, sha256: '0', warnings: [] });
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
    fs.writeFileSync(path.join(data, 'resume.yaml'), fs.readFileSync(path.join(data, 'resume.yaml'), 'utf8').replace('Jane Doe', 'Jane Q. Doe'));
    await build({ dataDir: data, outDir: out, roles: ['a-first'] });
    expect(fs.readFileSync(path.join(dir, 'my-notes.txt'), 'utf8')).toBe('mine');
    expect(fs.readFileSync(path.join(out, 'outside.pdf'), 'utf8')).toBe('not listed');
    expect(fs.readdirSync(dir).filter((name) => name.startsWith('Jane_Doe'))).toEqual([]);
  }, 60_000);
});
