import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliInProcess, tempDir } from '../helpers/cli.js';

/** Runs the CLI in process with `cwd` as the working directory, as a user who `cd`s there. */
async function runIn(cwd: string, args: string[]) {
  const before = process.cwd();
  process.chdir(cwd);
  try {
    return await runCliInProcess(args);
  } finally {
    process.chdir(before);
  }
}

/** Every file under `dir`, relative, with `/`. */
const filesUnder = (dir: string): string[] =>
  (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .map((f) => f.split(path.sep).join('/'))
    .sort();

/** A path as the CLI shows it when run in `cwd`: relative when inside it, else absolute. */
const shownFrom = (cwd: string, file: string): string => (file.startsWith(cwd + path.sep) ? path.relative(cwd, file) : file);

/** The data part of a line: a YAML comment left out. */
const dataOf = (line: string): string => (/^\s*#/.test(line) ? '' : line.replace(/\s#\s.*$/, ''));

/** `file:line:` of each [TODO: …] a starter file holds as data (not in a YAML comment), the file as shown from `cwd`. */
function placeholderLines(dir: string, cwd: string): string[] {
  const found: string[] = [];
  for (const file of filesUnder(dir).filter((f) => /\.(ya?ml|md)$/.test(f))) {
    fs.readFileSync(path.join(dir, file), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (dataOf(line).includes('[TODO')) found.push(`${shownFrom(cwd, path.join(dir, file))}:${i + 1}:`);
      });
  }
  return found;
}

const STARTER = [
  'answers/shared.yaml',
  'images/first-project.png',
  'projects/first-project.md',
  'resume.yaml',
  'roles/first-role.yaml',
  'schema/answers.schema.json',
  'schema/resume.schema.json',
  'schema/role.schema.json',
  'schema/theme.schema.json',
];

describe('careerpdf init', () => {
  let ko: string;
  let koInit: Awaited<ReturnType<typeof runCliInProcess>>;
  let firstBuild: Awaited<ReturnType<typeof runCliInProcess>>;
  let secondBuild: Awaited<ReturnType<typeof runCliInProcess>>;

  beforeAll(async () => {
    ko = path.join(tempDir('careerpdf-init-'), 'me');
    koInit = await runCliInProcess(['init', ko]);
    // Built as a user does after init: from inside the folder, no --data, no --out; twice.
    firstBuild = await runIn(path.join(ko, 'roles'), ['build', '--role', 'first-role']);
    secondBuild = await runIn(ko, ['build', '--role', 'first-role']);
  });
  afterAll(() => fs.rmSync(path.dirname(ko), { recursive: true, force: true }));

  it('writes the starter folder (Korean by default) and says what each part is for', () => {
    expect(koInit.code).toBe(0);
    expect(koInit.stderr).toBe('');
    expect(filesUnder(ko)).toEqual(expect.arrayContaining(STARTER));
    expect(koInit.stdout).toMatch(/wrote 9 files into/);
    expect(koInit.stdout).toMatch(/roles\/first-role\.yaml +one file per job/);
    const resume = parse(fs.readFileSync(path.join(ko, 'resume.yaml'), 'utf8'));
    expect(resume.basics.name).toBe('[TODO: 이름]');
    expect(parse(fs.readFileSync(path.join(ko, 'roles/first-role.yaml'), 'utf8')).lang).toBe('ko');
    // The editor's schema comment points at a file that is there.
    const comment = /^# yaml-language-server: \$schema=(.+)$/m.exec(fs.readFileSync(path.join(ko, 'roles/first-role.yaml'), 'utf8'))![1]!;
    expect(fs.existsSync(path.resolve(ko, 'roles', comment))).toBe(true);
  });

  it('builds at once from inside the folder (found like git finds its repository), into out/ in it', () => {
    expect(firstBuild.stderr).not.toMatch(/^error/m);
    expect(firstBuild.code).toBe(0);
    const written = fs.readdirSync(path.join(ko, 'out', 'first-role')).sort();
    expect(written.filter((f) => f.endsWith('.pdf'))).toEqual(['answers.pdf', 'portfolio.pdf', 'resume.pdf']);
    expect(firstBuild.stdout).toMatch(/built 4 documents for first-role/);
  });

  it('lists every [TODO: …] it wrote, with file and line', () => {
    const lines = placeholderLines(ko, path.join(ko, 'roles'));
    expect(lines.length).toBeGreaterThan(30);
    for (const at of lines) expect(firstBuild.stderr).toContain(at);
  });

  it('keeps its out/ out of the inputs: the next build loads nothing and renders nothing', () => {
    expect(secondBuild.code).toBe(0);
    expect(secondBuild.stdout).toMatch(/built 4 documents \(4 unchanged\)/);
  });

  it('a language switch renames the files: the build removes the old ones it wrote, says so, and leaves any other file', async () => {
    const role = path.join(ko, 'roles', 'first-role.yaml');
    const original = fs.readFileSync(role, 'utf8');
    const notes = path.join(ko, 'out', 'first-role', 'notes.txt');
    fs.writeFileSync(notes, 'mine');
    fs.writeFileSync(
      role,
      original.replace(/^lang: ko/m, 'lang: en').replace(/^ {2}position: .*$/m, '  position: { ko: 백엔드 개발자, en: Backend engineer }'),
    );
    try {
      const switched = await runIn(ko, ['build', '--role', 'first-role']);
      expect(switched.code).toBe(0);
      for (const kind of ['resume.pdf', 'portfolio.pdf', 'answers.pdf', 'answers-text.txt'])
        expect(switched.stdout).toContain(`removed ${path.join('out', 'first-role', kind)} (the last build wrote it`);
      expect(fs.readdirSync(path.dirname(notes)).sort()).toEqual([
        'Backend_engineer-answers-text.txt',
        'Backend_engineer-answers.pdf',
        'Backend_engineer-portfolio.pdf',
        'Backend_engineer-resume.pdf',
        'manifest.json',
        'notes.txt',
      ]);
    } finally {
      fs.writeFileSync(role, original);
    }
  });

  it('refuses to overwrite: names each file there already, exit 1, writes nothing', async () => {
    const before = fs.readFileSync(path.join(ko, 'resume.yaml'));
    const again = await runCliInProcess(['init', ko, '--lang', 'en']);
    expect(again.code).toBe(1);
    for (const file of STARTER) expect(again.stderr).toContain(`${path.join(ko, file)} already exists`);
    expect(again.stderr).toMatch(/nothing was written/);
    expect(fs.readFileSync(path.join(ko, 'resume.yaml'))).toEqual(before);
  });

  it('refuses a folder that holds one of its files, and a file where it needs a folder, writing none of the others', async () => {
    const dir = tempDir('careerpdf-init-');
    fs.mkdirSync(path.join(dir, 'projects'));
    fs.writeFileSync(path.join(dir, 'projects', 'first-project.md'), '# mine\n');
    fs.writeFileSync(path.join(dir, 'roles'), 'a file, not a folder');
    const result = await runCliInProcess(['init', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${path.join(dir, 'projects', 'first-project.md')} already exists`);
    expect(result.stderr).toContain(`${path.join(dir, 'roles')} is a file, where init needs a folder`);
    expect(filesUnder(dir)).toEqual(['projects/first-project.md', 'roles']);
    expect(fs.readFileSync(path.join(dir, 'projects', 'first-project.md'), 'utf8')).toBe('# mine\n');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('--lang en writes an English folder whose role is English; --name fills basics.name exactly as typed', async () => {
    const dir = path.join(tempDir('careerpdf-init-'), 'jane');
    const name = 'Jane "JJ" O\'Neil: #1';
    const result = await runCliInProcess(['init', dir, '--lang', 'en', '--name', name]);
    expect(result.code).toBe(0);
    expect(parse(fs.readFileSync(path.join(dir, 'resume.yaml'), 'utf8')).basics.name).toBe(name);
    const dataLines = fs.readFileSync(path.join(dir, 'resume.yaml'), 'utf8').split('\n').map(dataOf);
    expect(dataLines.filter((line) => /[가-힣]/.test(line))).toEqual([]);
    const explain = await runCliInProcess(['explain', '--role', 'first-role', '--data', dir]);
    expect(explain.code).toBe(0);
    expect(explain.stdout).toMatch(/^language: en\b/m);
    const check = await runCliInProcess(['check', '--data', dir]);
    expect(check.stderr).not.toMatch(/^error/m);
    for (const at of placeholderLines(dir, process.cwd())) expect(check.stderr).toContain(at);
    fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  });
});
