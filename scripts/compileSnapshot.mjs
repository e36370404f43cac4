/**
 * The startup snapshot of the CLI (why: src/cli/startupSnapshot.ts), built by `npm run compile`
 * after the ES module build:
 *
 * 1. src/cli/snapshotEntry.ts bundled as one CommonJS script, dist/snapshot/careerpdf.cjs (node
 *    builds snapshots from a single script whose require() sees only node's own modules). Every
 *    package the build path loads is bundled, fontkit, pdfkit and the React-PDF packages too;
 *    pdfjs-dist, the canvas and chokidar (preview and watch) are required from node_modules
 *    when a command needs them, after the snapshot has loaded.
 * 2. `node --snapshot-blob … --build-snapshot` runs it and writes the heap to the blob that
 *    startupSnapshot.ts names after this node's version, platform and CPU.
 *
 * Both take ~2 s, so they are skipped, the blob only touched (it must stay newer than
 * dist/careerpdf.js), when no file the bundle was made from changed since the last build (size
 * and mtime of each, as make does). If the snapshot cannot be built, compiling still succeeds:
 * the CLI runs without it, as before, only slower to start.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

/** Writes or refreshes the blob for this node under `root`/dist/snapshot/; `define` as for the ES module build. */
export async function compileSnapshot(root, define) {
  const { snapshotBlobName, snapshotDir } = await import(path.join(root, 'dist/startupSnapshot.js'));
  const dir = snapshotDir(root);
  const blob = path.join(dir, snapshotBlobName());
  const script = path.join(dir, 'careerpdf.cjs');
  const inputsFile = path.join(dir, 'inputs.json');
  fs.mkdirSync(dir, { recursive: true });
  removeLeftovers(dir, [blob, script, inputsFile]);
  if (fs.existsSync(blob) && unchanged(root, inputsFile)) {
    const now = new Date();
    fs.utimesSync(blob, now, now);
    return;
  }

  const result = await build({
    entryPoints: [path.join(root, 'src/cli/snapshotEntry.ts')],
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    outfile: script,
    external: ['pdfjs-dist', 'pdfjs-dist/*', '@napi-rs/canvas', 'chokidar'],
    define: { ...define, 'import.meta.url': '__careerpdfImportMetaUrl' },
    banner: { js: BANNER },
    plugins: [pdfkitStandardFonts, brotliAtRunTime],
    metafile: true,
    logLevel: 'warning',
  });
  // Every file replaced whole (written aside, then renamed): other engineers' CLI runs and
  // compiles may read or write the same folder meanwhile.
  writeWhole(script, asciiOnly(result.outputFiles[0].text));
  const building = temporary(blob);
  const run = spawnSync(process.execPath, ['--snapshot-blob', building, '--build-snapshot', script], { cwd: root, encoding: 'utf8' });
  if (run.status !== 0) {
    fs.rmSync(building, { force: true });
    const why = (run.stderr || run.error?.message || `exit ${run.status ?? run.signal}`).split('\n').filter((line) => line.trim() && !NODE_NOTICES.some((notice) => notice.test(line)));
    process.stderr.write(`compile: the startup snapshot was not built; the CLI runs without it, slower to start:\n${why.slice(0, 12).join('\n')}\n`);
    return;
  }
  fs.renameSync(building, blob);
  writeWhole(inputsFile, JSON.stringify(fingerprint(root, [...Object.keys(result.metafile.inputs), ...BUILT_WITH])));
}

const temporary = (file) => `${file}.${process.pid}.tmp`;

function writeWhole(file, text) {
  fs.writeFileSync(temporary(file), text);
  fs.renameSync(temporary(file), file);
}

/** Blobs of other node versions, and what an interrupted compile left, once a minute old (a compile may be writing them). */
function removeLeftovers(dir, keep) {
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    if (!keep.includes(file) && Date.now() - (fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 60_000) fs.rmSync(file, { force: true });
  }
}

/**
 * The script runs as CommonJS with a require() for node's own modules only: import.meta.url
 * becomes this file's URL, and a package left out of the bundle is required from node_modules
 * once the process started from the snapshot runs. While the snapshot is built such a require
 * fails as "not found" (as an optional dependency that is not installed does): loading user
 * modules there would make node refuse to start from the snapshot.
 */
