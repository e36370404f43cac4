import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Problem } from '../../src/core/problems.js';
import { loadDataFolder, loadYamlFile } from '../../src/load/loadDataFolder.js';
import { checkData } from '../../src/pipeline/check.js';
import { repoRoot, runCli, tempDir } from '../helpers/cli.js';

/*
 * Hostile files and odd YAML (issue 11: reading, YAML semantics, messages). Each class has a
 * fixture in test/fixtures/broken/ or, where git cannot store it (a FIFO, a link to a device, an
 * unreadable file), one the test makes in a temp folder. Checked in process (message, file:line:col);
 * through the CLI where the exit code is the point.
 */

const broken = (name: string) => path.join(repoRoot, 'test/fixtures/broken', name);

const problemsIn = (dataDir: string): Problem[] => checkData({ dataDir });

/** `file:line:col message` of each problem, file relative to the data folder. */
const located = (dataDir: string, problems: readonly Problem[]) =>
  problems.map((p) => `${p.at ? `${path.relative(dataDir, path.resolve(p.at.file))}:${p.at.line}:${p.at.col} ` : ''}${p.message}`).sort();

function dataFolder(files: Record<string, string> = { 'resume.yaml': 'basics:\n  name: 홍길동\n' }): string {
  const dir = tempDir('careerpdf-hostile-');
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const mkfifo = (file: string) => {
  const made = spawnSync('mkfifo', [file]);
  if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr}`);
};

describe('file kinds: refused before they are opened, each called what it is', () => {
  test('a FIFO as resume.yaml, a page and a role: a named pipe, not a folder; check and build end (exit 1)', () => {
    const dir = dataFolder({ 'resume.yaml': 'basics:\n  name: 홍길동\n', 'projects/.keep': '' });
    fs.rmSync(path.join(dir, 'resume.yaml'));
    mkfifo(path.join(dir, 'resume.yaml'));
    mkfifo(path.join(dir, 'projects/page.md'));
    fs.mkdirSync(path.join(dir, 'roles'));
    mkfifo(path.join(dir, 'roles/data.yaml'));
    const found = located(dir, problemsIn(dir));
    expect(found).toContain(`resume.yaml:1:1 ${path.join(dir, 'resume.yaml')} is a named pipe (FIFO), not a file; it is not read`);
    expect(found.some((p) => p.startsWith('roles/data.yaml:1:1 ') && p.includes('a named pipe (FIFO)'))).toBe(true);
    expect(found.some((p) => p.startsWith('projects/page.md:1:1 ') && p.includes('a named pipe (FIFO)'))).toBe(true);
    expect(found.join('\n')).not.toContain('folder');
    const out = tempDir('careerpdf-out-');
    for (const args of [
      ['check', '--data', dir],
      ['build', '--data', dir, '--out', out],
    ]) {
      const run = runCli(args, { timeoutMs: 30_000 });
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr).toContain('hint: replace it with a regular file (reading a named pipe waits forever for a writer');
    }
    expect(fs.readdirSync(out)).toEqual([]);
  });

  test('resume.yaml linked to /dev/zero: "a device", refused at once; a link to nothing and a loop of links', () => {
    const dir = dataFolder({});
    fs.symlinkSync('/dev/zero', path.join(dir, 'resume.yaml'));
    const started = performance.now();
    expect(located(dir, problemsIn(dir))).toEqual([
      `resume.yaml:1:1 ${path.join(dir, 'resume.yaml')} is a symbolic link to /dev/zero, a device, not a file; it is not read`,
    ]);
    expect(performance.now() - started).toBeLessThan(5_000);

    fs.rmSync(path.join(dir, 'resume.yaml'));
    fs.symlinkSync('gone.yaml', path.join(dir, 'resume.yaml'));
    expect(located(dir, problemsIn(dir))).toEqual([`resume.yaml:1:1 ${path.join(dir, 'resume.yaml')} is a symbolic link to gone.yaml, which does not exist`]);

    fs.rmSync(path.join(dir, 'resume.yaml'));
    fs.symlinkSync('resume.yaml', path.join(dir, 'resume.yaml'));
    expect(located(dir, problemsIn(dir))).toEqual([
      `resume.yaml:1:1 ${path.join(dir, 'resume.yaml')} is a symbolic link that leads to itself (a loop of links)`,
    ]);
  });

  test('a folder named resume.yaml, a file named roles or projects: located problems, exit 1 (not 70)', () => {
    const dir = dataFolder({});
    fs.mkdirSync(path.join(dir, 'resume.yaml'));
    expect(located(dir, problemsIn(dir))).toEqual([`resume.yaml:1:1 ${path.join(dir, 'resume.yaml')} is a folder, not a file; it is not read`]);

    const roles = broken('roles-is-a-file');
    expect(located(roles, problemsIn(roles))).toEqual([
      `roles:1:1 ${path.relative(process.cwd(), path.join(roles, 'roles'))} is a file, not a folder; nothing in it is read`,
    ]);
    const run = runCli(['build', '--all', '--data', roles, '--out', tempDir('careerpdf-out-')]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/roles-is-a-file\/roles:1:1: .* is a file, not a folder/);

    const projects = dataFolder({ 'resume.yaml': 'basics:\n  name: 홍길동\n', projects: 'not a folder\n' });
    expect(located(projects, problemsIn(projects))).toContain(`projects:1:1 ${path.join(projects, 'projects')} is a file, not a folder; nothing in it is read`);
  });

  test('a path too long for the file system: a located problem', () => {
    const dir = dataFolder();
    fs.mkdirSync(path.join(dir, 'roles'));
    const problems: Problem[] = [];
    // Listed names come from the file system, so a too-long name is made by the test as a path part.
    const long = path.join(dir, 'roles', `${'가'.repeat(100)}.yaml`);
    expect(loadYamlFile(long, problems)).toBeUndefined();
    expect(problems[0]!.message).toBe(`the path ${long} is longer than the file system allows`);
    expect(problems[0]!.hint).toContain('255 bytes at most');
  });
});

describe('permissions (run as an unprivileged user: root reads everything)', () => {
  const asNobody = process.getuid?.() === 0 && spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'true']).status === 0;
  const unprivileged = process.getuid?.() !== 0;
  test.skipIf(!asNobody && !unprivileged)('an unreadable resume.yaml and an unlistable roles/: "permission denied" with the chmod to run, exit 1', () => {
    const dir = dataFolder({ 'resume.yaml': 'basics:\n  name: 홍길동\n', 'roles/data.yaml': 'target: { company: 회사, position: 개발 }\n' });
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(path.join(dir, 'resume.yaml'), 0o000);
    fs.chmodSync(path.join(dir, 'roles'), 0o000);
    const bin = path.join(repoRoot, 'bin/careerpdf.js');
    const command = [process.execPath, bin, 'check', '--data', dir];
    const run = asNobody
      ? spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', ...command], {
          encoding: 'utf8',
          env: { ...process.env, NO_COLOR: '1' },
          cwd: repoRoot,
        })
      : spawnSync(command[0]!, command.slice(1), { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, cwd: repoRoot });
    fs.chmodSync(path.join(dir, 'roles'), 0o755);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toContain(`${path.join(dir, 'resume.yaml')}:1:1: permission denied: ${path.join(dir, 'resume.yaml')} cannot be read by this user`);
    expect(run.stderr).toContain(`hint: run \`chmod u+r ${path.join(dir, 'resume.yaml')}\``);
    expect(run.stderr).toContain(`${path.join(dir, 'roles')}:1:1: permission denied: the folder ${path.join(dir, 'roles')} cannot be listed by this user`);
    expect(run.stderr).not.toContain('internal error');
  });
});

