import type { ResolvedApplication } from '../../tailor/resolveAnswers.js';
import { countSummary, countVerdict } from './countLabel.js';

const RULE = '='.repeat(24);
const CUT = '-'.repeat(12);
const BEGIN = `${CUT} 답변 시작 ${CUT}`;
const END = `${CUT} 답변 끝 ${CUT}`;

/**
 * The paste-ready answers: one block per question, the answer between a start line and an end
 * line that cannot occur in it, exactly as the form must receive it (no markdown marks) and as
 * it was counted. UTF-8, LF line breaks; the browser sends them as the form expects.
 */
export function answersText(application: ResolvedApplication, name: string): string {
  const total = application.questions.length;
  const head = [
    `${[name, application.company, application.position].filter(Boolean).join(' · ')} · 자기소개서`,
    `답변마다 "${BEGIN}" 다음 줄부터 "${END}" 앞 줄까지를 그대로 복사해 붙여넣으세요.`,
  ];
  const blocks = application.questions.map((q) =>
    [`${RULE} 문항 ${q.number}/${total} (${q.id}) ${RULE}`, q.question, `${countSummary(q)} · ${countVerdict(q)}`, BEGIN, q.formText, END].join('\n'),
  );
  return `${[head.join('\n'), ...blocks].join('\n\n')}\n`;
}
