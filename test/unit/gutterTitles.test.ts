import fs from 'node:fs';
import { expect, test } from 'vitest';
import { gutterFor } from '../../src/compose/resume/Section.js';
import { parseYaml } from '../../src/load/parseYaml.js';
import { themeSchema } from '../../src/validate/schema/theme.js';

const compact = themeSchema.parse(parseYaml('theme.yaml', fs.readFileSync('themes/compact/theme.yaml', 'utf8')).source.data);

test('Korean section titles keep the compact theme as it is', () => {
  expect(gutterFor(['소개', '경력', '프로젝트', '기술', '학력', '병역'], compact)).toEqual({ theme: compact, titleSize: compact.sizes.section });
});

test('long English titles stay on one line in the gutter: smaller, the same for all, and the gutter wider only for what still does not fit', () => {
  const gutter = compact.sectionStyle.gutterWidth!;
  const shrunk = gutterFor(['Summary', 'Experience', 'Volunteering', 'Publications'], compact);
  expect(shrunk.titleSize).toBeLessThan(compact.sizes.section);
  expect(shrunk.titleSize).toBeGreaterThanOrEqual(Math.round(compact.sizes.section * 0.85 * 10) / 10);
  const widened = gutterFor(['Experience', 'Military service'], compact);
  expect(widened.titleSize).toBe(Math.round(compact.sizes.section * 0.85 * 10) / 10);
  expect(widened.theme.sectionStyle.gutterWidth).toBeGreaterThan(gutter);
  expect(widened.theme.sizes).toBe(compact.sizes);
});
