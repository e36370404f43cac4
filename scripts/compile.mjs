/**
 * `npm run compile`: the CLI as ESM for node (dist/careerpdf.js) with its npm packages bundled
 * in: one file read instead of hundreds of small modules resolved and loaded starts a cold
 * build about 12% faster (measured by `npm run bench`). Left external: pdfkit (it loads
 * `#standard-fonts` by package imports), pdfjs-dist and the canvas (they load files and native
 * code of their own), chokidar (only watch mode needs it), and fontkit with the two React-PDF
 * packages that use it (bundled, they raised the peak memory of `build --all` from 286 to
 * 333 MB, over the 300 MB bar, for no gain in time), and iconv-lite: bundled, all its encoding
 * tables (CP949's is 600 KB) were parsed on every start; from node_modules it loads the one a
 * count asks for (importing the build's modules: ~450 → ~360 ms); pngjs and jpeg-js, which
 * validate/opaquePng.ts requires when it first makes a drawable copy, so that a run that draws no
 * image (`check`, `match`) never compiles them. React is bundled in its production build.
 * zod is imported as a namespace (`import * as z from 'zod'`, not `import { z }`, whose object holds
 * every export): esbuild then drops what careerpdf never calls, its 50 locales among them (751 → 203 KB). Code splitting keeps each command's `import()` a real lazy load (dist/chunks/), so a
 * command that does not render never loads React-PDF. Chunks of earlier compiles are removed
 * once they are a minute old: a CLI process started just before this compile may still be
 * loading them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { patchInstalledReactPdf } from './patchReactPdf.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const define = {
  'process.env.NODE_ENV': '"production"',
  // No `fetch` in the bundled code: careerpdf never reaches the network, and yoga's loader would
  // otherwise fetch its own inline WebAssembly (a data: URL), loading node's HTTP client (undici,
  // ~20 ms) on every cold build; without fetch it decodes the same bytes directly.
  fetch: 'undefined',
};
// The bundled renderer must be the patched one (tagged PDF): patched here too, for a tree installed
// without scripts; the compile fails when the patch no longer applies.
try {
  patchInstalledReactPdf(root);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
const chunks = path.join(root, 'dist/chunks');
/**
 * gray-matter requires js-yaml (102 KB, and js-yaml loads esprima, 280 KB, from node_modules) for
 * its default YAML engine. careerpdf replaces that engine with its own parser (load/loadProjects.ts
 * passes `engines.yaml`, which gray-matter also picks for `yml`) and never stringifies, so the two
 * functions gray-matter binds at load are bundled as ones that say so if they are ever called.
 */
const grayMatterWithoutJsYaml = {
  name: 'gray-matter-without-js-yaml',
  setup(build) {
    build.onResolve({ filter: /^js-yaml$/ }, (args) =>
      /[\\/]gray-matter[\\/]/.test(args.importer) ? { path: 'js-yaml', namespace: 'gray-matter-without-js-yaml' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'gray-matter-without-js-yaml' }, () => ({
      contents:
        "const unused = () => { throw new Error('gray-matter called js-yaml, which careerpdf does not bundle: load/loadProjects.ts must pass its own engines'); };\n" +
        'module.exports = { safeLoad: unused, safeDump: unused };\n',
      loader: 'js',
    }));
  },
};
const result = await build({
  entryPoints: { careerpdf: 'src/cli/main.ts' },
  absWorkingDir: root,
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  external: [
    'pdfkit',
    'pdfkit/*',
    'pdfjs-dist',
    'pdfjs-dist/*',
    '@napi-rs/canvas',
    'chokidar',
    'iconv-lite',
    'pngjs',
    'jpeg-js',
    'fontkit',
    '@react-pdf/font',
    '@react-pdf/textkit',
  ],
  // Bundled CommonJS packages call require(): give the ES module one.
  banner: { js: "import { createRequire as __careerpdfRequire } from 'node:module'; const require = __careerpdfRequire(import.meta.url);" },
  define,
  plugins: [grayMatterWithoutJsYaml],
  target: 'node20',
  metafile: true,
  logLevel: 'warning',
});
const written = new Set(Object.keys(result.metafile.outputs).map((file) => path.resolve(root, file)));
for (const name of fs.existsSync(chunks) ? fs.readdirSync(chunks) : []) {
  const file = path.join(chunks, name);
  if (!written.has(file) && Date.now() - fs.statSync(file).mtimeMs > 60_000) fs.rmSync(file, { force: true });
}
