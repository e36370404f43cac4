import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parentDeathSignalTool, snapshotBlobName, snapshotDir, snapshotToUse } from '../../src/cli/startupSnapshot.js';
import { repoRoot, runCli, tempDir } from '../helpers/cli.js';

/*
 * The startup snapshot (src/cli/startupSnapshot.ts) may only make a build start sooner: the
 * same files, the same lines, the same exit code as the build without it, and without a usable
 * blob the command runs in the first process as before. `npm test` compiles first, so the
 * blob of this checkout is there (where the platform allows the hand-over at all).
 */

const PORTFOLIO = path.join(repoRoot, 'test/fixtures/portfolio');
const BENCH = path.join(repoRoot, 'test/fixtures/bench');
const WITHOUT_SNAPSHOT = { CAREERPDF_SNAPSHOT: '0' };
const REPRODUCIBLE = { SOURCE_DATE_EPOCH: '1700000000' };
const usable = snapshotToUse(repoRoot, [], process.env) !== undefined;
/** Where the hand-over can happen at all (Linux with util-linux's setpriv). */
const canHandOver = parentDeathSignalTool(process.platform, process.env) !== undefined;

/** relative path → sha256 of every file under `dir`. */
function filesIn(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const rel of (fs.readdirSync(dir, { recursive: true }) as string[]).sort()) {
    const file = path.join(dir, rel);
    if (fs.statSync(file).isFile()) files[rel] = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  }
  return files;
}

/** What the CLI prints, with its timings and the output folder taken out. */
const printed = (text: string, out: string) => text.replaceAll(out, '<out>').replace(/\d+(\.\d+)? (ms|s)\b/g, '<time>');

function build(args: string[], env: NodeJS.ProcessEnv, cli = (a: string[], e: NodeJS.ProcessEnv) => runCli(a, { env: e })) {
  const out = tempDir('careerpdf-snapshot-');
  const run = cli([...args, '--out', out], { ...REPRODUCIBLE, ...env });
  return { code: run.code, stdout: printed(run.stdout, out), stderr: printed(run.stderr, out), files: fs.existsSync(out) ? filesIn(out) : {} };
}

