import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { repoRoot, runCliInProcess, tempDir } from '../helpers/cli.js';

/*
 * One fixture folder per broken input (test/fixtures/broken/<case>/, each a whole data folder),
 * each run through the CLI as a user would: the message, its location, the exit code, and — for
 * errors — that nothing was written. `check` and `build` share the checks; both are exercised.
 */

const broken = (name: string) => path.join('test/fixtures/broken', name);

async function build(data: string, args: string[] = []) {
  const out = tempDir('careerpdf-out-');
  const run = await runCliInProcess(['build', '--data', data, '--out', out, ...args]);
  return { ...run, written: fs.readdirSync(out, { recursive: true }) };
}

const check = (data: string, args: string[] = []) => runCliInProcess(['check', '--data', data, ...args]);

const STACK_TRACE = /\n\s+at .+:\d+:\d+\)?\n/;

/** Exit 1, the message at its place with the source line and a hint, no stack trace, nothing written. */
function expectRefused(run: Awaited<ReturnType<typeof build>>, located: RegExp, hint: string) {
  expect(run.code, run.stderr).toBe(1);
  expect(run.stderr).toMatch(located);
  expect(run.stderr).toContain(`hint: ${hint}`);
  expect(run.stderr).not.toMatch(STACK_TRACE);
  expect(run.stderr).toContain('nothing was written');
  expect(run.written).toEqual([]);
}

describe('broken files: each refused with a located message, exit 1, nothing written', () => {
  test('tab indentation', async () => {
    const run = await build(broken('tab-indentation'));
    expectRefused(run, /tab-indentation\/resume\.yaml:5:1: Tabs are not allowed as indentation/, 'indent with spaces');
    expect(run.stderr).toContain('    5 | →position: 개발자');
  });

  test('duplicate key: names the key', async () => {
    const run = await build(broken('duplicate-key'));
    expectRefused(run, /duplicate-key\/resume\.yaml:4:3: the key "name" appears twice in this mapping/, 'each key may appear once in a mapping');
  });

  test('empty file', async () => {
    expectRefused(await build(broken('empty-file')), /empty-file\/resume\.yaml:1:1: the file is empty/, 'add content, or delete the file');
  });

  test('binary file', async () => {
    expectRefused(await build(broken('binary-file')), /binary-file\/resume\.yaml:1:1: this is a binary file, not UTF-8 text/, 'save it as plain UTF-8 text');
  });

  test('a file saved as EUC-KR (CP949) instead of UTF-8: the first line that is not UTF-8', async () => {
    const dir = tempDir('careerpdf-broken-');
    // "홍길동" in CP949: C8AB B1E6 B5BF.
    fs.writeFileSync(
      path.join(dir, 'resume.yaml'),
      Buffer.concat([Buffer.from('basics:\n  name: '), Buffer.from([0xc8, 0xab, 0xb1, 0xe6, 0xb5, 0xbf]), Buffer.from('\n')]),
    );
    expectRefused(
      await build(dir),
      /resume\.yaml:2:1: the file is not UTF-8 text \(an older Korean editor may have saved it as EUC-KR\/CP949\)/,
      'save it again as UTF-8',
    );
  });

  test('alias bomb: refused fast, at the alias that nests aliases', async () => {
    const started = performance.now();
    const run = await build(broken('alias-bomb'));
    expect(performance.now() - started).toBeLessThan(10_000);
    expectRefused(
      run,
      /alias-bomb\/resume\.yaml:5:8: aliases \(\*name\) here expand to more than 200 copies .* "billion laughs" alias bomb, so the file is not read/,
      'write the values out',
    );
  });

  test('a 5 MB string: refused before it is read, pointing at its line', async () => {
    const dir = tempDir('careerpdf-broken-');
    const head = fs.readFileSync(path.join(repoRoot, broken('huge-string'), 'resume.yaml'), 'utf8');
    fs.writeFileSync(path.join(dir, 'resume.yaml'), `${head}  summary: "${'가나다라마바사 '.repeat((5 * 1024 * 1024) / 22)}"\n`);
    const run = await build(dir);
    expectRefused(
      run,
      /resume\.yaml:4:1: the file is 5\.0 MB, over the limit of 2\.0 MB for a data file; line 4 alone is 5\.0 MB/,
      'career data is a few KB of text',
    );
  });

  test('YAML nested past any sense ([[[[… ) is one error, not a stack overflow', async () => {
    const dir = tempDir('careerpdf-broken-');
    fs.writeFileSync(path.join(dir, 'resume.yaml'), `basics:\n  name: 홍길동\nwork: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`);
    const run = await build(dir);
    expectRefused(run, /resume\.yaml:3:\d+: values are nested more than 64 levels deep here/, 'career data nests a few levels');
    expect(run.stderr).toContain('1 error, 0 warnings');
  });

  test('wrong type and bad date (the fixtures the located-errors tests use) fail the same way under check', async () => {
    const wrong = await check(broken('wrong-type'));
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/wrong-type\/resume\.yaml:9:22 {2}skills\[0\]\.keywords\[1\]: expected text, got number 17/);
    // check writes nothing ever: its refusal does not announce that nothing was written.
    expect(wrong.stderr).not.toContain('nothing was written');
    const date = await check(broken('bad-date'));
    expect(date.code).toBe(1);
    expect(date.stderr).toMatch(/bad-date\/resume\.yaml:6:16 {2}work\[0\]\.startDate: February 2021 has 28 days, so there is no day 30/);
  });

  test('broken front matter: the YAML error at its line in the page; JavaScript front matter refused, never run', async () => {
    const run = await build(broken('broken-front-matter'));
    expectRefused(run, /broken-front-matter\/projects\/pipeline\.md:3:22: Missing closing "quote/, 'a quote, bracket or brace opened here is not closed');
    expect(run.stderr).toMatch(/broken-front-matter\/projects\/script\.md:1:1: front matter in JavaScript is code, not data/);
  });

  test('a markdown page nested hundreds of levels deep is refused at its line', async () => {
    const dir = tempDir('careerpdf-broken-');
    fs.cpSync(path.join(repoRoot, broken('broken-front-matter')), dir, { recursive: true });
    fs.rmSync(path.join(dir, 'projects/script.md'));
    fs.writeFileSync(path.join(dir, 'projects/pipeline.md'), `# 제목\n\n본문\n\n${'> '.repeat(50_000)}끝\n`);
    expectRefused(
      await build(dir),
      /projects\/pipeline\.md:5:1: quotes and lists are nested more than 32 levels deep here, so the page is not read/,
      'a page nests a few levels at most',
    );
  });
});

