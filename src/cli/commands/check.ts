import path from 'node:path';
import { UsageError, type Problem } from '../../core/problems.js';
import { roleArguments } from '../../load/roleFiles.js';
import { checkData } from '../../pipeline/check.js';
import { formatProblems, summarizeProblems } from '../formatProblems.js';
import { EXIT } from '../run.js';

export interface CheckFlags {
  role?: string[];
  all?: boolean;
  data: string;
  strict?: boolean;
}

/**
 * `careerpdf check`: every problem in the data in one run, grouped by file — schemas,
 * references, placeholders, answer limits, figures that disagree across roles. Exit 1 for
 * errors (and, with --strict, for warnings), else 0. Nothing is rendered or written.
 */
export async function checkCommand(flags: CheckFlags): Promise<number> {
  if (flags.all && flags.role?.length) throw new UsageError('use either --all or --role, not both');
  const found = checkData({ dataDir: flags.data, roles: flags.role && roleArguments(path.resolve(flags.data), flags.role) });
  const problems: Problem[] = flags.strict ? found.map((p) => ({ ...p, severity: 'error' })) : found;
  if (problems.length === 0) {
    process.stdout.write('no problems found\n');
    return EXIT.ok;
  }
  const failed = problems.some((p) => p.severity === 'error');
  process.stderr.write(
    `${formatProblems(byFile(problems))}\n\n${summarizeProblems(problems)}${flags.strict ? ' (--strict: warnings count as errors)' : ''}; by kind: ${countByKind(problems)}\n`,
  );
  return failed ? EXIT.data : EXIT.ok;
}

/** All of a file's problems together, in line order; problems without a file last. */
const byFile = (problems: Problem[]): Problem[] =>
  [...problems].sort(
    (a, b) => (a.at?.file ?? '\uffff').localeCompare(b.at?.file ?? '\uffff') || (a.at?.line ?? 0) - (b.at?.line ?? 0) || (a.at?.col ?? 0) - (b.at?.col ?? 0),
  );

/** `placeholder 36, answer-over-limit 3`: what kinds of problem there are, most frequent first. */
function countByKind(problems: readonly Problem[]): string {
  const counts = new Map<string, number>();
  for (const p of problems) counts.set(p.code, (counts.get(p.code) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([code, n]) => `${code} ${n}`)
    .join(', ');
}
