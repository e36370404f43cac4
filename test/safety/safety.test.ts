import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { copyData, repoRoot, runCliInProcess, tempDir } from '../helpers/cli.js';

/*
 * What a build must never do to the user: write into the data folder, leave a half-written PDF
 * when it is killed, or touch the network. The small portfolio fixture (a resume, a role, two
 * pages with images) keeps each build to a few seconds. Only the build that is killed runs in a
 * process of its own; the others run the CLI's entry in this process (a request it made would
 * reach the server all the same).
 */

const fixture = path.join(repoRoot, 'test/fixtures/portfolio');
const bin = path.join(repoRoot, 'bin/careerpdf.js');

/** path → mtime and sha256 of every file under `dir`. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const rel of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const file = path.join(dir, rel);
    const stat = fs.statSync(file);
    files[rel] = stat.isDirectory() ? `dir ${stat.mtimeMs}` : `${stat.mtimeMs} ${crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')}`;
  }
  return files;
}

/** The data folder and output of the first build, shared by the data-folder and kill tests. */
const data = copyData(fixture);
const out = tempDir('careerpdf-out-');

const pdfsIn = (dir: string): string[] => (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.pdf')).sort();
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** The CLI as a child the test does not wait on, so a server in this process can answer meanwhile. */
function startCli(args: string[]) {
  const child = spawn(process.execPath, [bin, ...args], { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done, output: () => stdout };
}

describe('the data folder is only read; a build killed midway (kill -9) leaves the previous PDFs whole', () => {
  test('build --all and check leave every file of the data folder as it was (bytes and mtimes), and add none', async () => {
    // One build serves both tests: the second builds again into the same output.
    const before = snapshot(data);
    const first = await runCliInProcess(['build', '--all', '--data', data, '--out', out]);
    expect(first.code, first.stderr).toBe(0);
    expect((await runCliInProcess(['check', '--data', data])).code).toBe(0);
    expect(snapshot(data)).toEqual(before);
  });

  test('the PDFs of the first build survive a second build killed while writing and rendering', async () => {
    if (pdfsIn(out).length === 0) expect((await runCliInProcess(['build', '--all', '--data', data, '--out', out])).code).toBe(0); // run alone (-t)
    const previous = Object.fromEntries(pdfsIn(out).map((f) => [f, sha(path.join(out, f))]));
    expect(Object.keys(previous).length).toBeGreaterThanOrEqual(4);

    // Different content, same file names: a second build that finished would change every PDF.
    const resume = path.join(data, 'resume.yaml');
    fs.writeFileSync(resume, fs.readFileSync(resume, 'utf8').replace('label: 테스트 엔지니어', 'label: 두 번째 빌드'));
    const second = startCli(['build', '--all', '--data', data, '--out', out]);
    // The first document line is printed once its file is written: every role is rendered and verified, the files are being written.
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (second.output().includes('.pdf')) {
          clearInterval(poll);
          resolve();
        }
      }, 5);
    });
    second.child.kill('SIGKILL');
    const ended = await second.done;
    expect(ended.signal).toBe('SIGKILL');

    // Every PDF there is whole: the same set of names, each either the first build's or a complete new one.
    expect(pdfsIn(out)).toEqual(Object.keys(previous));
    for (const file of pdfsIn(out)) {
      const bytes = fs.readFileSync(path.join(out, file));
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(bytes.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);
    }
    // A temporary file the kill left behind is hidden and never named like a PDF.
    const leftovers = (fs.readdirSync(out, { recursive: true }) as string[]).filter((f) => path.basename(f).startsWith('.'));
    for (const f of leftovers) expect(f).toMatch(/\.tmp$/);
  });
});

describe('a build makes no network request', () => {
  let server: http.Server;
  const hits: string[] = [];
  let base = '';

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      hits.push(req.url ?? '');
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('a photo and portfolio images at http:// URLs are warned about and never fetched: zero hits', async () => {
    // The recorder works: a request does register.
    await fetch(`${base}/probe`);
    expect(hits.splice(0)).toEqual(['/probe']);
    const data = copyData(fixture);
    const resume = path.join(data, 'resume.yaml');
    fs.writeFileSync(resume, fs.readFileSync(resume, 'utf8').replace('basics:\n', `basics:\n  image: ${base}/photo.png\n`));
    fs.appendFileSync(path.join(data, 'projects/second.md'), `\n\n![원격 그림](${base}/figure.png)\n\n[링크](${base}/link)\n`);
    const out = tempDir('careerpdf-out-');
    const run = await runCliInProcess(['build', '--all', '--data', data, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/basics\.image: remote image http:\/\/127\.0\.0\.1:\d+\/photo\.png is not fetched \(builds never use the network\)/);
    expect(run.stderr).toMatch(/second\.md:\d+:1: remote image http:\/\/127\.0\.0\.1:\d+\/figure\.png is not fetched/);
    expect(hits).toEqual([]);
  });
});
