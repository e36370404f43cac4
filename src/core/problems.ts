/**
 * A problem found in the user's data. Every step that inspects user input returns
 * these instead of throwing, so that one run reports all of them at once.
 */
export type Severity = 'error' | 'warning';

export interface SourceLocation {
  file: string; // path as the user would type it (relative to the working directory)
  line: number; // 1-based
  col: number; // 1-based
}

export interface Problem {
  severity: Severity;
  /** Short machine-readable kind, e.g. `yaml-syntax`, `schema`, `placeholder`. */
  code: string;
  message: string;
  /** Where in the source; absent when the problem has no single place (e.g. a missing file). */
  at?: SourceLocation;
  /** Data path inside the file, e.g. `work[0].startDate`. */
  path?: string;
  /** How to fix it, one line. */
  hint?: string;
}

/**
 * Thrown when the user's input cannot be built. The CLI turns it into exit code 1 and
 * prints every problem; anything else that is thrown is a bug (exit 70).
 */
export class UserDataError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`${problems.length} problem(s) in the input`);
    this.name = 'UserDataError';
  }
}

/** Thrown for command-line misuse (exit code 2). */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * The problems a step reports, whether it returns them (warnings only) or throws them
 * (UserDataError): what the CLI would print. Anything else thrown is a bug and is rethrown.
 */
export function problemsOf(run: () => Problem[]): Problem[] {
  try {
    return run();
  } catch (err) {
    if (err instanceof UserDataError) return err.problems;
    throw err;
  }
}

export const errorsIn = (problems: readonly Problem[]): Problem[] => problems.filter((p) => p.severity === 'error');

/** Throws when any problem is an error; with `strict`, warnings count as errors too. */
export function failOnErrors(problems: readonly Problem[], strict = false): void {
  const fatal = strict ? [...problems] : errorsIn(problems);
  if (fatal.length > 0) throw new UserDataError(strict ? problems.map(promote) : [...problems]);
}

const promote = (p: Problem): Problem => (p.severity === 'warning' ? { ...p, severity: 'error' } : p);

export function formatLocation(at: SourceLocation | undefined): string {
  return at ? `${at.file}:${at.line}:${at.col}` : '';
}
