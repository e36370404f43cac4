import { PLACEHOLDER_PATTERN } from '../validate/schema/primitives.js';
import type { Resume } from '../validate/schema/resume.js';

/** The years of work the resume's dates show, or why they cannot tell. */
export interface Experience {
  /** Whole months covered by at least one work entry (overlaps counted once), in years. */
  years: number;
  /** Entries whose dates are placeholders or missing: the years are at least `years`. */
  undated: string[];
}

const monthIndex = (date: string): number => {
  const [year, month] = date.split('-');
  return Number(year) * 12 + (month ? Number(month) - 1 : 0);
};

/**
 * The years the work entries span, as of `now` for an entry with no end: overlapping jobs count
 * once. An entry with a placeholder or no start date is listed in `undated`, not guessed.
 */
export function experienceOf(resume: Resume, now: Date): Experience {
  const undated: string[] = [];
  const spans: [number, number][] = [];
  const today = now.getUTCFullYear() * 12 + now.getUTCMonth();
  (resume.work ?? []).forEach((job, i) => {
    const label = job.id ?? `work[${i}]`;
    if (!job.startDate || PLACEHOLDER_PATTERN.test(job.startDate) || (job.endDate && PLACEHOLDER_PATTERN.test(job.endDate))) {
      undated.push(label);
      return;
    }
    // An end month counts as worked: 2021-03 – 2021-03 is one month.
    spans.push([monthIndex(job.startDate), job.endDate ? monthIndex(job.endDate) + 1 : today + 1]);
  });
  spans.sort((a, b) => a[0] - b[0]);
  let months = 0;
  let reached = Number.NEGATIVE_INFINITY;
  for (const [start, end] of spans) {
    const from = Math.max(start, reached);
    if (end > from) months += end - from;
    reached = Math.max(reached, end);
  }
  return { years: Math.floor((months / 12) * 10) / 10, undated };
}
