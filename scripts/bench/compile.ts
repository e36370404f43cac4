import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Where the compiled runners go (dist/ is not committed). */
export const RUNNERS = path.join(ROOT, 'dist/bench');
/** The usage probe every measured node process preloads. */
export const REPORT_USAGE = path.join(RUNNERS, 'reportUsage.cjs');

/**
 * Compiles the processes the bench measures, as the CLI is compiled (esbuild, npm packages left
 * external), so that no TypeScript loader runs inside a measurement. Code splitting keeps each
 * dynamic `import()` a real, lazy module load (renderPhases times them).
 */
export async function compileRunners(): Promise<void> {
  await build({
    entryPoints: {
      'engines/typst': 'scripts/bench/engines/typst.ts',
      'engines/chromium': 'scripts/bench/engines/chromium.ts',
      renderPhases: 'scripts/bench/renderPhases.ts',
    },
    absWorkingDir: ROOT,
    outdir: RUNNERS,
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    target: 'node20',
    logLevel: 'warning',
  });
  // Preloaded with --require (see reportUsage.ts): CommonJS.
  await build({
    entryPoints: ['scripts/bench/reportUsage.ts'],
    absWorkingDir: ROOT,
    outfile: REPORT_USAGE,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
  });
}
