import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findDataFolder } from '../../src/load/findDataFolder.js';
import { runCliInProcess, tempDir } from '../helpers/cli.js';

describe('findDataFolder: the data folder a command reads, and where its output goes', () => {
  let root: string;
  /** A user's own folder: resume.yaml at its top, pages in a subfolder. */
  let me: string;
  /** The project clone's layout: data/resume.yaml beside out/. */
  let clone: string;

  beforeAll(() => {
    root = fs.realpathSync(tempDir('careerpdf-find-'));
    me = path.join(root, 'me');
    fs.mkdirSync(path.join(me, 'projects', 'drafts'), { recursive: true });
    fs.writeFileSync(path.join(me, 'resume.yaml'), 'basics: { name: Jane }\n');
    clone = path.join(root, 'clone');
    fs.mkdirSync(path.join(clone, 'data', 'roles'), { recursive: true });
    fs.mkdirSync(path.join(clone, 'src'));
    fs.writeFileSync(path.join(clone, 'data', 'resume.yaml'), 'basics: { name: 신춘호 }\n');
    fs.mkdirSync(path.join(root, 'empty'));
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('finds the folder holding resume.yaml from itself or any subfolder, and puts out/ in it', () => {
    for (const cwd of [me, path.join(me, 'projects'), path.join(me, 'projects', 'drafts')])
      expect(findDataFolder({}, cwd)).toEqual({ dataDir: me, outDir: path.join(me, 'out'), how: 'found' });
  });

  it("keeps the clone's data/ the default from anywhere in the clone, with out/ beside it", () => {
    for (const cwd of [clone, path.join(clone, 'src'), path.join(clone, 'data'), path.join(clone, 'data', 'roles')])
      expect(findDataFolder({}, cwd)).toEqual({ dataDir: path.join(clone, 'data'), outDir: path.join(clone, 'out'), how: 'found' });
  });

  it('--data wins over what is found, and --out over the default; both relative to the working directory', () => {
    expect(findDataFolder({ data: '../../me' }, path.join(clone, 'src'))).toEqual({ dataDir: me, outDir: path.join(me, 'out'), how: 'option' });
    expect(findDataFolder({ out: 'pdfs' }, path.join(me, 'projects')).outDir).toBe(path.join(me, 'projects', 'pdfs'));
    expect(findDataFolder({ data: 'data' }, clone)).toEqual({ dataDir: path.join(clone, 'data'), outDir: path.join(clone, 'out'), how: 'option' });
  });

  it('finding nothing, the working directory is the data folder, and the message names it and init', async () => {
    const empty = path.join(root, 'empty');
    expect(findDataFolder({}, empty)).toEqual({ dataDir: empty, outDir: path.join(empty, 'out'), how: 'none' });
    const before = process.cwd();
    process.chdir(empty);
    try {
      const check = await runCliInProcess(['check']);
      expect(check.code).toBe(1);
      expect(check.stderr).toContain(`no resume.yaml or resume.json in ${empty}`);
      expect(check.stderr).toContain('`careerpdf init` writes a starter data folder here');
      expect(check.stderr).not.toMatch(/data\/resume\.yaml/);
    } finally {
      process.chdir(before);
    }
    const named = await runCliInProcess(['check', '--data', empty]);
    expect(named.stderr).toContain(`\`careerpdf init ${empty}\` writes a starter data folder there`);
  });
});
