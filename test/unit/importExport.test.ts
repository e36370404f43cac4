import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toMarkdown } from '../../src/export/toMarkdown.js';
import { parseLinkedInDate } from '../../src/import/dates.js';
import { IdPool, slugId } from '../../src/import/ids.js';
import { splitDescription } from '../../src/import/splitDescription.js';
import { makeResume } from '../../src/pipeline/documents.js';
import { prepare } from '../../src/pipeline/prepare.js';
import { roleContext } from '../../src/pipeline/renderRole.js';
import { LABELS } from '../../src/tailor/i18n.js';
import type { ResumeModel } from '../../src/tailor/model.js';
import { id as idSchema } from '../../src/validate/schema/primitives.js';
import { settingsHash } from '../../src/cache/documentInputs.js';
import { type Problem, problemsOf } from '../../src/core/problems.js';
import { readCsvTable } from '../../src/import/csvTable.js';
import { copyData, repoRoot } from '../helpers/cli.js';

describe('LinkedIn dates → YYYY-MM', () => {
  it.each([
    ['Mar 2021', '2021-03'],
    ['March 2021', '2021-03'],
    ['Sept 2020', '2020-09'],
    ['2021', '2021'],
    ['2021년 3월', '2021-03'],
    ['3월 2021', '2021-03'],
    ['2021.03', '2021-03'],
    ['2021. 3.', '2021-03'],
    ['2021-03-15', '2021-03'],
    ['03/2021', '2021-03'],
  ])('%s → %s', (written, value) => expect(parseLinkedInDate(written)).toEqual({ kind: 'date', value }));

  it('an ongoing period, no date, and what is not a date', () => {
    expect(parseLinkedInDate('Present').kind).toBe('present');
    expect(parseLinkedInDate('현재').kind).toBe('present');
    expect(parseLinkedInDate('  ').kind).toBe('empty');
    for (const bad of ['Foo 2021', '13/2021', '2021년 13월', 'sometime']) expect(parseLinkedInDate(bad).kind, bad).toBe('invalid');
  });
});

describe('descriptions → summary and highlights', () => {
  it('one paragraph is a summary', () => expect(splitDescription('Built the payments API.')).toEqual({ summary: 'Built the payments API.' }));
  it('bullets are highlights, the lines before them the summary, a line without a bullet continues the one before', () =>
    expect(splitDescription('팀 리드\n• 결제 API 설계\n  (Kotlin, Spring)\n• 지연 50% 감소\n1) Third')).toEqual({
      summary: '팀 리드',
      highlights: ['결제 API 설계 (Kotlin, Spring)', '지연 50% 감소', 'Third'],
    }));
  it('lines without bullets are each a highlight, after a lead-in ending with a colon', () => {
    expect(splitDescription('Built A\nShipped B')).toEqual({ highlights: ['Built A', 'Shipped B'] });
    expect(splitDescription('Key results:\nBuilt A\nShipped B')).toEqual({ summary: 'Key results:', highlights: ['Built A', 'Shipped B'] });
  });
});

describe('LinkedIn CSV files', () => {
  const columns = { name: { names: ['First Name'], required: true }, last: { names: ['Last Name'] } };
  it('finds the header under a note, by name whatever the case, spacing and order', () => {
    const problems: Problem[] = [];
    const text = 'Notes:\n"When exporting your connection data, you may notice, that some addresses are missing."\n\nlast name , FIRST  NAME\nKim,"Min, ji"\n';
    expect(readCsvTable({ shown: 'Connections.csv', text }, columns, problems)).toEqual([{ line: 5, values: { name: 'Min, ji', last: 'Kim' } }]);
    expect(problems).toEqual([]);
  });

  it('a missing required column and a broken quote are problems at their line', () => {
    const problems: Problem[] = [];
    expect(readCsvTable({ shown: 'a.csv', text: 'Last Name\nKim\n' }, columns, problems)).toBeUndefined();
    expect(readCsvTable({ shown: 'b.csv', text: 'First Name\n"Min\nji\n' }, columns, problems)).toBeUndefined();
    expect(problems.map((p) => [p.code, p.at?.file, p.at?.line])).toEqual([
      ['csv-missing-column', 'a.csv', 1],
      ['csv-syntax', 'b.csv', 3],
    ]);
  });
});

