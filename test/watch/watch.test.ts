import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { UserDataError } from '../../src/core/problems.js';
import { currentState, type InputRecord } from '../../src/load/inputLog.js';
import { build } from '../../src/pipeline/build.js';
import { watchBuild, watchTargets } from '../../src/watch/watchBuild.js';
import { copyData, repoRoot, tempDir } from '../helpers/cli.js';

test('watch follows what a build read: read files, listed folders, and the folders on the way to a path not there yet', () => {
  const root = tempDir();
  fs.mkdirSync(path.join(root, 'data', 'projects'), { recursive: true });
  fs.writeFileSync(path.join(root, 'data', 'resume.yaml'), 'basics: {name: A}\n');
  const targets = watchTargets([
    { path: path.join(root, 'data', 'resume.yaml'), kind: 'file', state: 'sha256:x' },
    { path: path.join(root, 'data', 'projects'), kind: 'listing', state: 'sha256:y' },
    { path: path.join(root, 'data', 'static', 'images', 'a.png'), kind: 'file', state: 'missing' },
  ]);
  expect([...targets.paths].sort()).toEqual([path.join(root, 'data'), path.join(root, 'data', 'projects'), path.join(root, 'data', 'resume.yaml')]);
  expect(targets.matters(path.join(root, 'data', 'resume.yaml'))).toBe(true);
  expect(targets.matters(path.join(root, 'data', 'projects', 'new.md'))).toBe(true);
  expect(targets.matters(path.join(root, 'data', 'static'))).toBe(true);
  expect(targets.matters(path.join(root, 'data', 'static', 'images', 'a.png'))).toBe(true);
  expect(targets.matters(path.join(root, 'data', 'notes.txt'))).toBe(false);
});

/** Resolves once `ready()` holds, polling; fails after `ms`. */
async function until(ready: () => boolean, what: string, ms = 30_000): Promise<void> {
  const started = Date.now();
  while (!ready()) {
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('watch keeps its watcher from build to build, and still sees a file that was deleted and written again', async () => {
  const root = tempDir();
  const file = path.join(root, 'resume.yaml');
  fs.writeFileSync(file, 'basics: {name: A}\n');
  // Each "build" reads the file as it is: its paths are the same every time.
  const read = (): InputRecord[] => [{ path: file, kind: 'file', state: currentState({ path: file, kind: 'file' }) }];
  const rebuilt: string[][] = [];
  const stop = await watchBuild({
    read: read(),
    rebuild: async (changed) => {
      rebuilt.push(changed);
      return read();
    },
  });
  try {
    fs.writeFileSync(file, 'basics: {name: B}\n');
    await until(() => rebuilt.length === 1, 'the build after an edit');
    // Deleted and back before the build read it: the same paths, but chokidar let go of the file.
    fs.rmSync(file);
    fs.writeFileSync(file, 'basics: {name: C}\n');
    await until(() => rebuilt.length >= 2, 'the build after the file came back');
    const seen = rebuilt.length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    fs.writeFileSync(file, 'basics: {name: D}\n');
    await until(() => rebuilt.length > seen, 'the build after an edit of the file written again');
    expect(rebuilt.flat().every((changed) => changed === file)).toBe(true);
  } finally {
    await stop();
  }
});

test('watch in process: a missing image that appears and a new photo are drawn; a deleted and restored data folder builds again', async () => {
  const data = copyData(path.join(repoRoot, 'test/fixtures/people/jane-two-roles-en'));
  const png = path.join(repoRoot, 'test/fixtures/json-resume/photo.png');
  fs.mkdirSync(path.join(data, 'projects'));
  fs.writeFileSync(path.join(data, 'projects', 'billing.md'), '# Billing\n\nThe billing platform.\n\n![Architecture](images/architecture.png)\n');
  fs.writeFileSync(
    path.join(data, 'resume.yaml'),
    fs.readFileSync(path.join(data, 'resume.yaml'), 'utf8').replace('  name: Jane Doe\n', '  name: Jane Doe\n  image: photo.png\n'),
  );
  const out = tempDir();
  const builds: { rendered: string[]; failed?: boolean }[] = [];
  const run = async (): Promise<InputRecord[]> => {
    let read: InputRecord[] = [];
    try {
      const built = await build({ dataDir: data, outDir: out, roles: ['a-first'] }, { onInputs: (records) => (read = records) });
      builds.push({ rendered: built.filter((doc) => !doc.unchanged).map((doc) => doc.kind) });
    } catch (err) {
      if (!(err instanceof UserDataError)) throw err;
      builds.push({ rendered: [], failed: true });
    }
    return read;
  };
  const stop = await watchBuild({ read: await run(), rebuild: run });
  try {
    expect(builds[0]!.rendered).toEqual(['resume', 'portfolio']);
    fs.mkdirSync(path.join(data, 'projects', 'images'));
    fs.copyFileSync(png, path.join(data, 'projects', 'images', 'architecture.png'));
    await until(() => builds.some((b, i) => i > 0 && b.rendered.includes('portfolio')), 'the portfolio with the image that appeared');
    expect(builds.at(-1)!.rendered).toEqual(['portfolio']);

    let seen = builds.length;
    fs.copyFileSync(png, path.join(data, 'photo.png'));
    await until(() => builds.slice(seen).some((b) => b.rendered.includes('resume')), 'the resume with the new photo');

    seen = builds.length;
    const kept = tempDir();
    fs.cpSync(data, kept, { recursive: true });
    fs.rmSync(data, { recursive: true });
    await until(() => builds.slice(seen).some((b) => b.failed), 'the failed build of a deleted data folder');
    seen = builds.length;
    fs.cpSync(kept, data, { recursive: true });
    await until(() => builds.slice(seen).some((b) => !b.failed), 'a build once the data folder is back');
  } finally {
    await stop();
  }
}, 90_000);

const children: ReturnType<typeof spawn>[] = [];
afterAll(() => children.forEach((c) => c.kill('SIGKILL')));

/** Resolves when the watcher's output has grown past `from` with a match for `pattern`. */
function waitFor(output: { text: string }, pattern: RegExp, from: number, ms = 30_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      const fresh = output.text.slice(from);
      if (pattern.test(fresh)) return (clearInterval(poll), resolve(fresh));
      if (Date.now() - started > ms) clearInterval(poll), reject(new Error(`timed out waiting for ${pattern}; output:\n${output.text}`));
    }, 50);
  });
}

