import { describe, expect, test } from 'vitest';
import { compactTable } from '../../src/compose/resume/Entry.js';
import { estimatedEms } from '../../src/compose/shared/estimatedEms.js';
import type { EntryModel } from '../../src/tailor/model.js';
import type { Theme } from '../../src/validate/schema/theme.js';

const theme = { sizes: { body: 9 } } as Theme;
const skill = (title: string, detail?: string): EntryModel => ({ title, detail, highlights: [], keywords: ['x'] });

describe("a compact section's name column", () => {
  test('is as wide as its widest name, so that every row of the section lines up (JSON Resume sample: `Web Development Master`)', () => {
    const table = compactTable([skill('Web Development', 'Master'), skill('Compression', 'Master')], theme);
    expect(table.labelWidth).toBeGreaterThanOrEqual(estimatedEms('Web Development Master') * 9);
    expect(table.labelWidth).toBeLessThanOrEqual(170);
  });

  test('keeps its usual width for short names (Korean and English) and ignores a name too long for any column', () => {
    expect(compactTable([skill('데이터'), skill('언어')], theme).labelWidth).toBe(110);
    expect(compactTable([skill('SQL'), skill('A name far too long to sit beside its values in any column at all')], theme).labelWidth).toBe(110);
  });
});
