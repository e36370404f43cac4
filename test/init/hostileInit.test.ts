import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliInProcess, tempDir } from '../helpers/cli.js';

/*
 * init where a user may well run it: a folder whose name has a space, Hangul and an emoji; under a
 * file; at a link to nothing; with a name too long for the file system; with a --name the build
 * would refuse. Each is either a folder that builds, or one clear message, exit 1 and nothing written.
 */

const filesUnder = (dir: string): string[] => (fs.readdirSync(dir, { recursive: true }) as string[]).sort();

describe('init into "내 이력서 🎉" with --name "신 춘호 🎉", then build', () => {
  let root: string;
  let dir: string;
  let init: Awaited<ReturnType<typeof runCliInProcess>>;
  let build: Awaited<ReturnType<typeof runCliInProcess>>;
  beforeAll(async () => {
    root = tempDir('careerpdf-init-');
    dir = path.join(root, "it's 내 이력서 🎉");
    init = await runCliInProcess(['init', dir, '--name', '신 춘호 🎉']);
    build = await runCliInProcess(['build', '--data', dir, '--out', path.join(dir, 'out')]);
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('prints a cd line that a shell takes as it is', () => {
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain(`  cd '${root}/it'\\''s 내 이력서 🎉'\n`);
  });

  it("draws the page's image: the image is drawn from its bytes, not from a path the emoji was taken out of", () => {
    expect(build.code, build.stderr).toBe(0);
    expect(build.stderr).not.toContain('ENOENT');
    expect(fs.readFileSync(path.join(dir, 'out', 'master', '신_춘호_🎉-portfolio.pdf')).toString('latin1')).toMatch(/\/Subtype \/Image/);
  });

  it('names the files from the name as written, as the answers are named (the resume and portfolio lost the emoji)', () => {
    expect(fs.readdirSync(path.join(dir, 'out', 'master')).sort()).toEqual(['manifest.json', '신_춘호_🎉-portfolio.pdf', '신_춘호_🎉-resume.pdf']);
  });
});

describe('init where no folder can be made: a message, exit 1, nothing written (it was exit 70)', () => {
  let root: string;
  beforeAll(() => {
    root = tempDir('careerpdf-init-');
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('under a file', async () => {
    fs.writeFileSync(path.join(root, 'afile'), 'x');
    const result = await runCliInProcess(['init', path.join(root, 'afile', 'sub')]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain(`cannot make the folder ${path.join(root, 'afile', 'sub')}: a part of the path is a file, not a folder (ENOTDIR)`);
    expect(result.stderr).not.toMatch(/internal error|--out/);
  });

  it('at a symbolic link to nothing', async () => {
    fs.symlinkSync(path.join(root, 'nowhere'), path.join(root, 'dangling'));
    const result = await runCliInProcess(['init', path.join(root, 'dangling')]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain(`${path.join(root, 'dangling')} is a symbolic link to ${path.join(root, 'nowhere')}, which does not exist`);
    expect(fs.existsSync(path.join(root, 'nowhere'))).toBe(false);
  });

  it('a folder name over 255 bytes (100 Hangul syllables)', async () => {
    const result = await runCliInProcess(['init', path.join(root, '가'.repeat(100))]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain('the path is longer than the file system takes (ENAMETOOLONG)');
  });

  it('a --name the build would refuse, or an empty one', async () => {
    const glyphs = await runCliInProcess(['init', path.join(root, 'g'), '--name', '김𠜎']);
    expect(glyphs.code).toBe(1);
    expect(glyphs.stderr).toContain('error --name:1:2: the character "𠜎" (U+2070E) is in none of the fonts');
    const blob = await runCliInProcess(['init', path.join(root, 'g'), '--name', 'A'.repeat(5000)]);
    expect(blob.stderr).toContain('error --name:1:1: 5,000 characters with no space');
    const empty = await runCliInProcess(['init', path.join(root, 'g'), '--name', ' ']);
    expect(empty.stderr).toContain('error --name:1:1: --name is empty');
    expect(fs.existsSync(path.join(root, 'g'))).toBe(false);
    expect(filesUnder(root)).toEqual(['afile', 'dangling']);
  });
});
