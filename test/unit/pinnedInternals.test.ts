import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toolIdentity } from '../../src/cache/documentInputs.js';

/*
 * careerpdf patches or relies on the internals of some packages (src/render/shaping.ts,
 * reusePdfFonts.ts, renderPdf.ts): fontkit, pdfkit and React-PDF's font, render and textkit.
 * They are pinned to exact versions through package.json's `overrides` (so React-PDF's copy is
 * the one pinned, not a second one npm could nest), installed once, and part of the build
 * cache key, so that an update renders again instead of reusing PDFs made by the old code.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const readJson = <T>(file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as T;
const manifest = readJson<{ dependencies: Record<string, string>; overrides: Record<string, string> }>('package.json');
const lock = readJson<{ packages: Record<string, { version?: string }> }>('package-lock.json');
const EXACT = /^\d+\.\d+\.\d+$/;
/** An override's version: `$name` refers to the direct dependency's. */
const pinOf = (pkg: string) => {
  const spec = manifest.overrides[pkg]!;
  return spec.startsWith('$') ? manifest.dependencies[spec.slice(1)]! : spec;
};
const pinned = Object.keys(manifest.overrides);

describe('the packages whose internals careerpdf touches', () => {
  it('are fontkit, pdfkit and the React-PDF packages, each pinned to an exact version', () => {
    expect(pinned).toEqual(expect.arrayContaining(['fontkit', 'pdfkit', '@react-pdf/font', '@react-pdf/render', '@react-pdf/textkit']));
    for (const pkg of pinned) expect(pinOf(pkg), pkg).toMatch(EXACT);
    for (const pkg of ['fontkit', 'pdfkit', '@react-pdf/renderer']) expect(manifest.dependencies[pkg], pkg).toMatch(EXACT);
  });

  it('are in the lockfile once, at the pinned version, and installed so', () => {
    for (const pkg of pinned) {
      const copies = Object.entries(lock.packages).filter(([where]) => where === `node_modules/${pkg}` || where.endsWith(`/node_modules/${pkg}`));
      expect(copies, pkg).toEqual([[`node_modules/${pkg}`, expect.objectContaining({ version: pinOf(pkg) })]]);
      expect(readJson<{ version: string }>(`node_modules/${pkg}/package.json`).version, pkg).toBe(pinOf(pkg));
    }
  });

  it('are part of the build cache key by their installed versions', () => {
    for (const pkg of pinned) expect(toolIdentity().split(' ')).toContain(`${pkg}@${pinOf(pkg)}`);
  });
});
