/**
 * Tagged PDF from React-PDF: its renderer has no hook where a node is drawn (diegomura/react-pdf
 * #3179, #1288), so this gives it one. Each drawing step of @react-pdf/render 4.7.0 — a node, its
 * background and borders, its own content (text, image, SVG), a run of text, a run's background
 * and a line's underline — is wrapped in `tagged(ctx, step, subject, draw)`, which only draws
 * unless the pdfkit document carries a `tagging` (src/render/tagging/), which then marks what is
 * drawn as structure content or as an Artifact. Nothing else changes: an untagged document is
 * drawn by the same code as before.
 *
 * Run by `npm install` (postinstall) and again by every compile (scripts/compile.mjs), on the
 * installed file. It refuses any other version of @react-pdf/render, and fails, changing nothing,
 * when a piece of source it rewrites is not found exactly once: a new React-PDF needs this patch
 * rewritten, not a build that silently stops tagging. test/unit/reactPdfPatch.test.ts checks it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const PATCHED_VERSION = '4.7.0';
export const PATCH_MARK = '/* careerpdf: tagged-PDF hooks */';

const HOOK = `${PATCH_MARK}
const tagged = (ctx, step, subject, draw) => (ctx.tagging ? ctx.tagging[step](subject, draw) : draw());
`;

/** [what the source says, what it says patched]: each found exactly once. */
export const REWRITES = [
  [`const DEST_REGEXP = /^#.+/;`, `${HOOK}const DEST_REGEXP = /^#.+/;`],
  [
    `            renderBackground$1(ctx, backgroundRect, run.attributes.backgroundColor);
        }
        renderRun(ctx, run);`,
    `            tagged(ctx, 'decoration', run, () => renderBackground$1(ctx, backgroundRect, run.attributes.backgroundColor));
        }
        tagged(ctx, 'run', run, () => renderRun(ctx, run));`,
  ],
  [
    `    if (line.decorationLines) {
        for (let i = 0; i < line.decorationLines.length; i += 1) {
            const decorationLine = line.decorationLines[i];
            renderDecorationLine(ctx, decorationLine);
        }
    }`,
    `    if (line.decorationLines) {
        tagged(ctx, 'decoration', line, () => {
        for (let i = 0; i < line.decorationLines.length; i += 1) {
            const decorationLine = line.decorationLines[i];
            renderDecorationLine(ctx, decorationLine);
        }
        });
    }`,
  ],
  [
    `const renderNode = (ctx, node, options) => {
    const overflowHidden`,
    `const renderNode = (ctx, node, options) => tagged(ctx, 'node', node, () => {
    const overflowHidden`,
  ],
  [
    `    renderBackground(ctx, node);
    renderBorders(ctx, node);
    const renderFn = renderFns[node.type];
    if (renderFn)
        renderFn(ctx, node, options);`,
    `    tagged(ctx, 'decoration', node, () => {
        renderBackground(ctx, node);
        renderBorders(ctx, node);
    });
    const renderFn = renderFns[node.type];
    if (renderFn)
        tagged(ctx, 'content', node, () => renderFn(ctx, node, options));`,
  ],
  [
    `    renderDebug(ctx, node);
    ctx.restore();
};`,
    `    renderDebug(ctx, node);
    ctx.restore();
});`,
  ],
];

/** The patched source, or an Error naming what did not match. Already patched source is returned as it is. */
export function patchRenderSource(source) {
  if (source.includes(PATCH_MARK)) return source;
  let patched = source;
  for (const [from, to] of REWRITES) {
    const count = patched.split(from).length - 1;
    if (count !== 1) return new Error(`expected this source once, found it ${count} times:\n${from}`);
    patched = patched.replace(from, () => to);
  }
  return patched;
}

/** Patches the installed @react-pdf/render in place; throws, writing nothing, when it cannot. */
export function patchInstalledReactPdf(root) {
  const require = createRequire(path.join(root, 'package.json'));
  const manifest = require.resolve('@react-pdf/render/package.json');
  const { version } = JSON.parse(fs.readFileSync(manifest, 'utf8'));
  const file = path.join(path.dirname(manifest), 'lib/index.js');
  const fail = (why) => new Error(`careerpdf: cannot patch ${file} for tagged PDF: ${why}`);
  if (version !== PATCHED_VERSION) throw fail(`the patch is written for @react-pdf/render ${PATCHED_VERSION}, installed is ${version}`);
  const source = fs.readFileSync(file, 'utf8');
  const patched = patchRenderSource(source);
  if (patched instanceof Error) throw fail(patched.message);
  if (patched !== source) fs.writeFileSync(file, patched);
  return file;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    patchInstalledReactPdf(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
