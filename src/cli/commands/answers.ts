import path from 'node:path';
import { countVerdict } from '../../compose/answers/countLabel.js';
import { UserDataError } from '../../core/problems.js';
import { displayPath } from '../../core/paths.js';
import { roleArgument } from '../../load/roleFiles.js';
import { prepare } from '../../pipeline/prepare.js';
import type { ResolvedQuestion } from '../../tailor/resolveAnswers.js';
import { countCharacters, countUnder, describeRule, unitWord, type CountingRule, type CountingUnit } from '../../validate/countCharacters.js';
import { displayWidth } from '../formatProblems.js';

/**
 * `careerpdf answers --role <id>`: per question, a small table of its counts — the one its
 * form uses (▸) against the limit, with what is left or how much is over, and the other ways
 * a site might count, for forms whose rule the role file does not know yet.
 */
export async function answersCommand(flags: { role: string; data: string }): Promise<void> {
  const roleId = roleArgument(path.resolve(flags.data), flags.role);
  const prepared = prepare({ dataDir: flags.data, roles: [roleId] });
  const application = prepared.applications.get(roleId);
  if (!application) {
    const file = displayPath(path.join(path.resolve(flags.data), 'roles', `${roleId}.yaml`));
    throw new UserDataError([
      {
        severity: 'error',
        code: 'no-application',
        at: { file, line: 1, col: 1 },
        message: `the role "${roleId}" has no application questions`,
        hint: 'add  application: { questions: [ { id, question, limit, answer } ] }  (see the README, "Application answers")',
      },
    ]);
  }
  const lines = [`${roleId}: ${application.company} ${application.position} — ${application.questions.length} questions (▸ the form's counting rule)`];
  for (const q of application.questions) lines.push('', ...questionTable(q));
  const over = application.questions.filter((q) => q.count > q.limit);
  lines.push(
    '',
    over.length === 0
      ? 'every answer is within its limit'
      : `⚠ ${over.length} answer${over.length === 1 ? '' : 's'} over the limit: ${over.map((q) => `Q${q.number} ${q.id} (+${q.count - q.limit}${unitWord(q.rule.unit)})`).join(', ')}`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

const ROWS: CountingRule[] = [
  { unit: 'with-spaces', newline: 'lf' },
  { unit: 'with-spaces', newline: 'crlf' },
  { unit: 'without-spaces', newline: 'lf' },
  { unit: 'utf8-bytes', newline: 'lf' },
  { unit: 'cp949-bytes', newline: 'lf' },
];

function questionTable(q: ResolvedQuestion): string[] {
  const table: string[][] = [['', 'counted as', 'count', 'limit', 'result']];
  const rows = ROWS.some((r) => sameRule(r, q.rule)) ? ROWS : [q.rule, ...ROWS];
  for (const rule of rows) {
    const ruling = sameRule(rule, q.rule);
    const count = countOf(q.formText, rule);
    table.push([ruling ? '▸' : '', describeRule(rule), n(count), ruling ? n(q.limit) : '', ruling ? verdict(q) : '']);
  }
  return [`Q${q.number} ${q.id} · ${q.question}`, ...align(table, [1, 1, -1, -1, 1]).map((line) => `  ${line}`.trimEnd())];
}

const sameRule = (a: CountingRule, b: CountingRule) => a.unit === b.unit && (a.newline === b.newline || !newlineMatters(a.unit));
/** Only "with spaces" and byte counts see line breaks; without spaces ignores them. */
const newlineMatters = (unit: CountingUnit) => unit !== 'without-spaces';

const countOf = (text: string, rule: CountingRule): number => countUnder(countCharacters(text, rule.newline), rule.unit);

const verdict = (q: ResolvedQuestion): string => `${q.count > q.limit ? '⚠ ' : ''}${countVerdict(q)}`;

const n = (value: number): string => value.toLocaleString('en-US');

/** Columns padded to the widest cell; 1 = left-aligned, -1 = right-aligned. Hangul is two columns wide. */
function align(rows: string[][], sides: number[]): string[] {
  const widths = sides.map((_, c) => Math.max(...rows.map((r) => displayWidth(r[c] ?? ''))));
  return rows.map((r) => r.map((cell, c) => pad(cell, widths[c]!, sides[c]!)).join('  '));
}

const pad = (cell: string, width: number, side: number): string => {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(cell)));
  return side < 0 ? fill + cell : cell + fill;
};
