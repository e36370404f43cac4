/** English month names; LinkedIn writes them whole or cut to three letters or more (`Mar 2021`, `March 2021`, `Sept 2020`). */
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const pad = (month: number) => String(month).padStart(2, '0');

/**
 * A date as a LinkedIn export writes it, as careerpdf's data writes it: `Mar 2021` → `2021-03`,
 * `2021` → `2021`; also `2021년 3월`, `3월 2021` (an export made in Korean), `2021.03`, `2021-03-15`
 * (the day is dropped: a resume shows months) and `03/2021`. `present` for an ongoing period
 * (`Present`, `현재`), `empty` for no date, `invalid` for anything else (reported, left out).
 */
export type ParsedDate = { kind: 'date'; value: string } | { kind: 'empty' } | { kind: 'present' } | { kind: 'invalid' };

export function parseLinkedInDate(raw: string | undefined): ParsedDate {
  const text = (raw ?? '').trim().replace(/\s+/g, ' ');
  if (text === '') return { kind: 'empty' };
  if (/^(present|current|now|현재|재직 ?중)$/i.test(text)) return { kind: 'present' };
  const month = (year: string, m: number): ParsedDate => (m >= 1 && m <= 12 ? { kind: 'date', value: `${year}-${pad(m)}` } : { kind: 'invalid' });
  let m: RegExpExecArray | null;
  if ((m = /^([12]\d{3})년?$/.exec(text))) return { kind: 'date', value: m[1]! };
  if ((m = /^([a-z]{3,9})\.? ([12]\d{3})$/i.exec(text))) {
    const written = m[1]!.toLowerCase();
    const i = MONTHS.findIndex((name) => name.startsWith(written));
    return i < 0 ? { kind: 'invalid' } : month(m[2]!, i + 1);
  }
  if ((m = /^([12]\d{3}) ?년 ?(\d{1,2}) ?월$/.exec(text))) return month(m[1]!, Number(m[2]));
  if ((m = /^(\d{1,2}) ?월 ?([12]\d{3})$/.exec(text))) return month(m[2]!, Number(m[1]));
  if ((m = /^([12]\d{3}) ?[-./] ?(\d{1,2})\.?(?: ?[-./] ?\d{1,2}\.?)?$/.exec(text))) return month(m[1]!, Number(m[2]));
  if ((m = /^(\d{1,2})\/([12]\d{3})$/.exec(text))) return month(m[2]!, Number(m[1]));
  return { kind: 'invalid' };
}
