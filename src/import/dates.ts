import { readDate } from '../core/dates.js';

/**
 * A date as a LinkedIn export writes it (`Mar 2021`, `2021`, `2021년 3월`, `3월 2021`, `03/2021`,
 * …: every form core/dates.ts reads), as careerpdf's data writes it: `YYYY-MM` or `YYYY` — the
 * day is dropped, a resume shows months. `present` for an ongoing period, `empty` for no date,
 * `invalid` for anything else (reported, left out).
 */
export type ParsedDate = { kind: 'date'; value: string } | { kind: 'empty' } | { kind: 'present' } | { kind: 'invalid' };

export function parseLinkedInDate(raw: string | undefined): ParsedDate {
  const text = (raw ?? '').trim().replace(/\s+/g, ' ');
  if (text === '') return { kind: 'empty' };
  const reading = readDate(text, true);
  if (reading.kind === 'ongoing') return { kind: 'present' };
  if (reading.kind === 'invalid') return { kind: 'invalid' };
  return { kind: 'date', value: reading.month === undefined ? String(reading.year) : `${reading.year}-${String(reading.month).padStart(2, '0')}` };
}