const BANNER = `const __careerpdfImportMetaUrl = require('node:url').pathToFileURL(__filename).href;
require = ((nodeRequire) => {
  const { isBuiltin, createRequire } = nodeRequire('node:module');
  const { startupSnapshot } = nodeRequire('node:v8');
  let packageRequire;
  return (id) => {
    if (isBuiltin(id)) return nodeRequire(id);
    if (startupSnapshot.isBuildingSnapshot()) throw Object.assign(new Error(\`Cannot find module '\${id}' while building the snapshot\`), { code: 'MODULE_NOT_FOUND' });
    return (packageRequire ??= createRequire(__filename))(id);
  };
})(require);
`;

/**
 * Besides the bundle's inputs, what the snapshot depends on: the compile scripts, esbuild, and the
 * packages installed (the fonts it loads are read from node_modules, not bundled).
 */
const BUILT_WITH = ['scripts/compile.mjs', 'scripts/compileSnapshot.mjs', 'node_modules/esbuild/package.json', 'package-lock.json', 'node_modules/.package-lock.json'];

/** Notices node prints when it builds a snapshot that uses node:module or node:child_process (commander's). */
const NODE_NOTICES = [/not yet fully verified whether built-in module/, /^It may still work/, /^To request support/, /--trace-warnings/];

/**
 * pdfkit loads its standard fonts' metrics by `createRequire(import.meta.url)('#standard-fonts/…')`,
 * a subpath import of its own package.json that cannot resolve from inside a bundle. React-PDF
 * loads Helvetica, Courier and Times as it starts: they are bundled as pdfkit's CommonJS files.
 */
const pdfkitStandardFonts = {
  name: 'pdfkit-standard-fonts',
  setup(esbuild) {
    esbuild.onLoad({ filter: /[\\/]pdfkit[\\/]js[\\/]pdfkit\.node\.mjs$/ }, (args) => {
      const source = fs.readFileSync(args.path, 'utf8');
      const contents = source.replace(/\brequire\$1\('#standard-fonts\/(\w+)'\)/g, "require('./standard-fonts/$1.cjs')");
      if (contents === source) throw new Error('pdfkit no longer loads #standard-fonts/… as this plugin expects');
      return { contents, loader: 'js' };
    });
  },
};

/**
 * fontkit imports brotli (1.4 MB of code and dictionary) for WOFF2 fonts, which careerpdf does
 * not use (src/core/fonts.ts): in the snapshot it is a function that requires the package from
 * node_modules on its first call. 2.6 MB less snapshot, ~13 ms off every start.
 */
const brotliAtRunTime = {
  name: 'brotli-at-run-time',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^brotli\/decompress\.js$/ }, (args) => (args.namespace === 'brotli-at-run-time' ? { path: args.path, external: true } : { path: args.path, namespace: 'brotli-at-run-time' }));
    esbuild.onLoad({ filter: /.*/, namespace: 'brotli-at-run-time' }, () => ({ contents: "module.exports = (...args) => require('brotli/decompress.js')(...args);", loader: 'js' }));
  },
};

/**
 * V8 keeps the script's source in the snapshot (functions not yet compiled are compiled from it
 * later). A single character beyond ASCII, in a comment or a regular expression (esbuild escapes
 * strings only), makes it a two-byte string: 12 MB instead of 6 MB, and every start 20 ms
 * slower. Escaped as \\uXXXX, the character means the same in strings, regular expressions
 * and identifiers, and nothing in comments.
 */
function asciiOnly(text) {
  return text.replace(/[^\x00-\x7f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function fingerprint(root, files) {
  return { node: process.version, files: Object.fromEntries(files.map((file) => [file, stamp(path.resolve(root, file))])) };
}

function stamp(file) {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  return stat ? `${stat.size}:${stat.mtimeMs}` : 'missing';
}

function unchanged(root, inputsFile) {
  let recorded;
  try {
    recorded = JSON.parse(fs.readFileSync(inputsFile, 'utf8'));
  } catch {
    return false;
  }
  return recorded.node === process.version && Object.entries(recorded.files).every(([file, was]) => stamp(path.resolve(root, file)) === was);
}
