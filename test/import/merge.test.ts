import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot, runCliInProcess, tempDir } from '../helpers/cli.js';

/*
 * import --merge into a resume.yaml written by hand: every line that was there stays as it was
 * written (its spacing, its flow lists, its comments), what is added is added, and a second run
 * changes nothing.
 */
const fixtures = path.join(repoRoot, 'test/fixtures/hostile');

it('--merge keeps every line as written, adds only what is missing, and a second run changes nothing', async () => {
  const dir = tempDir('careerpdf-merge-');
  const before = fs.readFileSync(path.join(fixtures, 'merge-resume.yaml'), 'utf8');
  fs.writeFileSync(path.join(dir, 'resume.yaml'), before);
  const args = ['import', 'jsonresume', path.join(fixtures, 'merge-jsonresume.json'), '--out', dir, '--merge'];
  const first = await runCliInProcess(args);
  expect(first.code, first.stderr).toBe(0);
  expect(first.stdout).toContain('(5): basics.phone, basics.profiles, work: neibeo, skills: rust, languages: yeongeo');
  const after = fs.readFileSync(path.join(dir, 'resume.yaml'), 'utf8');
  // The lines there before, in order, byte for byte (`홍길동   # keep`, `[내가 쓴 것]`, `{ name: Go }   # flow style`).
  const lines = after.split('\n');
  let at = 0;
  for (const line of before.split('\n').filter(Boolean)) {
    at = lines.indexOf(line, at);
    expect(at, line).toBeGreaterThanOrEqual(0);
  }
  const merged = parse(after);
  expect(merged.basics).toMatchObject({ name: '홍길동', email: 'me@example.com', phone: '010-0000-0000' });
  expect(merged.work.map((w: { id: string }) => w.id)).toEqual(['kakao', 'neibeo']);
  expect(merged.work[0].highlights).toEqual(['내가 쓴 것']);
  expect(merged.skills.map((s: { name: string }) => s.name)).toEqual(['Go', 'Rust']);
  const second = await runCliInProcess(args);
  expect(second.stdout).toContain('nothing added, the file is unchanged');
  expect(fs.readFileSync(path.join(dir, 'resume.yaml'), 'utf8')).toBe(after);
});

it('--merge into a list written without indentation, or inline, gives a file that reads as the merge says', async () => {
  const dir = tempDir('careerpdf-merge-');
  fs.writeFileSync(path.join(dir, 'resume.yaml'), 'basics:\n  name: A\nwork:\n- id: x\n  name: X\n\nskills: [{name: Go}]\n');
  const merged = await runCliInProcess(['import', 'jsonresume', path.join(fixtures, 'merge-jsonresume.json'), '--out', dir, '--merge']);
  expect(merged.code, merged.stderr).toBe(0);
  const after = parse(fs.readFileSync(path.join(dir, 'resume.yaml'), 'utf8'));
  expect(after.work.map((w: { id: string }) => w.id)).toEqual(['x', 'kakao', 'neibeo']);
  expect(after.skills.map((s: { name: string }) => s.name)).toEqual(['Go', 'Rust']);
});
