import { describe, expect, test } from 'vitest';
import { readDate } from '../../src/core/dates.js';
import { parseYaml } from '../../src/load/parseYaml.js';
import { formatDate, formatDateRange, formatScore } from '../../src/tailor/i18n.js';
import { toEntryModel } from '../../src/tailor/toEntryModel.js';
import { resumeSchema } from '../../src/validate/schema/resume.js';
import { validateWithSchema } from '../../src/validate/validateWithSchema.js';

const iso = (written: string, ongoing = false) => {
  const read = readDate(written, ongoing);
  return read.kind === 'date' ? read.iso : read.kind;
};

describe('dates as people write them', () => {
  test.each([
    ['2021.09', '2021-09'],
    ['2021.9', '2021-09'],
    ['2021. 9.', '2021-09'],
    ['2021.09.01', '2021-09-01'],
    ['2021/09', '2021-09'],
    ['09/2021', '2021-09'],
    ['2021년 9월', '2021-09'],
    ['2021년 09월 1일', '2021-09-01'],
    ['2021년', '2021'],
    ['Sep 2021', '2021-09'],
    ['Sept. 2021', '2021-09'],
    ['September 2021', '2021-09'],
    ['sep 1, 2021', '2021-09-01'],
    ['2021', '2021'],
    ['2021-09', '2021-09'],
    ['2021-09-01', '2021-09-01'],
    ['2020-02-29', '2020-02-29'],
  ])('%s is %s', (written, expected) => expect(iso(written)).toBe(expected));

  test('present, 현재: ongoing in an end date only', () => {
    expect(iso('present', true)).toBe('ongoing');
    expect(iso('현재', true)).toBe('ongoing');
    expect(iso('재직 중', true)).toBe('ongoing');
    const start = readDate('present');
    expect(start).toMatchObject({ kind: 'invalid', message: expect.stringContaining('only an end date') });
  });

  test('an impossible date says what it got and what to write', () => {
    expect(readDate('2021.13')).toEqual({
      kind: 'invalid',
      message: 'there is no month 13 (got "2021.13")',
      hint: 'write the month as 1 to 12, e.g. 2021.12 or 2021-12',
    });
    expect(readDate('2021-02-30')).toEqual({
      kind: 'invalid',
      message: 'February 2021 has 28 days, so there is no day 30 (got "2021-02-30")',
      hint: 'write a day from 1 to 28, e.g. 2021-02-28, or the month alone: 2021-02',
    });
    expect(readDate('Sepz 2021')).toMatchObject({ message: '"Sepz" in "Sepz 2021" is not a month name' });
    expect(readDate('last spring')).toMatchObject({ message: 'expected a date, got "last spring"', hint: expect.stringContaining('2021.09, 2021-09') });
    expect(readDate('0221.09')).toMatchObject({ message: expect.stringContaining('the year 221') });
  });

  test('printed in the document language: 2021.09 (ko), Sep 2021 (en); a year alone as written', () => {
    expect(formatDate('2021-09', 'ko')).toBe('2021.09');
    expect(formatDate('2021-09', 'en')).toBe('Sep 2021');
    expect(formatDate('2021-09-01', 'en')).toBe('Sep 2021');
    expect(formatDate('2021', 'en')).toBe('2021');
    // A role's override is not validated as a date: it is read the same way.
    expect(formatDate('2021년 9월', 'en')).toBe('Sep 2021');
    expect(formatDate('[TODO: 입사 연월]', 'en')).toBe('[TODO: 입사 연월]');
    expect(formatDateRange('2021-09', undefined, 'en')).toBe('Sep 2021 – Present');
    expect(formatDateRange('2021-09', undefined, 'ko')).toBe('2021.09 – 현재');
    // A one-month (or one-year) stint is its date, not `Aug 2016 – Aug 2016`.
    expect(formatDateRange('2016-08', '2016-08', 'en')).toBe('Aug 2016');
    expect(formatDateRange('2016-08-01', '2016-08-31', 'ko')).toBe('2016.08');
    expect(formatDateRange('2016', '2016', 'en')).toBe('2016');
    expect(formatDateRange('2016-08', '2016-09', 'en')).toBe('Aug 2016 – Sep 2016');
  });
});