describe('the startup snapshot', () => {
  test.runIf(canHandOver)('npm run compile built one for this node, as new as the compiled CLI', () => {
    expect(fs.existsSync(path.join(snapshotDir(repoRoot), snapshotBlobName()))).toBe(true);
    expect(usable).toBe(true);
  });

  test.runIf(usable)('a build through it writes the same bytes and prints the same lines as one without it', () => {
    const args = ['build', '--all', '--data', PORTFOLIO, '--force'];
    const plain = build(args, WITHOUT_SNAPSHOT);
    expect(plain.code).toBe(0);
    expect(Object.keys(plain.files).length).toBeGreaterThanOrEqual(4);
    // Through bin/careerpdf.js, handed over once the build must render …
    expect(build(args, {})).toEqual(plain);
    // … and started from the blob by hand: certainly the snapshot.
    const blob = path.join(snapshotDir(repoRoot), snapshotBlobName());
    const fromBlob = (a: string[], env: NodeJS.ProcessEnv) => {
      const r = spawnSync(process.execPath, ['--snapshot-blob', blob, '--', path.join(repoRoot, 'bin/careerpdf.js'), ...a], { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1', ...env }, encoding: 'utf8' });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    expect(build(args, {}, fromBlob)).toEqual(plain);
  });

  test.runIf(usable)('bad data: the same problems and exit code 1', () => {
    const args = ['build', '--data', path.join(repoRoot, 'test/fixtures/broken/wrong-type')];
    const plain = build(args, WITHOUT_SNAPSHOT);
    expect(plain.code).toBe(1);
    expect(build(args, {})).toEqual(plain);
  });

  test.runIf(usable && process.platform === 'linux')('kill -9 of careerpdf stops the snapshot process with it', async () => {
    const out = tempDir('careerpdf-snapshot-');
    const launcher = spawn(process.execPath, [path.join(repoRoot, 'bin/careerpdf.js'), 'build', '--all', '--data', PORTFOLIO, '--out', out, '--force'], { cwd: repoRoot, stdio: 'ignore' });
    const started = Date.now();
    let child: number | undefined;
    while (!(child = childrenOf(launcher.pid!)[0]) && Date.now() - started < 20_000) await sleep(20);
    expect(child).toBeDefined();
    await sleep(500); // rendering by now
    launcher.kill('SIGKILL');
    await sleep(300);
    // Gone, or dead and not yet reaped by init.
    expect(['gone', 'Z']).toContain(processState(child!));
  }, 30_000);
});

describe('without a usable snapshot the command runs in the first process', () => {
  test('snapshotToUse: a fresh blob, else why not', () => {
    const root = tempDir('careerpdf-root-');
    const bin = tempDir('careerpdf-path-');
    fs.writeFileSync(path.join(bin, 'setpriv'), '');
    const env = { PATH: bin };
    const blob = path.join(snapshotDir(root), snapshotBlobName());
    const at = (file: string, seconds: number) => {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      if (!fs.existsSync(file)) fs.writeFileSync(file, '');
      fs.utimesSync(file, seconds, seconds);
    };
    at(path.join(root, 'package.json'), 1000);
    at(path.join(root, 'dist/careerpdf.js'), 2000);
    expect(snapshotToUse(root, [], env, 'linux')).toBeUndefined(); // no blob
    at(blob, 1500);
    expect(snapshotToUse(root, [], env, 'linux')).toBeUndefined(); // older than the compiled CLI
    at(blob, 3000);
    expect(snapshotToUse(root, [], env, 'linux')).toEqual({ blob, setpriv: path.join(bin, 'setpriv') });
    expect(snapshotToUse(root, ['--cpu-prof'], env, 'linux')).toBeUndefined(); // node options of its own
    expect(snapshotToUse(root, [], { ...env, CAREERPDF_SNAPSHOT: '0' }, 'linux')).toBeUndefined();
    expect(snapshotToUse(root, [], { PATH: root }, 'linux')).toBeUndefined(); // no setpriv
    expect(snapshotToUse(root, [], env, 'darwin')).toBeUndefined();
    at(path.join(root, 'package.json'), 4000);
    expect(snapshotToUse(root, [], env, 'linux')).toBeUndefined(); // package.json changed since
  });

  test.runIf(usable)('moved, missing or unreadable: the build still runs, with the same bytes', () => {
    // A copy of the compiled CLI elsewhere, timestamps kept: its blob is fresh but was built in
    // this checkout, so its paths are wrong there.
    const copy = tempDir('careerpdf-copy-');
    for (const part of ['bin', 'dist', 'themes', 'fonts', 'package.json']) fs.cpSync(path.join(repoRoot, part), path.join(copy, part), { recursive: true, preserveTimestamps: true });
    fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(copy, 'node_modules'));
    const inCopy = (a: string[], env: NodeJS.ProcessEnv) => {
      const r = spawnSync(process.execPath, [path.join(copy, 'bin/careerpdf.js'), ...a], { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1', ...env }, encoding: 'utf8' });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    const args = ['build', '--data', BENCH, '--force'];
    // The manifest records the theme's path, which differs between the copy and this checkout.
    const plain = build(args, WITHOUT_SNAPSHOT, inCopy);
    expect(plain.code).toBe(0);

    expect(build(args, {}, inCopy)).toEqual(plain);
    const blob = path.join(snapshotDir(copy), snapshotBlobName());
    fs.writeFileSync(blob, crypto.randomBytes(1 << 20));
    const unreadable = build(args, {}, inCopy);
    // Node says on stderr that it cannot read the blob; the build is the same.
    expect({ ...unreadable, stderr: '' }).toEqual({ ...plain, stderr: '' });
    fs.rmSync(blob);
    expect(build(args, {}, inCopy)).toEqual(plain);
  });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The pids whose parent is `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  return fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => Number(stat(Number(name))?.[1]) === pid)
    .map(Number);
}

/** The state letter of a process (R, S, Z…), or 'gone'. */
const processState = (pid: number): string => stat(pid)?.[0] ?? 'gone';

/** State and parent pid from /proc/<pid>/stat (after the command name, which may hold spaces). */
function stat(pid: number): [string, string] | undefined {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const [state, ppid] = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return [state!, ppid!];
  } catch {
    return undefined;
  }
}
