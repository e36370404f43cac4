import fs from 'node:fs';
import path from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { listThemes } from '../../src/load/loadTheme.js';
import { pageCountLabel } from '../../src/preview/contactSheet.js';
import { themeThumbnails, type ThemeThumbnails } from '../../src/preview/previewThemes.js';
import { repoRoot } from '../helpers/cli.js';

/**
 * Visual regression: the first page of each document in each theme, rasterised at low
 * resolution, against committed goldens. Refresh them on purpose with `npm run test:goldens`.
 */
const GOLDENS = path.join(repoRoot, 'test/visual/goldens');
const UPDATE = process.env.UPDATE_GOLDENS === '1';
/** Anti-aliasing may differ in a few pixels; a changed colour token changes hundreds, a size thousands. */
const MAX_DIFF_RATIO = 0.0005;

let rows: ThemeThumbnails[];
beforeAll(async () => {
  rows = await themeThumbnails({ dataDir: path.join(repoRoot, 'data'), role: 'data-engineer', dpi: 30 });
}, 120_000);

test('a page count over its budget is marked', () => {
  expect([pageCountLabel({ pages: 1, budget: 1 }), pageCountLabel({ pages: 3 }), pageCountLabel({ pages: 2, budget: 1 })]).toEqual([
    '1 page',
    '3 pages',
    '2 pages — over the budget of 1',
  ]);
});

describe.each(listThemes())('theme %s', (theme) => {
  test('the build finds no layout bug: its text read back, every string extractable as written (no hyphen added), none into a margin', () => {
    const row = rows.find((r) => r.theme === theme)!;
    expect(row.warnings.filter((w) => ['text-not-extractable', 'outside-text-area', 'text-unreadable'].includes(w.code)).map((w) => w.message)).toEqual([]);
  });

  test("each document's page count is known, with the role's budget for the resume (the contact sheet and preview print them)", () => {
    const row = rows.find((r) => r.theme === theme)!;
    for (const cell of row.cells) expect(cell.pages, cell.label).toBeGreaterThan(0);
    expect(row.cells.find((c) => c.label === 'resume')?.budget).toBe(3);
    expect(row.cells.find((c) => c.label === 'portfolio')?.budget).toBeUndefined();
  });

  test('first pages match the goldens', () => {
    const row = rows.find((r) => r.theme === theme)!;
    expect(row.cells.map((c) => c.label)).toContain('resume');
    for (const cell of row.cells) {
      const file = path.join(GOLDENS, `${theme}-${cell.label}.png`);
      if (UPDATE) {
        fs.mkdirSync(GOLDENS, { recursive: true });
        fs.writeFileSync(file, cell.png);
        continue;
      }
      expect(fs.existsSync(file), `no golden ${path.relative(repoRoot, file)}: run npm run test:goldens`).toBe(true);
      const actual = PNG.sync.read(cell.png);
      const golden = PNG.sync.read(fs.readFileSync(file));
      expect([actual.width, actual.height]).toEqual([golden.width, golden.height]);
      const diff = pixelmatch(actual.data, golden.data, undefined, actual.width, actual.height, { threshold: 0.1 });
      expect(diff / (actual.width * actual.height), `${theme}-${cell.label}: ${diff} pixels differ`).toBeLessThanOrEqual(MAX_DIFF_RATIO);
    }
  });
});