describe('encodings and the one form of text', () => {
  test('UTF-16 is named (with a BOM, and without one by its NUL pattern); UTF-8 with a BOM is read', () => {
    expect(located(broken('utf16'), problemsIn(broken('utf16')))).toEqual([
      'resume.yaml:1:1 the file is saved as UTF-16 LE (with a byte order mark), not UTF-8',
    ]);
    const be = dataFolder({});
    fs.writeFileSync(path.join(be, 'resume.yaml'), Buffer.from('basics:\n  name: Hong\n', 'utf16le').swap16());
    expect(located(be, problemsIn(be))).toEqual(['resume.yaml:1:1 the file is saved as UTF-16 BE, not UTF-8']);
    const bom = dataFolder({ 'resume.yaml': '\ufeffbasics:\n  name: 홍길동\n' });
    expect(problemsIn(bom)).toEqual([]);
  });

  test('decomposed Hangul (NFD, from macOS) is read as composed: no missing glyph, the role id composed, columns in characters', () => {
    const dir = broken('nfd-hangul');
    const folder = loadDataFolder(dir);
    expect([...folder.roles.keys()]).toEqual(['데이터']);
    expect((folder.resume!.data as { basics: { name: string } }).basics.name).toBe('홍길동');
    expect((folder.resume!.data as { basics: { name: string } }).basics.name.length).toBe(3);
    // The only problem is the number; no "not in any font" for the jamo, its column counted in composed characters.
    expect(located(dir, problemsIn(dir))).toEqual(['resume.yaml:5:23 expected text, got number 17']);
  });

  test('a lone CR is a line break, as in YAML and markdown: a control character is reported on its own line', () => {
    const dir = broken('control-char');
    expect(located(dir, problemsIn(dir))).toEqual([
      'projects/page.md:3:6 the character "\u0001" (U+0001) is in none of the fonts that draw this text (Pretendard, PretendardJP): it would print as garbage',
    ]);
    const run = runCli(['check', '--data', dir]);
    // Shown as a visible picture, never printed raw to the terminal.
    expect(run.stderr).toContain('    3 | 본문 줄 ␁ 끝\n      |         ^');
  });

  test('columns count characters: an emoji before a value does not shift it, nor the caret', () => {
    const dir = broken('astral-columns');
    expect(located(dir, problemsIn(dir))).toEqual([
      'resume.yaml:4:11 emoji "🚀" (U+1F680) cannot be drawn: no font here has emoji, so it is left out of the PDF',
      'resume.yaml:5:17 emoji "🚀" (U+1F680) cannot be drawn: no font here has emoji, so it is left out of the PDF',
      'resume.yaml:5:18 emoji "🚀" (U+1F680) cannot be drawn: no font here has emoji, so it is left out of the PDF',
      'resume.yaml:5:22 expected text, got number 17',
    ]);
    const page = dataFolder({ 'resume.yaml': 'basics:\n  name: 홍길동\n', 'projects/p.md': '# 제목\n\n🚀🚀 글 ཀ\n' });
    expect(located(page, problemsIn(page)).filter((p) => p.includes('U+0F40'))).toEqual([
      'projects/p.md:3:6 the character "ཀ" (U+0F40) is in none of the fonts that draw this text (Pretendard, PretendardJP): it would print as garbage',
    ]);
  });

  test('LRM, RLM, RLO/PDF, LRI/PDI, ZWSP and a BOM inside text draw nothing: not missing glyphs', () => {
    expect(problemsIn(broken('bidi-marks'))).toEqual([]);
  });
});