describe('dates in YAML are read from the text as written', () => {
  const validate = (yaml: string) => validateWithSchema(parseYaml('resume.yaml', yaml).source, resumeSchema);

  test('2020.10 is October (YAML reads the number 2020.1), 2021.09 a number too, 2021 a year', () => {
    const { value, problems } = validate(
      'work:\n  - startDate: 2020.10\n    endDate: 2021.09\n  - startDate: 2021\n    endDate: present\n  - startDate: "2021. 9."\n    endDate:\n',
    );
    expect(problems).toEqual([]);
    expect(value!.work!.map((w) => [w.startDate, w.endDate])).toEqual([
      ['2020-10', '2021-09'],
      ['2021', undefined],
      ['2021-09', undefined],
    ]);
  });

  test('a JSON file: numbers are read as written too', () => {
    const { value } = validateWithSchema(parseYaml('resume.json', '{"awards": [{"date": 2019.10}]}').source, resumeSchema);
    expect(value!.awards![0]!.date).toBe('2019-10');
  });

  test('an impossible date is located, with what it got and what to write', () => {
    const { problems } = validate('work:\n  - name: A\n    startDate: 2021.13\n  - startDate: 2021-02-30\n');
    expect(problems.map((p) => [`${p.at!.line}:${p.at!.col}`, p.path, p.message, p.hint])).toEqual([
      ['3:16', 'work[0].startDate', 'there is no month 13 (got "2021.13")', 'write the month as 1 to 12, e.g. 2021.12 or 2021-12'],
      [
        '4:16',
        'work[1].startDate',
        'February 2021 has 28 days, so there is no day 30 (got "2021-02-30")',
        'write a day from 1 to 28, e.g. 2021-02-28, or the month alone: 2021-02',
      ],
    ]);
  });

  test('not a date at all: a list, true', () => {
    const { problems } = validate('work:\n  - startDate: [2021]\n  - startDate: true\n');
    expect(problems.map((p) => `${p.path}: ${p.message} | ${p.hint}`)).toEqual([
      'work[0].startDate: expected a date as text, e.g. 2021.09 or Sep 2021; got a list (1 item) | write it as 2021.09, 2021-09, 2021/09, 2021년 9월 or Sep 2021 (a year alone, 2021, or a day, 2021-09-01, also works)',
      'work[1].startDate: expected a date as text, e.g. 2021.09 or Sep 2021; got boolean true | write it as 2021.09, 2021-09, 2021/09, 2021년 9월 or Sep 2021 (a year alone, 2021, or a day, 2021-09-01, also works)',
    ]);
  });
});

describe('education scores and project kinds as printed', () => {
  test('a bare grade gets its label in the document language; words print as written', () => {
    expect(formatScore('4.0', 'en')).toBe('GPA 4.0');
    expect(formatScore('4.1/4.5', 'ko')).toBe('학점 4.1/4.5');
    expect(formatScore('3.8 / 4.0', 'en')).toBe('GPA 3.8 / 4.0');
    expect(formatScore('Summa cum laude', 'en')).toBe('Summa cum laude');
    expect(formatScore('GPA 3.9', 'en')).toBe('GPA 3.9');
    expect(formatScore(undefined, 'en')).toBeUndefined();
  });

  test("a project's type qualifies its subtitle instead of standing alone on the detail line", () => {
    const entry = toEntryModel('projects', { id: 'miss', name: 'Miss Direction', entity: 'Smoogle', roles: ['Team lead'], type: 'application' }, 'en', []);
    expect(entry.subtitle).toBe('Smoogle · Team lead · application');
    expect(entry.detail).toBeUndefined();
    const school = toEntryModel('education', { id: 'ou', institution: 'University of Oklahoma', score: '4.0' }, 'en', []);
    expect(school.detail).toBe('GPA 4.0');
  });
});
