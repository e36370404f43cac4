import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseYaml } from '../../src/load/parseYaml.js';
import { listThemes, themeChoice, themeFile } from '../../src/load/loadTheme.js';
import { themeSchema } from '../../src/validate/schema/theme.js';
import { validateWithSchema } from '../../src/validate/validateWithSchema.js';

const classic = fs.readFileSync(themeFile(themeChoice(undefined, 'classic', '.')), 'utf8');
const check = (text: string) => validateWithSchema(parseYaml('theme.yaml', text).source, themeSchema).problems;
const withMargin = (margin: string) => classic.replace(/margin: \{[^}]*\}/, `margin: { ${margin} }`);

describe('theme tokens within sane ranges', () => {
  test.each(listThemes())('the built-in theme %s is within them', (name) => {
    expect(check(fs.readFileSync(themeFile(themeChoice(undefined, name, '.')), 'utf8'))).toEqual([]);
  });

  test('a 10,000 pt margin and a 10,000 pt body: each located, with the value and the range', () => {
    const problems = check(withMargin('top: 10000, right: 50, bottom: 50, left: 50').replace('body: 9.3', 'body: 10000'));
    expect(problems.map((p) => [p.path, `${p.at?.line}:${p.at?.col}`, p.message, p.hint])).toEqual([
      ['page.margin.top', '6:18', 'a page margin of 10000 pt is outside 0–200 pt', 'write a number of at most 200'],
      ['sizes.body', '14:68', 'a body size of 10000 pt is outside 6–24 pt', 'write a number of at most 24'],
    ]);
  });

  test('margins each in range that together leave under 40% of the page to the text', () => {
    const problems = check(withMargin('top: 46, right: 190, bottom: 50, left: 190'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      path: 'page.margin',
      at: { line: 6, col: 11 },
      message: expect.stringContaining("leave 215 pt of the page's 595.28 pt width for text, under 40%"),
      hint: expect.stringContaining('at most 357 pt'),
    });
  });

  test('a sidebar that leaves no main column, a tiny font, a negative spacing', () => {
    const modern = fs.readFileSync(themeFile(themeChoice(undefined, 'modern', '.')), 'utf8');
    const problems = check(
      modern.replace('width: 178', 'width: 300').replace('right: 40', 'right: 100').replace('small: 8.1', 'small: 1').replace('entry: 9', 'entry: -5'),
    );
    expect(problems.map((p) => p.path)).toEqual(['sizes.small', 'spacing.entry', 'sidebar.width']);
    expect(problems[2]!.message).toContain('leaves a main column of 195 pt');
  });
});
