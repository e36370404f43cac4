import type { Resume } from '../validate/schema/resume.js';

/** Used when neither SOURCE_DATE_EPOCH nor the data gives a date. */
const FALLBACK = new Date('2000-01-01T00:00:00Z');

/**
 * The date written into the PDF. Never the clock, so that the same inputs give the same bytes:
 * SOURCE_DATE_EPOCH (the reproducible-builds convention), else the resume's meta.lastModified.
 */
export function creationDate(resume: Resume | undefined, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  const modified = resume?.meta?.lastModified ? new Date(resume.meta.lastModified) : undefined;
  return modified && !Number.isNaN(modified.getTime()) ? modified : FALLBACK;
}
