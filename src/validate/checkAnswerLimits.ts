import type { Problem } from '../core/problems.js';
import type { ResolvedApplication } from '../tailor/resolveAnswers.js';
import { describeRule, unitWord } from './countCharacters.js';

/**
 * Every answer against its form's limit, under the question's counting rule. Over the limit is a
 * warning (a draft may be long while being written) that names the role, the question and the
 * excess; `--strict` and `check --strict` make it an error. An EUC-KR form that cannot hold a
 * character (an emoji, a NBSP) is warned about too: the site would mangle it.
 */
export function checkAnswerLimits(application: ResolvedApplication): Problem[] {
  const problems: Problem[] = [];
  for (const q of application.questions) {
    const where = `${application.roleId}, question ${q.number} "${q.id}"`;
    const unit = unitWord(q.rule.unit);
    if (q.count > q.limit) {
      problems.push({
        severity: 'warning',
        code: 'answer-over-limit',
        at: q.at,
        path: `application.questions[${q.number - 1}]`,
        message: `OVER THE LIMIT — ${where}: ${q.count.toLocaleString('en-US')}${unit} (${describeRule(q.rule)}), ${(q.count - q.limit).toLocaleString('en-US')}${unit} over the limit of ${q.limit.toLocaleString('en-US')}${unit}`,
        hint: `the form will refuse or cut it: shorten the answer by ${q.count - q.limit}${unit} (careerpdf answers --role ${application.roleId} shows every count)`,
      });
    }
    if (q.rule.unit === 'cp949-bytes' && q.counts.notInCp949.length > 0) {
      problems.push({
        severity: 'warning',
        code: 'not-in-euc-kr',
        at: q.at,
        path: `application.questions[${q.number - 1}]`,
        message: `${where}: an EUC-KR form cannot hold ${q.counts.notInCp949.map((ch) => JSON.stringify(ch)).join(', ')}`,
        hint: 'replace these characters (e.g. a no-break space with a space, an emoji with words)',
      });
    }
  }
  return problems;
}
