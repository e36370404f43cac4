import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project folder: the first with a package.json above this module (scripts/bench/ or, compiled, dist/bench/). */
const ROOT = (() => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json')) && dir !== path.dirname(dir)) dir = path.dirname(dir);
  return dir;
})();

/**
 * Where the bench installs its yardsticks (git-ignored). Typst is not a dev dependency: its lock
 * entries name platform packages the registry lacks, which breaks `npm ci` on a fresh clone, so
 * it is installed here on demand, outside the project's package.json and lockfile.
 */
export const BENCH_TOOLS = path.join(ROOT, '.bench-tools');
export const TYPST_PACKAGE = '@myriaddreamin/typst-ts-node-compiler';
const TYPST_VERSION = '0.7.0';

/** Loads a package from the bench's own folder by path, never from the project's node_modules. */
export const requireBenchTool = (name: string): unknown => createRequire(path.join(BENCH_TOOLS, 'package.json'))(path.join(BENCH_TOOLS, 'node_modules', name));

/** Installs Typst into .bench-tools/ when it is not there yet; returns why not when that fails. */
export function ensureTypst(progress: (line: string) => void): { ok: true } | { ok: false; reason: string } {
  if (loads()) return { ok: true };
  progress(`installing ${TYPST_PACKAGE}@${TYPST_VERSION} into ${path.relative(ROOT, BENCH_TOOLS)}/ (once; not part of the project's dependencies) …`);
  fs.mkdirSync(BENCH_TOOLS, { recursive: true });
  const manifest = path.join(BENCH_TOOLS, 'package.json');
  if (!fs.existsSync(manifest))
    fs.writeFileSync(manifest, `${JSON.stringify({ private: true, description: 'tools npm run bench installs for itself' }, null, 2)}\n`);
  const npm = spawnSync(
    'npm',
    ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefix', BENCH_TOOLS, `${TYPST_PACKAGE}@${TYPST_VERSION}`],
    { encoding: 'utf8', shell: process.platform === 'win32' },
  );
  if (npm.status !== 0)
    return {
      ok: false,
      reason: `npm install failed (${npm.error?.message ?? `exit ${npm.status}`}): ${(npm.stderr ?? '').trim().split('\n').slice(-3).join(' ')}`,
    };
  return loads()
    ? { ok: true }
    : { ok: false, reason: `${TYPST_PACKAGE} installed but does not load on ${process.platform}-${process.arch} (no prebuilt binary?)` };
}

function loads(): boolean {
  try {
    requireBenchTool(TYPST_PACKAGE);
    return true;
  } catch {
    return false;
  }
}
