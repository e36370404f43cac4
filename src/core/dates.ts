/**
 * Dates as people write them on a resume — JSON Resume's `2021-09`, Korean `2021.09`, `2021. 9.`,
 * `2021년 9월`, English `Sep 2021` — read into one normal form (ISO `YYYY`, `YYYY-MM`,
 * `YYYY-MM-DD`). The schema reads every date through here (validate/schema/primitives.ts) and
 * the documents print the normal form in their language (tailor/i18n.ts).
 */

export type DateReading =
  /** `iso`: the normal form. */
  | { kind: 'date'; iso: string; year: number; month?: number; day?: number }
  /** `present`, `현재`: an end date that has not come yet. */
  | { kind: 'ongoing' }
  /** What is wrong, in words that quote what was written, and what to write instead. */
  | { kind: 'invalid'; message: string; hint: string };

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
export const MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Words that mean "until now" in an end date (compared lower-case, spaces removed). */
const ONGOING = new Set(['present', 'current', 'now', 'ongoing', 'today', '현재', '재직중', '진행중', '현재까지']);

/** The forms a user may write, for hints. */
export const DATE_FORMS_HINT = 'write it as 2021.09, 2021-09, 2021/09, 2021년 9월 or Sep 2021 (a year alone, 2021, or a day, 2021-09-01, also works)';

// Each form captures year, month and day (month and day optional) by name.
const NUMERIC_FORMS = [
  /^(?<year>\d{4})(?:-(?<month>\d{1,2})(?:-(?<day>\d{1,2}))?)?$/, // 2021, 2021-09, 2021-09-01 (JSON Resume)
  /^(?<year>\d{4})\s*\.\s*(?<month>\d{1,2})(?:\s*\.\s*(?<day>\d{1,2}))?\s*\.?$/, // 2021.09, 2021.9, 2021. 9., 2021.09.01
  /^(?<year>\d{4})\s*\/\s*(?<month>\d{1,2})(?:\s*\/\s*(?<day>\d{1,2}))?$/, // 2021/09, 2021/09/01
  /^(?<month>\d{1,2})\s*\/\s*(?<year>\d{4})$/, // 09/2021
  /^(?<year>\d{4})\s*년(?:\s*(?<month>\d{1,2})\s*월(?:\s*(?<day>\d{1,2})\s*일)?)?$/, // 2021년, 2021년 9월, 2021년 9월 1일
  /^(?<month>\d{1,2})\s*월\s*(?<year>\d{4})$/, // 9월 2021 (LinkedIn's Korean export)
];
/** `Sep 2021`, `September 2021`, `Sept. 2021`, `1 Sep 2021`, `Sep 1, 2021`. */
const NAMED_MONTH = /^(?:(?<day1>\d{1,2})\s+)?(?<name>[a-z]{3,9})\.?(?:\s+(?<day2>\d{1,2}))?,?\s+(?<year>\d{4})$/i;

/**
 * Reads a date as written. `allowOngoing`: an end date may say `present`. Never throws: what it
 * cannot read comes back as `invalid` with what it got and what to write.
 */
export function readDate(written: string, allowOngoing = false): DateReading {
  const text = written.trim();
  if (ONGOING.has(text.toLowerCase().replace(/\s+/g, ''))) {
    return allowOngoing
      ? { kind: 'ongoing' }
      : invalid(`"${text}" means "until now", which only an end date can say`, 'write the date it started, e.g. 2021.09; "present" belongs in endDate');
  }
  for (const form of NUMERIC_FORMS) {
    const groups = form.exec(text)?.groups;
    if (groups) return checked(text, Number(groups.year), groups.month, groups.day);
  }
  const named = NAMED_MONTH.exec(text)?.groups;
  if (named) {
    const name = named.name!.toLowerCase();
    const index = MONTH_NAMES.findIndex((full) => full === name || (name.length >= 3 && full.startsWith(name)));
    if (index < 0)
      return invalid(`"${named.name}" in "${text}" is not a month name`, 'write the month as Jan, Feb, … Dec or in full (September), e.g. Sep 2021');
    return checked(text, Number(named.year), String(index + 1), named.day1 ?? named.day2);
  }
  return invalid(`expected a date, got "${text}"`, `${DATE_FORMS_HINT}${allowOngoing ? ', or "present" while it goes on' : ''}`);
}

function checked(text: string, year: number, monthText: string | undefined, dayText: string | undefined): DateReading {
  if (year < 1900 || year > 2099) return invalid(`the year ${year} in "${text}" is not a year of a career`, 'write the four-digit year, e.g. 2021.09');
  if (monthText === undefined) return { kind: 'date', iso: String(year), year };
  const month = Number(monthText);
  if (month < 1 || month > 12) return invalid(`there is no month ${month} (got "${text}")`, `write the month as 1 to 12, e.g. ${year}.12 or ${year}-12`);
  const mm = String(month).padStart(2, '0');
  if (dayText === undefined) return { kind: 'date', iso: `${year}-${mm}`, year, month };
  const day = Number(dayText);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days)
    return invalid(
      `${MONTH_NAMES[month - 1]![0]!.toUpperCase()}${MONTH_NAMES[month - 1]!.slice(1)} ${year} has ${days} days, so there is no day ${day} (got "${text}")`,
      `write a day from 1 to ${days}, e.g. ${year}-${mm}-${days}, or the month alone: ${year}-${mm}`,
    );
  return { kind: 'date', iso: `${year}-${mm}-${String(day).padStart(2, '0')}`, year, month, day };
}

const invalid = (message: string, hint: string): DateReading => ({ kind: 'invalid', message, hint });