/**
 * The small portfolio fixture with one work entry: a resume and a two-page portfolio, so the
 * watcher's first build in its fresh process is short (the example data's watch is timed by `npm run bench`).
 */
function watchedData(): string {
  const data = copyData(path.join(repoRoot, 'test/fixtures/portfolio'));
  fs.appendFileSync(
    path.join(data, 'resume.yaml'),
    'work:\n  - name: 예시회사\n    position: 엔지니어\n    startDate: 2020-01\n    highlights:\n      - 로그 품질을 60~70%에서 95% 이상으로 향상\n',
  );
  return data;
}

test('build --watch: an edit rebuilds the resume, bad input is reported and the watch goes on', async () => {
  const data = watchedData();
  const out = tempDir();
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin/careerpdf.js'), 'build', '--watch', '--role', 'demo', '--data', data, '--out', out], {
    env: { ...process.env, NO_COLOR: '1' },
  });
  children.push(child);
  const output = { text: '' };
  child.stdout!.on('data', (d) => (output.text += d));
  child.stderr!.on('data', (d) => (output.text += d));
  await waitFor(output, /watching /, 0, 60_000);
  const resumeFile = path.join(data, 'resume.yaml');
  const original = fs.readFileSync(resumeFile, 'utf8');

  let mark = output.text.length;
  fs.writeFileSync(resumeFile, original.replace('로그 품질을 60~70%에서 95% 이상으로 향상', '로그 품질을 60~70%에서 95% 이상으로 크게 향상'));
  const rebuilt = await waitFor(output, /built \d+ documents? (\(\d+ unchanged\) )?for demo in/, mark);
  expect(rebuilt).toMatch(/changed: .*resume\.yaml/);
  expect(rebuilt).toMatch(/-resume\.pdf\s+\d pages?\s+\S+ KB\s+\d+ ms/);
  expect(rebuilt).toMatch(/-portfolio\.pdf\s+\d+ pages\s+\S+ KB\s+unchanged/);

  mark = output.text.length;
  fs.writeFileSync(resumeFile, `${original}\nbroken: [\n`);
  const failed = await waitFor(output, /nothing was written/, mark);
  expect(failed).toMatch(/resume\.yaml:\d+:\d+/);

  // A save that changes nothing (a project page written with its own bytes) beside the fix.
  mark = output.text.length;
  const page = path.join(data, 'projects', 'second.md');
  fs.writeFileSync(page, fs.readFileSync(page));
  fs.writeFileSync(resumeFile, original);
  const recovered = await waitFor(output, /built \d+ documents? (\(\d+ unchanged\) )?for demo in/, mark);
  expect(recovered).toMatch(/-resume\.pdf/);
  expect(child.exitCode).toBeNull();
  child.kill('SIGINT');
}, 120_000);
