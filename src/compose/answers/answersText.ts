import type { Lang } from '../../core/langs.js';
import { ANSWERS_LABELS } from '../../tailor/i18n.js';
import type { ResolvedApplication } from '../../tailor/resolveAnswers.js';
import { countSummary, countVerdict } from './countLabel.js';

const RULE = '='.repeat(24);
const CUT = '-'.repeat(12);

/**
 * The paste-ready answers: one block per question, the answer between a start line and an end
 * line that cannot occur in it, exactly as the form must receive it (no markdown marks) and as
 * it was counted. UTF-8, LF line breaks; the browser sends them as the form expects. The fixed
 * words are in the document's language.
 */
export function answersText(application: ResolvedApplication, name: string, lang: Lang): string {
  const labels = ANSWERS_LABELS[lang];
  const begin = `${CUT} ${labels.begin} ${CUT}`;
  const end = `${CUT} ${labels.end} ${CUT}`;
  const total = application.questions.length;
  const head = [`${[name, application.company, application.position].filter(Boolean).join(' · ')} · ${labels.document}`, labels.howToPaste(begin, end)];
  const blocks = application.questions.map((q) =>
    [
      `${RULE} ${labels.question} ${q.number}/${total} (${q.id}) ${RULE}`,
      q.question,
      `${countSummary(q, lang)} · ${countVerdict(q, lang)}`,
      begin,
      q.formText,
      end,
    ].join('\n'),
  );
  return `${[head.join('\n'), ...blocks].join('\n\n')}\n`;
}