describe('references between files', () => {
  test('an unknown role lists the roles there are (build: exit 1; check: a usage error, exit 2)', async () => {
    const run = await build(broken('unknown-role'), ['--role', 'data-enginer']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no role "data-enginer"');
    expect(run.stderr).toContain('roles there: data-engineer');
    expect(run.written).toEqual([]);
    const checked = await check(broken('unknown-role'), ['--role', 'data-enginer']);
    expect(checked.code).toBe(2);
    expect(checked.stderr).toContain('no role "data-enginer"');
    expect(checked.stderr).toContain('roles there: data-engineer');
  });

  test('a role naming an id the resume lacks: located in the role file, with a suggestion', async () => {
    const run = await build(broken('missing-id'), ['--role', 'data-engineer']);
    expectRefused(
      run,
      /missing-id\/roles\/data-engineer\.yaml:2:11 {2}exclude\[0\]: no entry or highlight in the resume has the id "acmee"/,
      'did you mean "acme"?',
    );
  });
});

describe('images: the photo (basics.image) and portfolio figures get the same checks', () => {
  test('missing: a warning at each reference, exit 0 (no photo, a placeholder frame); --strict: exit 1', async () => {
    const run = await check(broken('missing-image'));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(
      /warning test\/fixtures\/broken\/missing-image\/resume\.yaml:3:10 {2}basics\.image: image photo\.png not found \(looked for .*missing-image\/photo\.png\); the resume is drawn without a photo/,
    );
    expect(run.stderr).toMatch(
      /warning test\/fixtures\/broken\/missing-image\/projects\/pipeline\.md:5:1: image images\/architecture\.png not found .*; a placeholder frame is drawn/,
    );
    expect(run.stderr).toContain('0 errors, 2 warnings');
    expect((await check(broken('missing-image'), ['--strict'])).code).toBe(1);
  });

  test('a missing photo builds without one (it used to crash the render, exit 70)', async () => {
    const run = await build(broken('missing-image'));
    expect(run.code, run.stderr).toBe(0);
    expect(run.written.some((f) => String(f).endsWith('-resume.pdf'))).toBe(true);
  });

  test('not an image: says what the file is, by its bytes', async () => {
    const run = await build(broken('not-an-image'));
    expectRefused(run, /not-an-image\/resume\.yaml:3:10 {2}basics\.image: image photo\.png is a text file, not PNG or JPEG/, 'convert it to PNG');
    expect(run.stderr).toMatch(/not-an-image\/projects\/pipeline\.md:3:1: image images\/diagram\.png is SVG, not PNG or JPEG/);
  });

  test('a path leaving the data folder is refused and never read', async () => {
    const run = await build(broken('outside-data-folder'));
    expectRefused(run, /outside-data-folder\/resume\.yaml:3:10 {2}basics\.image: image \.\.\/secret\.png is outside the data folder/, 'keep images inside');
    expect(run.stderr).toMatch(/outside-data-folder\/projects\/pipeline\.md:3:1: image \.\.\/\.\.\/outside\.png is outside the data folder/);
  });
});

describe("glyphs: every drawn character exists in the theme's fonts", () => {
  test('a character no font has: the character, its code point and where; an emoji is a warning', async () => {
    const run = await build(broken('missing-glyph'));
    expectRefused(
      run,
      /error test\/fixtures\/broken\/missing-glyph\/resume\.yaml:4:19 {2}basics\.summary: the character "ཀ" \(U\+0F40\) is in none of the fonts that draw this text \(Pretendard, PretendardJP\): it would print as garbage/,
      'replace it with a character the fonts have',
    );
    // Box drawing exists only in the code font: the hint says so.
    expect(run.stderr).toMatch(/missing-glyph\/resume\.yaml:8:12 {2}work\[0\]\.highlights\[0\]: the character "─" \(U\+2500\)/);
    expect(run.stderr).toContain('hint: only the code font has it: put it inside `code`');
    expect(run.stderr).toMatch(/warning test\/fixtures\/broken\/missing-glyph\/resume\.yaml:3:19 {2}basics\.label: emoji "🚀" \(U\+1F680\) cannot be drawn/);
    // Hanja (申春浩) is drawn by the PretendardJP fallback: not reported.
    expect(run.stderr).not.toContain('申');
    expect(run.stderr).toContain('2 errors, 1 warning');
  });
});
