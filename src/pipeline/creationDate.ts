import { UserDataError } from '../core/problems.js';
import type { Resume } from '../validate/schema/resume.js';

/** Used when neither SOURCE_DATE_EPOCH nor the data gives a date. */
const FALLBACK = new Date('2000-01-01T00:00:00Z');

/** The last second a PDF date (`D:YYYYMMDDHHmmSS`, four digits of year) can hold: 9999-12-31T23:59:59Z. */
const LAST_PDF_SECOND = 253_402_300_799;

/**
 * SOURCE_DATE_EPOCH (the reproducible-builds convention: whole seconds since 1970, UTC) as a
 * date; undefined when unset or empty. Any other value is refused, as the convention asks, rather
 * than silently ignored or crashing the PDF writer: a UserDataError that says what was got.
 */
export function sourceDateEpoch(env: NodeJS.ProcessEnv = process.env): Date | undefined {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  if (!epoch) return undefined;
  const seconds = /^\d+$/.test(epoch) ? Number(epoch) : NaN;
  if (seconds <= LAST_PDF_SECOND) return new Date(seconds * 1000);
  const got = epoch.length > 40 ? `${epoch.slice(0, 40)}…` : epoch;
  throw new UserDataError([
    {
      severity: 'error',
      code: 'source-date-epoch',
      message: `SOURCE_DATE_EPOCH is "${got}": ${Number.isNaN(seconds) ? 'not a number of seconds since 1970-01-01 UTC (digits only)' : 'after the last date a PDF can hold (9999-12-31)'}`,
      hint: `set it to whole seconds, e.g. SOURCE_DATE_EPOCH=$(git log -1 --format=%ct) (0 to ${LAST_PDF_SECOND}), or unset it`,
    },
  ]);
}

/**
 * The date written into the PDF. Never the clock, so that the same inputs give the same bytes:
 * SOURCE_DATE_EPOCH, else the resume's meta.lastModified.
 */
export function creationDate(resume: Resume | undefined, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = sourceDateEpoch(env);
  if (epoch) return epoch;
  const modified = resume?.meta?.lastModified ? new Date(resume.meta.lastModified) : undefined;
  return modified && !Number.isNaN(modified.getTime()) && modified.getUTCFullYear() >= 0 && modified.getUTCFullYear() <= 9999 ? modified : FALLBACK;
}
