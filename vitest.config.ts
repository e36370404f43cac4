import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Each in a fresh module graph: the tests that must see fontkit and pdfkit as they were before the
 * renderer patched them (they hash the pristine code, or wrap pdfkit's own font() before the
 * renderer does), and the comparison of our PDF reader with pdfjs-dist on the text layer, which
 * once differed (an invisible difference on one portfolio page) after other files had run in the
 * same worker, likely the glyph-characters leak since fixed in render/shaping.ts: the comparison
 * is of the readers, so it runs on a process's first documents.
 */
const NEEDS_PRISTINE_MODULES = ['test/unit/shaping.test.ts', 'test/unit/postTable.test.ts', 'test/unit/reusePdfFonts.test.ts', 'test/verify/pdfText.test.ts'];

export default defineConfig({
  test: {
    // PDF rendering is CPU-bound; two workers match CI's two cores.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: [...configDefaults.exclude, ...NEEDS_PRISTINE_MODULES],
          // The files of a worker share one module graph: React-PDF, the fonts and V8's compiled
          // code are loaded and warmed once per worker, not once per file (a cold first render is
          // ~1 s of CPU, ~4 s under load; it was paid by every file that renders). No test mocks
          // a module; spies are restored and the CLI helper restores stdout, env and exitCode.
          isolate: false,
        },
      },
      { extends: true, test: { name: 'isolated', include: NEEDS_PRISTINE_MODULES, isolate: true } },
    ],
  },
});
