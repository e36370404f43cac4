import fs from 'node:fs';
import path from 'node:path';
import { displayPath, isInside } from '../core/paths.js';
import { type Problem, type SourceLocation, UserDataError } from '../core/problems.js';
import type { YamlSource } from '../load/parseYaml.js';
import { readSourceFile, type SizeLimit } from '../load/readSourceFile.js';

/** A posting is a page or two; a larger file is something else pasted (and matching stays quick). */
export const POSTING_LIMIT: SizeLimit = { bytes: 256 * 1024, what: 'a job posting' };

/** The posting's text and where each of its lines is written (its own file, or the role file for an inline posting). */
export interface PostingSource {
  /** As shown to the user: the posting's file, or `<role file> posting`. */
  name: string;
  text: string;
  at(line: number): SourceLocation;
}

/** A value of `posting:` that names a file rather than holding the text. */
const FILE_VALUE = /^[^\n]+\.(?:txt|md|markdown)$/i;

/**
 * The posting to match: `--posting <file>` (relative to the working directory), else the role's
 * `posting:` — a .txt/.md file in the data folder, or the text itself. Read by the one reader
 * (bounded, binary and empty files refused); a problem is thrown as UserDataError.
 */
export function postingSource(options: { file?: string; dataDir: string; roleId: string; posting?: string; roleSource?: YamlSource }): PostingSource {
  if (options.file) return readPosting(path.resolve(options.file));
  const value = options.posting;
  const source = options.roleSource;
  if (value === undefined || !source) {
    throw new UserDataError([
      {
        severity: 'error',
        code: 'no-posting',
        at: source ? { file: source.file, line: 1, col: 1 } : undefined,
        message: `the role ${options.roleId} has no posting to match`,
        hint: 'add `posting: postings/<name>.txt` (a file in the data folder) or `posting: |` with the text to the role file, or pass --posting <file>',
      },
    ]);
  }
  const at = source.locate(['posting']);
  if (FILE_VALUE.test(value.trim())) {
    const file = path.resolve(options.dataDir, value.trim());
    // A link in the data folder may lead out of it (postings/x.txt → /etc/passwd), as an image's may: followed, it is refused the same.
    if (!isInside(options.dataDir, file) || !isInside(realPath(options.dataDir), realPath(file)))
      throw new UserDataError([
        {
          severity: 'error',
          code: 'posting-outside',
          at,
          path: 'posting',
          message: `the posting ${value.trim()} is outside the data folder${isInside(options.dataDir, file) ? ` (it links to ${realPath(file)})` : ''}; it is not read`,
          hint: 'put the posting into the data folder (e.g. postings/) and name it relative to it',
        },
      ]);
    return readPosting(file);
  }
  // A block scalar (`posting: |`) starts on the line after its indicator.
  const lineStart = source.text.split('\n')[at.line - 1] ?? '';
  const first = /^[|>]/.test(lineStart.slice(at.col - 1)) ? at.line + 1 : at.line;
  return { name: `${source.file} posting`, text: value, at: (line) => ({ file: source.file, line: first + line - 1, col: 1 }) };
}

/** Where a path leads, its links followed; as it is when it cannot be followed (not there: the reader says so). */
function realPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

function readPosting(file: string): PostingSource {
  const read = readSourceFile(file, POSTING_LIMIT);
  if (!read.ok) throw new UserDataError([postingProblem(read.problem)]);
  const name = displayPath(file);
  return { name, text: read.text, at: (line) => ({ file: name, line, col: 1 }) };
}

/** The reader's problem, said of a posting: its hints speak of career data files. */
function postingProblem(problem: Problem): Problem {
  if (problem.code === 'binary' || problem.code === 'not-utf8')
    return { ...problem, hint: 'save the posting as plain UTF-8 text (.txt or .md): copy its text from the page' };
  if (problem.code === 'empty')
    return {
      ...problem,
      message: 'the posting file is empty',
      hint: 'paste the posting text into it: its 자격요건 / 우대사항 (Requirements / Preferred) sections',
    };
  if (problem.code === 'too-large') return { ...problem, hint: 'a posting is a page or two of text: keep its requirement sections' };
  return problem;
}
