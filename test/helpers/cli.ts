import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
const bin = path.join(repoRoot, 'bin/careerpdf.js');

/** Runs the compiled CLI (`npm test` compiles first) as a user would, in `cwd`. */
export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs the CLI's own entry (src/cli/program.ts) in this process: the same commands, messages and
 * exit codes as the compiled CLI, without a node start per run (the modules, fonts and caches
 * stay warm, as in watch). For what only a real process shows — the compiled bundle, signals, a
 * hang — use runCli.
 */
export async function runCliInProcess(args: string[], options: { env?: NodeJS.ProcessEnv } = {}) {
  const { runCli: run } = await import('../../src/cli/program.js');
  let stdout = '';
  let stderr = '';
  const writes = { out: process.stdout.write, err: process.stderr.write };
  const saved = Object.fromEntries(Object.keys(options.env ?? {}).map((key) => [key, process.env[key]]));
  process.stdout.write = ((chunk: string | Uint8Array) => ((stdout += String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => ((stderr += String(chunk)), true)) as typeof process.stderr.write;
  for (const [key, value] of Object.entries(options.env ?? {})) process.env[key] = value;
  process.exitCode = undefined;
  try {
    await run(['node', 'careerpdf', ...args]);
    return { code: Number(process.exitCode ?? 0), stdout, stderr };
  } finally {
    process.exitCode = undefined;
    process.stdout.write = writes.out;
    process.stderr.write = writes.err;
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

export const tempDir = (prefix = 'careerpdf-'): string => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

/** A copy of a data folder to break on purpose (tests never write into data/). */
export function copyData(from = path.join(repoRoot, 'data')): string {
  const dir = tempDir('careerpdf-data-');
  fs.cpSync(from, dir, { recursive: true });
  return dir;
}
