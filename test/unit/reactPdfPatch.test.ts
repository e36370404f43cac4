import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
// @ts-expect-error: a plain ES module script (scripts/ is not type-checked)
import { PATCH_MARK, PATCHED_VERSION, REWRITES, patchRenderSource } from '../../scripts/patchReactPdf.mjs';

/*
 * Tagged PDF needs React-PDF's renderer patched (scripts/patchReactPdf.mjs, run by `npm install`
 * and by every compile). These fail when the patch stops applying: another @react-pdf/render,
 * a rewritten source, an install that skipped it.
 */

const require = createRequire(import.meta.url);
const manifest = require.resolve('@react-pdf/render/package.json');
const installed = fs.readFileSync(path.join(path.dirname(manifest), 'lib/index.js'), 'utf8');
const rewrites = REWRITES as [string, string][];

/** The source as React-PDF ships it: every rewrite undone. */
const pristine = rewrites.reduceRight((source, [from, to]) => source.replace(to, () => from), installed);

describe('the React-PDF patch for tagged PDF', () => {
  test('is written for the installed @react-pdf/render, and applied to it', () => {
    expect(JSON.parse(fs.readFileSync(manifest, 'utf8')).version).toBe(PATCHED_VERSION);
    expect(installed).toContain(PATCH_MARK);
    for (const [, to] of rewrites) expect(installed).toContain(to);
  });

  test('applies to the source as shipped, giving the installed file, and applied again changes nothing', () => {
    expect(pristine).not.toContain(PATCH_MARK);
    expect(patchRenderSource(pristine)).toBe(installed);
    expect(patchRenderSource(installed)).toBe(installed);
  });

  test('refuses a source where a piece it rewrites is missing or found twice, instead of patching part of it', () => {
    const [from] = rewrites[3]!;
    expect(patchRenderSource(pristine.replace(from, ''))).toBeInstanceOf(Error);
    expect(patchRenderSource(pristine + from)).toBeInstanceOf(Error);
  });
});
