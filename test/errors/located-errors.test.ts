import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { copyData, repoRoot, runCliInProcess, tempDir } from '../helpers/cli.js';

const broken = path.join(repoRoot, 'test/fixtures/broken');

/** A copy of one of the broken fixture folders. */
function dataWith(fixture: string): string {
  const dir = tempDir('careerpdf-broken-');
  fs.cpSync(path.join(broken, fixture), dir, { recursive: true });
  return dir;
}

async function build(args: string[]) {
  const out = tempDir('careerpdf-out-');
  const run = await runCliInProcess(['build', '--out', out, ...args]);
  return { ...run, out, written: fs.readdirSync(out, { recursive: true }) };
}

const expectCleanFailure = (run: Awaited<ReturnType<typeof build>>) => {
  expect(run.code).toBe(1);
  expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/); // no stack trace
  expect(run.stderr).toContain('nothing was written');
  expect(run.written).toEqual([]);
};

describe('every problem in one run, each located, exit 1, nothing written', () => {
  test('broken YAML: tab indentation and an unclosed quote', async () => {
    const dir = dataWith('yaml-syntax');
    const run = await build(['--data', dir]);
    expectCleanFailure(run);
    expect(run.stderr).toMatch(/resume\.yaml:5:1: Tabs are not allowed as indentation/);
    expect(run.stderr).toContain('hint: indent with spaces');
    expect(run.stderr).toMatch(/resume\.yaml:7:1: Missing closing "quote/);
    expect(run.stderr).toContain('    5 | →position: 개발자');
  });

  test('wrong types: three of them, all reported', async () => {
    const run = await build(['--data', dataWith('wrong-type')]);
    expectCleanFailure(run);
    expect(run.stderr).toMatch(/resume\.yaml:3:13 {2}basics\.profiles: expected a list, got string "GitHub"/);
    expect(run.stderr).toMatch(/resume\.yaml:6:17 {2}work\[0\]\.highlights: expected a list, got string "혼자 쓴 문장"/);
    expect(run.stderr).toMatch(/resume\.yaml:9:22 {2}skills\[0\]\.keywords\[1\]: expected text, got number 17/);
    expect(run.stderr).toContain('3 errors, 0 warnings');
  });

  test('bad dates and a bad email, with what was expected and a hint', async () => {
    const run = await build(['--data', dataWith('bad-date')]);
    expectCleanFailure(run);
    expect(run.stderr).toMatch(/resume\.yaml:6:16 {2}work\[0\]\.startDate: February 2021 has 28 days, so there is no day 30 \(got "2021-02-30"\)/);
    expect(run.stderr).toContain('hint: write a day from 1 to 28, e.g. 2021-02-28, or the month alone: 2021-02');
    expect(run.stderr).toMatch(/resume\.yaml:7:14 {2}work\[0\]\.endDate: there is no month 13 \(got "2023-13"\)/);
    expect(run.stderr).toMatch(/resume\.yaml:3:10 {2}basics\.email: expected an email address/);
    expect(run.stderr).toContain('hint: or write a placeholder like "[TODO: what is missing]"');
  });

  test('an unknown role lists the roles there are', async () => {
    const run = await build(['--role', 'data-enginer']);
    expectCleanFailure(run);
    expect(run.stderr).toContain('no role "data-enginer"');
    expect(run.stderr).toContain('roles there: data-engineer, partner-backend');
  });

  test('a role naming an id the resume lacks, and an unknown key, are located in the role file', async () => {
    const data = copyData();
    const role = path.join(data, 'roles/data-engineer.yaml');
    fs.writeFileSync(role, fs.readFileSync(role, 'utf8').replace('exclude: [ai-tools, channeling-api]', 'exclude: [ai-tool, channeling-api]\nhighlightz: 3'));
    const run = await build(['--data', data, '--role', 'data-engineer']);
    expectCleanFailure(run);
    expect(run.stderr).toMatch(/roles\/data-engineer\.yaml:\d+:\d+ {2}highlightz: unknown key "highlightz"/);
    expect(run.stderr).toMatch(/roles\/data-engineer\.yaml:\d+:11 {2}exclude\[0\]: no entry or highlight in the resume has the id "ai-tool"/);
    expect(run.stderr).toContain('did you mean "ai-tools"?');
  });

  test('--strict turns the placeholder warnings into errors', async () => {
    const run = await build(['--role', 'data-engineer', '--strict']);
    expectCleanFailure(run);
    expect(run.stderr).toMatch(/error data\/resume\.yaml:\d+:\d+ {2}basics\.email: placeholder \[TODO: 이메일\]/);
  });
});

describe('exit codes', () => {
  test('usage errors exit 2; --help and --version exit 0', async () => {
    expect((await runCliInProcess(['build', '--lang', 'fr'])).code).toBe(2);
    expect((await runCliInProcess(['frobnicate'])).code).toBe(2);
    const help = await runCliInProcess(['build', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--role <id>');
    expect((await runCliInProcess(['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

test('a long text where a mapping goes (a whole file pasted) is quoted short in the message, with its length', async () => {
  const dir = tempDir('careerpdf-broken-');
  fs.writeFileSync(path.join(dir, 'resume.yaml'), `${'경력 요약 '.repeat(500)}🎉\n`);
  const run = await runCliInProcess(['check', '--data', dir]);
  expect(run.code).toBe(1);
  const message = run.stderr.split('\n').find((line) => line.startsWith('error'))!;
  expect(message).toBe(`error ${path.join(dir, 'resume.yaml')}:1:1: expected a mapping, got string "${'경력 요약 '.repeat(10)}…" (3,002 characters)`);
  // The file as a whole is wrong: no "- " item or key to fix.
  expect(run.stderr).toContain('hint: write the file as a mapping of its fields, one `key: value` per line (in JSON: { "key": … })');
});
