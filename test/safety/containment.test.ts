import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { selectRoles } from '../../src/cli/commands/build.js';
import { problemsOf, UsageError, UserDataError } from '../../src/core/problems.js';
import { roleArgument, roleFiles } from '../../src/load/roleFiles.js';
import { build } from '../../src/pipeline/build.js';
import { checkData } from '../../src/pipeline/check.js';
import { creationDate } from '../../src/pipeline/creationDate.js';
import { documentFileName, MAX_NAME_BYTES } from '../../src/write/fileName.js';
import { readManifest, removeStale, sha256 } from '../../src/write/manifest.js';
import { writeAtomic } from '../../src/write/writeAtomic.js';
import { repoRoot, tempDir } from '../helpers/cli.js';

/*
 * Nothing a data folder holds — a role file's name, basics.name, a target, a theme path, an edited
 * manifest — makes careerpdf write or remove a file outside --out. Each case builds in process
 * inside a fresh folder and compares the listing of everything around --out before and after.
 */

const RESUME = 'basics:\n  name: 홍길동\n  label: 엔지니어\n  email: a@example.com\n';

function dataFolder(resume = RESUME, roles: Record<string, string> = {}): { root: string; data: string; out: string } {
  const root = tempDir('careerpdf-contain-');
  const data = path.join(root, 'data');
  fs.mkdirSync(path.join(data, 'roles'), { recursive: true });
  fs.writeFileSync(path.join(data, 'resume.yaml'), resume);
  for (const [name, text] of Object.entries(roles)) fs.writeFileSync(path.join(data, 'roles', name), text);
  return { root, data, out: path.join(root, 'out') };
}

/** Every path under `root` except those inside `out`: what a build may not change. */
const outside = (root: string, out: string): string[] =>
  (fs.readdirSync(root, { recursive: true }) as string[])
    .map((rel) => path.join(root, rel))
    .filter((file) => file !== out && !file.startsWith(out + path.sep))
    .sort();

const written = (out: string): string[] => (fs.existsSync(out) ? (fs.readdirSync(out, { recursive: true }) as string[]).sort() : []);

