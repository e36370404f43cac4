import type { ResolvedQuestion } from '../../tailor/resolveAnswers.js';
import { describeRule, unitWord } from '../../validate/countCharacters.js';

const n = (value: number): string => value.toLocaleString('en-US');

/**
 * How an answer's count is shown, the same way in the PDF, the paste-ready text, the build
 * output and `careerpdf answers`: `957/1,000자 (공백 포함)`.
 */
export const countSummary = (q: ResolvedQuestion): string => `${n(q.count)}/${n(q.limit)}${unitWord(q.rule.unit)} (${describeRule(q.rule)})`;

/** `43자 남음`, or `74자 초과` when over the limit. */
export const countVerdict = (q: ResolvedQuestion): string => {
  const unit = unitWord(q.rule.unit);
  return q.count > q.limit ? `${n(q.count - q.limit)}${unit} 초과` : `${n(q.limit - q.count)}${unit} 남음`;
};