describe('YAML semantics', () => {
  test('merge keys (<<: *job) are merged, and a merged value is located where it was written', () => {
    const dir = broken('merge-keys');
    const folder = loadDataFolder(dir);
    const work = (folder.resume!.data as { work: Record<string, string>[] }).work;
    expect(work[1]).toEqual({ id: 'second', name: '가나다 주식회사', position: '데이터 엔지니어', startDate: '2021-01' });
    expect(folder.resume!.locate(['work', 1, 'name'])).toEqual({ file: 'test/fixtures/broken/merge-keys/resume.yaml', line: 6, col: 11 });
    expect(folder.resume!.locate(['work', 1, 'startDate'])).toMatchObject({ line: 11, col: 16 });
    // The bad date is the anchor's own; the entry that overrides it is fine.
    expect(located(dir, problemsIn(dir))).toEqual(['resume.yaml:8:16 there is no month 13 (got "2020/13")']);
  });

  test('an anchor that refers to itself: its own message at the alias, exit 1 in check and build (was a stack overflow, exit 70)', () => {
    const dir = broken('self-anchor');
    expect(located(dir, problemsIn(dir))).toEqual([
      'resume.yaml:5:17 the alias *work is inside the value it names (&work): that value would contain itself without end',
    ]);
    for (const args of [
      ['check', '--data', dir],
      ['build', '--data', dir, '--out', tempDir('careerpdf-out-')],
    ]) {
      const run = runCli(args);
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr).toContain('hint: write the value out, or anchor (&work) a value that does not contain this alias');
    }
    const inline = dataFolder({ 'resume.yaml': 'basics:\n  name: 홍길동\nmeta: &x [*x]\n' });
    expect(located(inline, problemsIn(inline))).toEqual([
      'resume.yaml:3:11 the alias *x is inside the value it names (&x): that value would contain itself without end',
    ]);
  });

  test('custom tags (!!binary, !important) are refused at the tag; !!str is plain data', () => {
    const dir = broken('custom-tags');
    const problems = problemsIn(dir);
    expect(located(dir, problems)).toEqual([
      'resume.yaml:3:10 the tag !!binary is not supported: career data is text, numbers, lists and mappings',
      'resume.yaml:4:10 the tag !important is not supported: career data is text, numbers, lists and mappings',
    ]);
    expect(problems.map((p) => p.message).join('\n')).not.toMatch(/readUInt|Buffer/);
  });

  test('several documents in one file: one located message, one document per file', () => {
    const dir = broken('several-documents');
    const problems = problemsIn(dir);
    expect(located(dir, problems)).toEqual(['resume.yaml:3:1 a second YAML document starts here (a --- line after content): a file holds one document']);
    expect(problems[0]!.hint).toContain('remove this --- line');
    expect(problems[0]!.message).not.toContain('parseAllDocuments');
  });
});

describe('messages: a union names what it got and what to write', () => {
  // startDate: 2021.09 in this file is a date as Koreans write it, read from its text: no problem.
  test('null, ~, nothing, a number, a list', () => {
    const dir = broken('union-messages');
    const problems = problemsIn(dir);
    expect(problems.map((p) => `${p.at!.line}:${p.at!.col} ${p.path}: ${p.message} | ${p.hint}`).sort()).toEqual([
      '10:9 work[0].highlights[0]: expected text or {text, id, tags}; got null (an empty value) | write the item after "- ", or remove the line',
      '2:9 basics.name: expected text or {ko, en}; got ~ (an empty value) | write the value after the colon (e.g. name: your text), or remove the line',
      '3:9 basics.label: expected text or {ko, en}; got nothing (an empty value) | write the value after the colon (e.g. label: your text), or remove the line',
      '4:12 basics.summary: expected text or {ko, en}; got number 2021.10 | quote it to keep it as text: summary: "2021.10"',
      '5:8 basics.url: expected a URL as text (https://…) or a [TODO: …] placeholder; got a list (1 item) | write one value here, not a list (no "- " lines, no [ ])',
    ]);
    expect(problems.map((p) => p.message).join('\n')).not.toMatch(/expected (\w+) or \1\b/);
  });
});
