import { UsageError, UserDataError } from '../core/problems.js';
import { formatProblems, summarizeProblems } from './formatProblems.js';

export const EXIT = { ok: 0, data: 1, usage: 2, bug: 70 } as const;

/** Whether a command writes files: a refusal of one that does says that nothing was written; of one that only reads (check, explain, answers, match), it would be news of nothing. */
export interface CommandKind {
  writes: boolean;
}

/**
 * Runs a command and maps what it throws to an exit code: the user's data (1, every problem,
 * no stack trace), usage (2), anything else is our bug (70, stack trace, please report).
 */
export async function runCommand(action: () => Promise<number | void>, kind: CommandKind = { writes: true }): Promise<number> {
  try {
    return (await action()) ?? EXIT.ok;
  } catch (err) {
    return reportFailure(err, kind);
  }
}

/** Prints what went wrong the way its kind deserves, and returns the exit code for it. */
export function reportFailure(err: unknown, kind: CommandKind = { writes: true }): number {
  if (err instanceof UserDataError) {
    process.stderr.write(`${formatProblems(err.problems)}\n\n${summarizeProblems(err.problems)}${kind.writes ? ': nothing was written' : ''}.\n`);
    return EXIT.data;
  }
  if (err instanceof UsageError) {
    process.stderr.write(`error: ${err.message}\n${err.hint ? `  hint: ${err.hint}\n` : ''}`);
    return EXIT.usage;
  }
  process.stderr.write(
    `internal error: this is a bug in careerpdf, not in your data.\n${(err as Error)?.stack ?? String(err)}\nPlease report it with the command you ran and this output.\n`,
  );
  return EXIT.bug;
}
