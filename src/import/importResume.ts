import path from 'node:path';
import { displayPath } from '../core/paths.js';
import { UserDataError, errorsIn, type Problem } from '../core/problems.js';
import { loadYamlFile } from '../load/loadDataFolder.js';
import { parseYaml } from '../load/parseYaml.js';
import { probePath, readSourceFile } from '../load/readSourceFile.js';
import { resumeSchema, SECTION_KEYS, type Resume } from '../validate/schema/resume.js';
import { validateWithSchema } from '../validate/validateWithSchema.js';
import { fromJsonResume } from './fromJsonResume.js';
import { fromLinkedIn } from './fromLinkedIn.js';
import { readLinkedInExport } from './linkedinFiles.js';
import { checkOutputFolders } from '../write/outputFolder.js';
import { writeAtomic } from '../write/writeAtomic.js';
import { mergeResumeYaml, resumeYaml } from './resumeYaml.js';

export interface ImportOptions {
  /** The data folder the resume.yaml goes to. */
  outDir: string;
  /** Add to an existing resume.yaml what it lacks, instead of refusing to touch it. */
  merge?: boolean;
}

/** What an import wrote, for the user. */
export interface ImportResult {
  file: string;
  /** The resume.yaml text written. */
  text: string;
  /** What was read, by file (`Positions.csv: 3 rows`). */
  read: string[];
  /** Files of the source not read. */
  unused: string[];
  /** Entries per section in what was imported (`work: 3`). */
  counts: string[];
  /** With merge: what was added to the existing file (`work: toss`); nothing added leaves it untouched. */
  added?: string[];
  warnings: Problem[];
}

const RESUME_NAMES = ['resume.yaml', 'resume.yml', 'resume.json'];

/** `careerpdf import linkedin <export.zip | folder>`. */
export async function importLinkedIn(source: string, options: ImportOptions): Promise<ImportResult> {
  const target = targetOf(options);
  const exported = await readLinkedInExport(path.resolve(source));
  const imported = fromLinkedIn(exported.files);
  const header = [
    `Imported by careerpdf from LinkedIn's data export ${path.basename(source)}`,
    `read: ${imported.read.join(', ') || 'no rows'}`,
    ...(exported.unused.length > 0
      ? [`not read: ${exported.unused.length} other file${exported.unused.length === 1 ? '' : 's'} (messages, connections…: only their names)`]
      : []),
    'Every entry has an id made from its name: role files (roles/<id>.yaml) use them in include, exclude, order and overrides.',
    'Check each entry against your profile, add tags (a role ranks entries by its focus tags), then run `careerpdf build`.',
  ];
  return write(target, imported.resume, header, options, { read: imported.read, unused: exported.unused, warnings: imported.problems });
}

/** `careerpdf import jsonresume <resume.json>`. */
export async function importJsonResume(source: string, options: ImportOptions): Promise<ImportResult> {
  const target = targetOf(options);
  const problems: Problem[] = [];
  const loaded = loadYamlFile(path.resolve(source), problems);
  if (!loaded || errorsIn(problems).length > 0) throw new UserDataError(problems);
  const resume = fromJsonResume(loaded);
  const header = [
    `Imported by careerpdf from the JSON Resume ${path.basename(source)}`,
    'Every entry has an id (its own, or made from its name) and tags suggested from its keywords: role files use them.',
    'careerpdf reads the JSON Resume itself as well; this file is for adding its extensions (ids, tags, {ko, en} texts, military).',
  ];
  return write(target, resume, header, options, { read: [path.basename(source)], unused: [], warnings: problems });
}

/** The resume file to write, refusing (before anything is read) to overwrite one unless merging into a resume.yaml. */
function targetOf(options: ImportOptions): { file: string; existing?: string } {
  const dir = path.resolve(options.outDir);
  const probed = RESUME_NAMES.map((name) => ({ file: path.join(dir, name), probe: probePath(path.join(dir, name), 'data file') }));
  // An --out that is a file or read-only, a resume.yaml that is a folder or a FIFO: said as it is, not as "already exists".
  checkOutputFolders(dir, []);
  const unusable = probed.find((p) => typeof p.probe === 'object')?.probe;
  if (typeof unusable === 'object') throw new UserDataError([unusable]);
  const present = probed.filter((p) => p.probe === 'file').map((p) => p.file);
  const file = path.join(dir, 'resume.yaml');
  if (present.length === 0) return { file };
  const shown = present.map(displayPath).join(' and ');
  if (!options.merge)
    throw new UserDataError([
      {
        severity: 'error',
        code: 'resume-exists',
        message: `${shown} already exists: it is not overwritten`,
        hint: `add --merge to add only what it lacks, or pass --out <another folder>`,
      },
    ]);
  if (present.length > 1 || path.basename(present[0]!) === 'resume.json')
    throw new UserDataError([
      {
        severity: 'error',
        code: 'resume-exists',
        message: `--merge adds to a resume.yaml; ${displayPath(dir)} has ${shown}`,
        hint: 'keep one resume.yaml there (careerpdf reads a resume.json as YAML too: rename it), or import into another folder',
      },
    ]);
  return { file: present[0]!, existing: present[0]! };
}

function write(
  target: { file: string; existing?: string },
  resume: Resume,
  header: readonly string[],
  options: ImportOptions,
  report: Pick<ImportResult, 'read' | 'unused' | 'warnings'>,
): ImportResult {
  let text: string;
  let added: string[] | undefined;
  if (target.existing) {
    const read = readSourceFile(target.existing);
    if (!read.ok) throw new UserDataError([read.problem]);
    ({ text, added } = mergeResumeYaml({ shown: displayPath(target.existing), text: read.text }, resume));
  } else {
    text = resumeYaml(resume, header);
  }
  // What is written must build: checked as the build will read it, so that an odd value in the source (an email that is none) stops the import, not the build.
  const parsed = parseYaml(displayPath(target.file), text);
  const checked = validateWithSchema(parsed.source, resumeSchema);
  const problems = [...parsed.problems, ...checked.problems];
  if (errorsIn(problems).length > 0) throw new UserDataError([...report.warnings, ...problems]);
  const counts = SECTION_KEYS.flatMap((key) => (resume[key]?.length ? [`${key}: ${resume[key]!.length}`] : []));
  if (!added || added.length > 0) writeAtomic(path.resolve(options.outDir), target.file, text);
  return { file: target.file, text, counts, added, ...report };
}
