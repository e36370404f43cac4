import type { Lang } from '../../core/langs.js';
import type { ResolvedQuestion } from '../../tailor/resolveAnswers.js';
import { describeRule, unitWord } from '../../validate/countCharacters.js';

const n = (value: number): string => value.toLocaleString('en-US');

/**
 * How an answer's count is shown, the same way in the PDF, the paste-ready text, the build
 * output and `careerpdf answers`: `957/1,000자 (공백 포함)`, in English `957/1,000 characters (spaces included)`.
 */
export const countSummary = (q: ResolvedQuestion, lang: Lang = 'ko'): string =>
  `${n(q.count)}/${n(q.limit)}${unitWord(q.rule.unit, lang)} (${describeRule(q.rule, lang)})`;

const VERDICT = { ko: { left: '남음', over: '초과' }, en: { left: 'left', over: 'over' } } as const;

/** `43자 남음`, or `74자 초과` when over the limit; `43 characters left`, `74 characters over`. */
export const countVerdict = (q: ResolvedQuestion, lang: Lang = 'ko'): string => {
  const unit = unitWord(q.rule.unit, lang);
  const words = VERDICT[lang];
  return q.count > q.limit ? `${n(q.count - q.limit)}${unit} ${words.over}` : `${n(q.limit - q.count)}${unit} ${words.left}`;
};

/** The line under a question in the PDF: its count and what is left, `957/1,000자 (공백 포함) · 43자 남음`. */
export const countLine = (q: ResolvedQuestion, lang: Lang): string => `${countSummary(q, lang)} · ${countVerdict(q, lang)}`;

/** Above a question in the PDF: `문항 2 / 3`, `Question 2 / 3`. */
export const questionEyebrow = (label: string, number: number, total: number): string => `${label} ${number} / ${total}`;
