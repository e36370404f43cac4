import { MONTHS_SHORT, readDate } from '../core/dates.js';
import type { Lang, Text } from '../validate/schema/primitives.js';
import type { SectionKey } from '../validate/schema/resume.js';
import type { Labels } from './model.js';

/** Text in the requested language, else the other one (a Korean-only resume still builds in English). */
export function localize(value: Text | undefined, lang: Lang): string | undefined {
  if (value === undefined || typeof value === 'string') return value;
  return value[lang] ?? value.ko ?? value.en;
}

export const SECTION_TITLES: Record<SectionKey, Record<Lang, string>> = {
  work: { ko: '경력', en: 'Experience' },
  projects: { ko: '프로젝트', en: 'Projects' },
  skills: { ko: '기술', en: 'Skills' },
  education: { ko: '학력', en: 'Education' },
  certificates: { ko: '자격증', en: 'Certificates' },
  awards: { ko: '수상', en: 'Awards' },
  publications: { ko: '저술', en: 'Publications' },
  volunteer: { ko: '대외활동', en: 'Volunteering' },
  military: { ko: '병역', en: 'Military service' },
  languages: { ko: '외국어', en: 'Languages' },
  interests: { ko: '관심 분야', en: 'Interests' },
  references: { ko: '추천인', en: 'References' },
};

export const DOCUMENT_NAMES = {
  resume: { ko: '이력서', en: 'Resume' },
  portfolio: { ko: '포트폴리오', en: 'Portfolio' },
  answers: { ko: '자기소개서', en: 'Application answers' },
} as const;

export const LABELS: Record<Lang, Labels> = {
  ko: { summary: '소개', contact: '연락처', page: '쪽', document: DOCUMENT_NAMES.resume.ko, applyingFor: '지원 분야' },
  en: { summary: 'Summary', contact: 'Contact', page: 'Page', document: DOCUMENT_NAMES.resume.en, applyingFor: 'Applying for' },
};

/** What a bare grade (`4.0`, `3.8/4.5`) is, so that it does not print as a lone number. */
const SCORE_LABEL: Record<Lang, string> = { ko: '학점', en: 'GPA' };

/** An education entry's score as printed: a bare number gets its label (`GPA 3.8/4.0`, `학점 4.1/4.5`); words (`Summa cum laude`, `GPA 3.9`) print as written. */
export function formatScore(score: string | undefined, lang: Lang): string | undefined {
  if (score === undefined) return undefined;
  return /^[\d.,\s/]+$/.test(score) ? `${SCORE_LABEL[lang]} ${score.trim()}` : score;
}

/** An entry with a start and no end goes on. */
const PRESENT: Record<Lang, string> = { ko: '현재', en: 'Present' };

/** The fixed words of the answers, in the PDF and in the paste-ready text. */
export const ANSWERS_LABELS: Record<
  Lang,
  { document: string; question: string; begin: string; end: string; howToPaste: (begin: string, end: string) => string }
> = {
  ko: {
    document: DOCUMENT_NAMES.answers.ko,
    question: '문항',
    begin: '답변 시작',
    end: '답변 끝',
    howToPaste: (begin, end) => `답변마다 "${begin}" 다음 줄부터 "${end}" 앞 줄까지를 그대로 복사해 붙여넣으세요.`,
  },
  en: {
    document: DOCUMENT_NAMES.answers.en,
    question: 'Question',
    begin: 'answer begins',
    end: 'answer ends',
    howToPaste: (begin, end) => `For each answer, copy from the line after "${begin}" to the line before "${end}" and paste it as it is.`,
  },
};

/**
 * A date in the document's style: `2021.09` (ko), `Sep 2021` (en); a year alone as it is. Dates are
 * normal (`2021-09`) once validated; a role's override is read the same way (core/dates.ts). A
 * placeholder, or anything else unreadable, is shown as written.
 */
export function formatDate(date: string | undefined, lang: Lang): string | undefined {
  if (date === undefined) return undefined;
  const read = readDate(date);
  if (read.kind !== 'date') return date;
  if (read.month === undefined) return String(read.year);
  return lang === 'ko' ? `${read.year}.${String(read.month).padStart(2, '0')}` : `${MONTHS_SHORT[read.month - 1]} ${read.year}`;
}

/** A period; an entry with a start and no end is ongoing; one that starts and ends in the same month (or year) is that date alone. */
export function formatDateRange(start: string | undefined, end: string | undefined, lang: Lang): string | undefined {
  const from = formatDate(start, lang);
  const to = formatDate(end, lang) ?? (from ? PRESENT[lang] : undefined);
  if (!from) return to;
  return from === to ? from : `${from} – ${to}`;
}
