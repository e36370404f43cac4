import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
const bin = path.join(repoRoot, 'bin/careerpdf.js');

/** Runs the compiled CLI (`npm test` compiles first) as a user would, in `cwd`. */
export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: options.cwd ?? repoRoot, env: { ...process.env, NO_COLOR: '1', ...options.env }, encoding: 'utf8', timeout: options.timeoutMs ?? 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export const tempDir = (prefix = 'careerpdf-'): string => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

/** A copy of a data folder to break on purpose (tests never write into data/). */
export function copyData(from = path.join(repoRoot, 'data')): string {
  const dir = tempDir('careerpdf-data-');
  fs.cpSync(from, dir, { recursive: true });
  return dir;
}
