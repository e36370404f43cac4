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
  ats?: boolean;
}

/**
 * `careerpdf check`: every problem in the data in one run, grouped by file — schemas,
 * references, placeholders, answer limits, figures that disagree across roles. Exit 1 for
 * errors (and, with --strict, for warnings), else 0. Nothing is rendered or written.
 */
export async function checkCommand(flags: CheckFlags): Promise<number> {
  if (flags.all && flags.role?.length) throw new UsageError('use either --all or --role, not both');
  const roles = flags.role && roleArguments(path.resolve(flags.data), flags.role);
  const dataProblems = checkData({ dataDir: flags.data, roles });
  const found = [...dataProblems, ...(flags.ats ? await atsProblems(flags.data, roles, dataProblems) : [])];
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

/**
 * `--ats`: each role's resume read as an applicant-tracking system reads it. Data with errors
 * cannot be rendered: their problems are the answer. One line per role on stdout.
 */
async function atsProblems(dataDir: string, roles: string[] | undefined, dataProblems: readonly Problem[]): Promise<Problem[]> {
  if (dataProblems.some((p) => p.severity === 'error')) {
    process.stdout.write('ATS view: not checked, the data has errors (below)\n');
    return [];
  }
  const { checkAts } = await import('../../pipeline/checkAts.js');
  const { loadDataFolder } = await import('../../load/loadDataFolder.js');
  const selected = roles?.length ? roles : [...loadDataFolder(path.resolve(dataDir)).roles.keys()];
  const reports = await checkAts(dataDir, selected);
  for (const report of reports) {
    const verdict = report.problems.length === 0 ? 'every one whole and in order' : `${report.problems.length} problem(s)`;
    process.stdout.write(`ATS view: ${report.roleId} resume, ${report.items} facts in content and layout order: ${verdict}\n`);
  }
  return reports.flatMap((report) => report.problems);
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
