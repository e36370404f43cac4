import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { affectedBy, mergeAffected } from '../../src/watch/affectedBy.js';
import { copyData, repoRoot, tempDir } from '../helpers/cli.js';

test('a saved file makes stale only the documents built from it', () => {
  const data = '/d';
  expect(affectedBy('/d/roles/data-engineer.yaml', data)).toEqual({ roles: ['data-engineer'], kinds: 'all' });
  expect(affectedBy('/d/projects/mlops.md', data)).toEqual({ roles: 'all', kinds: ['portfolio'] });
  expect(affectedBy('/d/static/images/a.png', data)).toEqual({ roles: 'all', kinds: ['portfolio'] });
  expect(affectedBy('/d/answers/ilogyo.yaml', data)).toEqual({ roles: 'all', kinds: ['answers', 'answers-text'] });
  expect(affectedBy('/d/resume.yaml', data)).toEqual({ roles: 'all', kinds: 'all' });
  expect(affectedBy('/repo/themes/classic/theme.yaml', data)).toEqual({ roles: 'all', kinds: 'all' });
  expect(mergeAffected([affectedBy('/d/projects/a.md', data), affectedBy('/d/answers/b.yaml', data)])).toEqual({ roles: 'all', kinds: ['portfolio', 'answers', 'answers-text'] });
});

const children: ReturnType<typeof spawn>[] = [];
afterAll(() => children.forEach((c) => c.kill('SIGKILL')));

/** Resolves when the watcher's output has grown past `from` with a match for `pattern`. */
function waitFor(output: { text: string }, pattern: RegExp, from: number, ms = 30_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      const fresh = output.text.slice(from);
      if (pattern.test(fresh)) return clearInterval(poll), resolve(fresh);
      if (Date.now() - started > ms) clearInterval(poll), reject(new Error(`timed out waiting for ${pattern}; output:\n${output.text}`));
    }, 50);
  });
}

test('build --watch: an edit rebuilds the resume, bad input is reported and the watch goes on', async () => {
  const data = copyData();
  const out = tempDir();
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin/careerpdf.js'), 'build', '--watch', '--role', 'data-engineer', '--data', data, '--out', out], { env: { ...process.env, NO_COLOR: '1' } });
  children.push(child);
  const output = { text: '' };
  child.stdout!.on('data', (d) => (output.text += d));
  child.stderr!.on('data', (d) => (output.text += d));
  await waitFor(output, /watching /, 0, 60_000);
  const resumeFile = path.join(data, 'resume.yaml');
  const original = fs.readFileSync(resumeFile, 'utf8');

  let mark = output.text.length;
  fs.writeFileSync(resumeFile, original.replace('label: 재미있는 일을 찾는 개발자', 'label: 재미있는 일을 찾는 개발자입니다'));
  const rebuilt = await waitFor(output, /built \d+ documents? for data-engineer in/, mark);
  expect(rebuilt).toMatch(/changed: .*resume\.yaml/);
  expect(rebuilt).toMatch(/-resume\.pdf\s+\d pages/);

  mark = output.text.length;
  fs.writeFileSync(resumeFile, `${original}\nbroken: [\n`);
  const failed = await waitFor(output, /nothing was written/, mark);
  expect(failed).toMatch(/resume\.yaml:\d+:\d+/);

  mark = output.text.length;
  fs.writeFileSync(path.join(data, 'answers', fs.readdirSync(path.join(data, 'answers'))[0]!), fs.readFileSync(path.join(data, 'answers', fs.readdirSync(path.join(data, 'answers'))[0]!)));
  fs.writeFileSync(resumeFile, original);
  const recovered = await waitFor(output, /built \d+ documents? for data-engineer in/, mark);
  expect(recovered).toMatch(/-resume\.pdf/);
  expect(child.exitCode).toBeNull();
  child.kill('SIGINT');
}, 120_000);
