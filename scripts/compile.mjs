/**
 * `npm run compile`: the CLI as ESM for node (dist/careerpdf.js) with its npm packages bundled
 * in: one file read instead of hundreds of small modules resolved and loaded starts a cold
 * build about 12% faster (measured by `npm run bench`). Left external: pdfkit (it loads
 * `#standard-fonts` by package imports), pdfjs-dist and the canvas (they load files and native
 * code of their own), chokidar (only watch mode needs it), and fontkit with the two React-PDF
 * packages that use it (bundled, they raised the peak memory of `build --all` from 286 to
 * 333 MB, over the 300 MB bar, for no gain in time), and iconv-lite: bundled, all its encoding
 * tables (CP949's is 600 KB) were parsed on every start; from node_modules it loads the one a
 * count asks for (importing the build's modules: ~450 → ~360 ms). React is bundled in its production
 * build. Code splitting keeps each command's `import()` a real lazy load (dist/chunks/), so a
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
    'fontkit',
    '@react-pdf/font',
    '@react-pdf/textkit',
  ],
  // Bundled CommonJS packages call require(): give the ES module one.
  banner: { js: "import { createRequire as __careerpdfRequire } from 'node:module'; const require = __careerpdfRequire(import.meta.url);" },
  define,
  target: 'node20',
  metafile: true,
  logLevel: 'warning',
});
const written = new Set(Object.keys(result.metafile.outputs).map((file) => path.resolve(root, file)));
for (const name of fs.existsSync(chunks) ? fs.readdirSync(chunks) : []) {
  const file = path.join(chunks, name);
  if (!written.has(file) && Date.now() - fs.statSync(file).mtimeMs > 60_000) fs.rmSync(file, { force: true });
}