describe('ids from names', () => {
  it('romanises Hangul, keeps every id valid for role files', () => {
    const names = [
      '위대한상상(요기요)',
      '토스 Backend',
      'Café Ñu',
      'AWS Certified Solutions Architect – Associate – Professional Level',
      '日本語',
      '한국과학기술원 (KAIST)',
    ];
    const ids = names.map(slugId);
    expect(ids.slice(0, 3)).toEqual(['widaehansangsang-yogiyo', 'toseu-backend', 'cafe-nu']);
    expect(ids[3]!.length).toBeLessThanOrEqual(40);
    expect(ids[4]).toBe('');
    for (const id of ids.filter(Boolean)) expect(idSchema.safeParse(id).success, id).toBe(true);
  });

  it('hands out unique ids: the next candidate, else a number; a fallback when no name gives one', () => {
    const pool = new IdPool(['toss']);
    expect(pool.claim(['Toss', 'Toss Backend'], 'work')).toBe('toss-backend');
    expect(pool.claim(['Toss', 'Toss Backend'], 'work')).toBe('toss-2');
    expect(pool.claim(['日本語'], 'work')).toBe('work');
    expect(pool.claim([undefined], 'work')).toBe('work-2');
  });
});

describe('markdown export', () => {
  it('escapes what the data holds so that it is shown, never read as markup', () => {
    const model = {
      lang: 'en',
      roleId: 'master',
      person: { name: 'A_B *C*', contacts: [{ kind: 'url', text: 'a.dev', href: 'https://a.dev/x y' }] },
      sections: [{ key: 'work', title: 'Experience', entries: [{ title: '# not a heading', highlights: ['1. not a list', '[x](y) <b>'], keywords: ['C#'] }] }],
      labels: LABELS.en,
      meta: {},
    } as unknown as ResumeModel;
    expect(toMarkdown(model)).toBe(
      '# A\\_B \\*C\\*\n\n[a.dev](<https://a.dev/x%20y>)\n\n## Experience\n\n### \\# not a heading\n\n- 1\\. not a list\n- \\[x\\](y) \\<b\\>\n\nC#\n',
    );
  });
});

describe("a role's formats:", () => {
  it('writes the resume in those formats beside the PDF, with --format added, in a fixed order', () => {
    const dir = copyData(path.join(repoRoot, 'test/fixtures/people/jane-two-roles-en'));
    const roleFile = path.join(dir, 'roles', 'a-first.yaml');
    fs.writeFileSync(roleFile, `${fs.readFileSync(roleFile, 'utf8')}\nformats: [text, jsonresume]\n`);
    const prepared = prepare({ dataDir: dir, roles: ['a-first'], drawImages: false });
    const doc = makeResume(roleContext(prepared, 'a-first', { formats: ['markdown'] }));
    expect(doc.companions?.map((c) => [c.kind, c.ext])).toEqual([
      ['resume-jsonresume', 'json'],
      ['resume-markdown', 'md'],
      ['resume-text', 'txt'],
    ]);
    expect(makeResume(roleContext(prepared, 'a-first')).companions?.map((c) => c.kind)).toEqual(['resume-jsonresume', 'resume-text']);
  });

  it('--format is a setting of the build cache: asking for a format builds the role again', () => {
    const settings = { dataDir: '/data' };
    expect(settingsHash({ ...settings, formats: ['text'] }, 'a-first')).not.toBe(settingsHash(settings, 'a-first'));
    expect(settingsHash({ ...settings, formats: ['text', 'markdown'] }, 'a-first')).toBe(
      settingsHash({ ...settings, formats: ['markdown', 'text'] }, 'a-first'),
    );
    expect(settingsHash({ ...settings, formats: [] }, 'a-first')).toBe(settingsHash(settings, 'a-first'));
  });

  it('refuses a format it does not know, at its line', async () => {
    const dir = copyData(path.join(repoRoot, 'test/fixtures/people/jane-two-roles-en'));
    const roleFile = path.join(dir, 'roles', 'a-first.yaml');
    fs.writeFileSync(roleFile, `${fs.readFileSync(roleFile, 'utf8')}\nformats: [pdf]\n`);
    const problems = problemsOf(() => (prepare({ dataDir: dir, roles: ['a-first'], drawImages: false }), []));
    const lines = fs.readFileSync(roleFile, 'utf8').split('\n');
    expect(problems).toEqual([
      expect.objectContaining({ code: 'schema', path: 'formats[0]', at: expect.objectContaining({ line: lines.indexOf('formats: [pdf]') + 1 }) }),
    ]);
  });
});