describe('role ids are file names', () => {
  test('roles/...yaml, roles/.yaml, roles/master.yaml and two files of one id are located problems with a new name; the others are listed', () => {
    const { data } = dataFolder(RESUME, {
      '...yaml': 'target: {}\n',
      '.yaml': 'target: {}\n',
      'master.yaml': 'target: {}\n',
      'dev.yaml': 'target: {}\n',
      'dev.yml': 'target: {}\n',
      'a b.yaml': 'target: {}\n',
      '데이터.yaml': 'target: {}\n',
    });
    const problems: ReturnType<typeof checkData> = [];
    expect(roleFiles(data, problems).map((r) => r.id)).toEqual(['dev', '데이터']);
    const shown = problems.map((p) => `${path.basename(p.at!.file)}:${p.at!.line} ${p.code} ${p.hint}`);
    expect(shown).toEqual([
      expect.stringMatching(/^\.\.\.yaml:1 bad-role-id rename the file, e\.g\. to .*roles\/role\.yaml \(role ids are file names/),
      expect.stringMatching(/^\.yaml:1 bad-role-id rename the file, e\.g\. to .*roles\/role\.yaml/),
      expect.stringMatching(/^a b\.yaml:1 bad-role-id rename the file, e\.g\. to .*roles\/a-b\.yaml/),
      expect.stringMatching(/^dev\.yml:1 duplicate-role /),
      expect.stringMatching(/^master\.yaml:1 bad-role-id rename the file, e\.g\. to .*roles\/master-role\.yaml/),
    ]);
    expect(problems.find((p) => p.at!.file.endsWith('master.yaml'))!.message).toContain('"master" is reserved for the untailored build');
    // check reports them with everything else; build --all stops on them before building anything.
    expect(checkData({ dataDir: data }).filter((p) => p.code === 'bad-role-id')).toHaveLength(4);
    expect(() => selectRoles({ all: true, data })).toThrow(UserDataError);
  });

  test('a decomposed (NFD) file name gives the composed (NFC) id', () => {
    const { data } = dataFolder(RESUME, { ['데이터'.normalize('NFD') + '.yaml']: 'target: {}\n' });
    expect(roleFiles(data).map((r) => r.id)).toEqual(['데이터']);
    expect(roleArgument(data, '데이터'.normalize('NFD'))).toBe('데이터');
  });

  test("--role: an id no file could have is a usage error; one a role file gives is that file's problem", () => {
    const { data } = dataFolder(RESUME, { '...yaml': 'target: {}\n' });
    for (const id of ['../x', '.', '', 'a/b']) expect(() => roleArgument(data, id), id).toThrow(UsageError);
    expect(problemsOf(() => (roleArgument(data, '..'), []))).toEqual([
      expect.objectContaining({ code: 'bad-role-id', at: expect.objectContaining({ file: expect.stringMatching(/roles\/\.\.\.yaml$/) }) }),
    ]);
    expect(roleArgument(data, 'master')).toBe('master');
  });
});

const bytes = (name: string) => Buffer.byteLength(name);

describe('output names', () => {
  test('separators, dots, backslashes, controls and bidi overrides never reach a file name; an empty name falls back to the kind', () => {
    expect(documentFileName({ name: '../../etc', company: '/', position: '..\\x', kind: 'resume' })).toBe('etc-..x-resume.pdf');
    expect(documentFileName({ name: '.hidden', kind: 'portfolio' })).toBe('hidden-portfolio.pdf');
    expect(documentFileName({ name: '/', company: '..', position: '\u0000\u202e', kind: 'resume' })).toBe('resume.pdf');
    expect(documentFileName({ name: 'CON.x', kind: 'resume' })).toBe('_CON.x-resume.pdf');
    expect(documentFileName({ name: 'a\u202efdp.exe', kind: 'answers-text' }, 'txt')).toBe('afdp.exe-answers-text.txt');
  });

  test('300 characters of Hangul or ASCII: cut to 255 bytes at a character boundary, the kind and extension kept, the same every time', () => {
    for (const name of ['가'.repeat(300), 'x'.repeat(300), `a${'한\u0301'.repeat(150)}`]) {
      const file = documentFileName({ name, company: '회사', kind: 'portfolio' });
      expect(bytes(file)).toBeLessThanOrEqual(MAX_NAME_BYTES);
      expect(bytes(file)).toBeGreaterThan(MAX_NAME_BYTES - 4);
      expect(file).toMatch(/-portfolio\.pdf$/);
      expect(file).not.toContain('\ufffd');
      expect(file.normalize('NFC')).toBe(file);
      expect(documentFileName({ name, company: '회사', kind: 'portfolio' })).toBe(file);
    }
  });
});

describe('no file is ever written outside --out', () => {
  test('hostile names and targets, and a 300-character name: the PDFs land in <out>/<role>/ and nothing else changes', async () => {
    const hostile = 'target: { company: "/etc/..", position: "..\\\\..\\\\x" }\n';
    const { root, data, out } = dataFolder(RESUME.replace('홍길동', `"../../${'가'.repeat(300)}"`), { 'dev.yaml': hostile });
    const before = outside(root, out);
    const built = await build({ dataDir: data, outDir: out, roles: ['master', 'dev'] });
    expect(outside(root, out)).toEqual(before);
    for (const doc of built) expect(path.dirname(doc.file)).toBe(path.join(out, doc.roleId));
    expect(written(out).filter((f) => f.endsWith('.pdf'))).toHaveLength(2);
    for (const f of written(out)) expect(bytes(path.basename(f))).toBeLessThanOrEqual(MAX_NAME_BYTES);
  });

  test('an out/<role> that is a symbolic link out of --out is refused before anything is written', async () => {
    const { root, data, out } = dataFolder(RESUME, { 'dev.yaml': 'target: { company: 회사, position: 개발자 }\n' });
    fs.mkdirSync(path.join(root, 'elsewhere'));
    fs.mkdirSync(out);
    fs.symlinkSync(path.join(root, 'elsewhere'), path.join(out, 'dev'));
    const before = outside(root, out);
    const problems = await build({ dataDir: data, outDir: out, roles: ['master', 'dev'] }).then(
      () => [],
      (err) => (err as UserDataError).problems,
    );
    expect(problems).toEqual([expect.objectContaining({ code: 'outside-out', message: expect.stringContaining('outside the output folder') })]);
    expect(outside(root, out)).toEqual(before);
    expect(written(out)).toEqual(['dev']);
  });

  test('a role theme: path resolves against the data folder; an unknown one is a problem at its line with did-you-mean, and the other problems still come', () => {
    const { data } = dataFolder(RESUME, {
      'dev.yaml': 'theme: clasic\ntarget: { company: 회사, position: 개발자 }\nexclude: [nope]\n',
      'ops.yaml': 'theme: ./mine\ntarget: { company: 회사, position: 운영 }\n',
    });
    fs.mkdirSync(path.join(data, 'mine'));
    fs.writeFileSync(path.join(data, 'mine', 'theme.yaml'), fs.readFileSync(path.join(repoRoot, 'themes/compact/theme.yaml')));
    const problems = checkData({ dataDir: data });
    expect(problems).toContainEqual(
      expect.objectContaining({
        code: 'unknown-theme',
        at: expect.objectContaining({ line: 1, col: 8 }),
        hint: expect.stringContaining('did you mean "classic"?'),
      }),
    );
    expect(problems).toContainEqual(expect.objectContaining({ code: 'unknown-id' }));
    // ./mine is found from the data folder, whatever the working directory.
    expect(problems.filter((p) => p.at?.file.endsWith('ops.yaml'))).toEqual([]);
  });
});

describe("the previous manifest: only the build's own stale files are removed", () => {
  test('a manifest edited to list ../../victim, a link or a changed file removes none of them; a stale output of its own is removed', () => {
    const root = tempDir('careerpdf-stale-');
    const out = path.join(root, 'out');
    const dir = path.join(out, 'dev');
    fs.mkdirSync(dir, { recursive: true });
    const victim = path.join(root, 'victim');
    fs.writeFileSync(victim, 'precious');
    fs.writeFileSync(path.join(dir, 'old-resume.pdf'), 'old');
    fs.writeFileSync(path.join(dir, 'changed-resume.pdf'), 'edited by the user');
    fs.symlinkSync(victim, path.join(dir, 'link-resume.pdf'));
    const entry = (file: string, content: string) => ({ kind: 'resume', file, bytes: content.length, sha256: sha256(content), warnings: [] });
    fs.writeFileSync(
      path.join(dir, 'manifest.json'),
      JSON.stringify({
        role: 'dev',
        documents: [
          entry('../../victim', 'precious'),
          entry(victim, 'precious'),
          entry('link-resume.pdf', 'precious'),
          entry('changed-resume.pdf', 'old'),
          entry('old-resume.pdf', 'old'),
        ],
        inputs: {},
      }),
    );
    const previous = readManifest(dir);
    expect(previous!.documents.map((e) => e.file)).toEqual(['link-resume.pdf', 'changed-resume.pdf', 'old-resume.pdf']);
    expect(removeStale(out, dir, previous, [])).toEqual([path.join(dir, 'old-resume.pdf')]);
    expect(fs.readFileSync(victim, 'utf8')).toBe('precious');
    expect(fs.readdirSync(dir).sort()).toEqual(['changed-resume.pdf', 'link-resume.pdf', 'manifest.json']);
  });
});

describe('the environment', () => {
  afterEach(() => vi.restoreAllMocks());

  test('disk full or a read-only file system while writing: a problem (exit 1), no temporary file left', () => {
    const out = tempDir('careerpdf-full-');
    for (const code of ['ENOSPC', 'EROFS']) {
      vi.spyOn(fs, 'writeFileSync').mockImplementationOnce(() => {
        throw Object.assign(new Error(code), { code });
      });
      const problems = problemsOf(() => (writeAtomic(out, path.join(out, 'r', 'x.pdf'), 'bytes'), []));
      expect(problems).toEqual([expect.objectContaining({ code: 'cannot-write', message: expect.stringContaining(`(${code})`) })]);
      expect(fs.readdirSync(path.join(out, 'r'))).toEqual([]);
    }
  });

  test('--out that is a file: a problem before anything renders', async () => {
    const { data, root } = dataFolder();
    const file = path.join(root, 'out');
    fs.writeFileSync(file, 'not a folder');
    const problems = await build({ dataDir: data, outDir: file, roles: ['master'] }).then(
      () => [],
      (err) => (err as UserDataError).problems,
    );
    expect(problems).toEqual([expect.objectContaining({ code: 'out-not-a-folder' })]);
  });

  test('SOURCE_DATE_EPOCH: whole seconds up to 9999-12-31 are the date; anything else is refused with what was got; empty is unset', () => {
    expect(creationDate(undefined, { SOURCE_DATE_EPOCH: '1700000000' }).toISOString()).toBe('2023-11-14T22:13:20.000Z');
    expect(creationDate(undefined, { SOURCE_DATE_EPOCH: '' }).toISOString()).toBe('2000-01-01T00:00:00.000Z');
    for (const value of ['abc', '1.5', '-1', '1e3', '99999999999999999', '253402300800']) {
      expect(
        problemsOf(() => (creationDate(undefined, { SOURCE_DATE_EPOCH: value }), [])),
        value,
      ).toEqual([expect.objectContaining({ code: 'source-date-epoch', message: expect.stringContaining(`"${value}"`) })]);
    }
  });
});

/** Runs the CLI as an unprivileged user: nobody through setpriv when the tests run as root, else as the user running them. */
function asUnprivileged(args: string[]) {
  const command = [process.execPath, path.join(repoRoot, 'bin/careerpdf.js'), ...args];
  const run =
    process.getuid?.() === 0
      ? spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', ...command], {
          encoding: 'utf8',
          env: { ...process.env, NO_COLOR: '1' },
          cwd: '/',
        })
      : spawnSync(command[0]!, command.slice(1), { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, cwd: '/' });
  return { code: run.status, stderr: run.stderr };
}
const unprivileged =
  process.platform === 'linux' && (process.getuid?.() !== 0 || spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'true']).status === 0);

describe.skipIf(!unprivileged)('as an unprivileged user (nobody via setpriv when run as root; skipped where neither is possible)', () => {
  test('a read-only --out, and an --out inside a read-only folder: exit 1 with the reason, nothing written', () => {
    const { root, data, out } = dataFolder();
    fs.chmodSync(root, 0o755);
    fs.chmodSync(data, 0o755);
    fs.mkdirSync(out, { mode: 0o555 });
    fs.chmodSync(out, 0o555);
    for (const target of [out, path.join(out, 'inner')]) {
      const run = asUnprivileged(['build', '--data', data, '--out', target]);
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr).toMatch(/cannot write into .*: permission denied \(EACCES\)/);
      expect(run.stderr).not.toMatch(/internal error|\n\s+at .+:\d+:\d+\)?\n/);
    }
    expect(written(out)).toEqual([]);
  });
});
