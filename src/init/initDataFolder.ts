import fs from 'node:fs';
import path from 'node:path';
import { textStack } from '../core/fonts.js';
import type { Lang } from '../core/langs.js';
import { displayPath, packageRoot } from '../core/paths.js';
import { UserDataError, type Problem } from '../core/problems.js';
import { checkGlyphs, type DrawnText } from '../validate/checkGlyphs.js';
import { checkUnbrokenRuns } from '../validate/checkUnbrokenRuns.js';
import { jsonSchemaFiles } from '../validate/jsonSchemas.js';
import { confine } from '../write/outputFolder.js';
import { fileSystemProblem } from '../load/readSourceFile.js';
import { writeProblem } from '../write/outputFolder.js';
import { writeAtomic } from '../write/writeAtomic.js';

/** The starter folders: `templates/init/<lang>/` (the text files) and `templates/init/shared/` (the image). */
export const templatesDir = (): string => path.join(packageRoot, 'templates', 'init');

/** One file init writes: its path relative to the new data folder, and its bytes. */
export interface StarterFile {
  file: string;
  content: Buffer | string;
}

/**
 * The files of a starter data folder in `lang`: the language's templates, the shared image, and
 * the JSON Schema files the templates' `$schema` comments point the editor at (generated from the
 * schemas this version validates with, so they always agree). `name` fills `basics.name`.
 */
export function starterFiles(lang: Lang, name?: string): StarterFile[] {
  const files = [...templateFiles(path.join(templatesDir(), lang)), ...templateFiles(path.join(templatesDir(), 'shared'))];
  for (const schema of jsonSchemaFiles()) files.push({ file: path.join('schema', schema.file), content: schema.text });
  if (name !== undefined) {
    const resume = files.find((f) => f.file === 'resume.yaml')!;
    resume.content = withName(resume.content.toString(), name);
  }
  return files.sort((a, b) => a.file.localeCompare(b.file));
}

/**
 * The resume template with `name` as basics.name (its first `name:`, two spaces in), written as a
 * JSON string: JSON is YAML, so any name — quotes, colons, a `#` — is read back as typed.
 */
function withName(resume: string, name: string): string {
  return resume.replace(/^( {2}name: ).*$/m, (_, key: string) => `${key}${JSON.stringify(name.normalize('NFC'))}`);
}

function templateFiles(root: string, dir = root): StarterFile[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? templateFiles(root, full) : [{ file: path.relative(root, full), content: fs.readFileSync(full) }];
  });
}

/**
 * `careerpdf init`: writes a starter data folder into `dir` (created if missing) that builds at
 * once and whose `[TODO: …]` placeholders every build lists. Nothing is ever overwritten: when any
 * file it would write is there already (or a file stands where it needs a folder), it names each
 * one and writes nothing. Returns the absolute paths written, in order.
 */
export function initDataFolder({ dir, lang, name }: { dir: string; lang: Lang; name?: string }): string[] {
  const root = path.resolve(dir);
  const refused = name === undefined ? [] : nameProblems(name).filter((p) => p.severity === 'error');
  if (refused.length > 0) throw new UserDataError(refused);
  const files = starterFiles(lang, name).map((f) => ({ ...f, target: path.join(root, f.file) }));
  const problems = [...new Map(files.flatMap((f) => inTheWay(root, f.target)).map((p) => [p.message, p])).values()];
  if (problems.length > 0) throw new UserDataError(problems);
  // Every target is checked before the first is written: a folder on the way that links out of `dir` stops it all.
  for (const f of files) confine(root, f.target);
  const written: string[] = [];
  try {
    for (const f of files) {
      writeAtomic(root, f.target, f.content);
      written.push(f.target);
    }
  } catch (err) {
    // A write that fails half-way (disk full, read-only) takes back the files before it: init writes all or nothing.
    for (const file of written) fs.rmSync(file, { force: true });
    throw err;
  }
  return written;
}

/**
 * What the build would refuse in `--name` (a character no font has, a pasted blob), found before a folder that cannot
 * build is written; located in the option, as the build would locate it in basics.name. An empty name is none.
 */
function nameProblems(name: string): Problem[] {
  const at = { file: '--name', line: 1, col: 1 };
  if (name.trim() === '') {
    return [
      {
        severity: 'error',
        code: 'init-name',
        at,
        message: '--name is empty',
        hint: 'give your name (--name "신춘호"), or leave --name out for a [TODO: …] to fill in',
      },
    ];
  }
  const drawn: DrawnText = { text: name.normalize('NFC'), stacks: [textStack('Pretendard')], locate: (offset) => ({ ...at, col: offset + 1 }) };
  return [...checkGlyphs([drawn]), ...checkUnbrokenRuns([drawn])];
}

/** What stops `target` from being written new: the file itself, or a non-folder where one of its folders goes. */
function inTheWay(root: string, target: string): Problem[] {
  const steps = path.relative(root, target).split(path.sep);
  // `root` itself, then each folder on the way, then the file.
  for (let i = 0; i <= steps.length; i++) {
    const at = path.join(root, ...steps.slice(0, i));
    // The folder asked for may itself be a link to a folder; inside it, a link is in the way.
    const stat = i === 0 ? statOf(at, fs.statSync) : statOf(at, fs.lstatSync);
    if (!stat) return i === 0 ? notAFolderRoot(root) : [];
    const isFile = i === steps.length;
    if (!isFile && stat.isDirectory()) continue;
    return [
      {
        severity: 'error',
        code: 'init-exists',
        message: isFile
          ? `${displayPath(at)} already exists`
          : `${displayPath(at)} is ${stat.isSymbolicLink() ? 'a symbolic link' : 'a file'}, where init needs a folder`,
        hint: 'init never overwrites: start in a new or empty folder (careerpdf init <dir>), or move these files away first',
      },
    ];
  }
  return [];
}

/**
 * What stops a folder that is not there from being made: a symbolic link to nothing in its place,
 * a file where one of its parents goes, a name longer than the file system takes.
 */
function notAFolderRoot(root: string): Problem[] {
  const link = statOf(root, fs.lstatSync);
  if (link?.isSymbolicLink()) {
    return [
      {
        severity: 'error',
        code: 'init-exists',
        message: `${displayPath(root)} is a symbolic link to ${fs.readlinkSync(root)}, which does not exist`,
        hint: 'create the folder it points to, or remove the link and run init again',
      },
    ];
  }
  try {
    fs.statSync(root);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return [];
    try {
      return [writeProblem(err, root, 'cannot make the folder', 'init folder')];
    } catch {
      return [fileSystemProblem(root, err, 'folder')];
    }
  }
  return [];
}

const statOf = (file: string, stat: (file: string) => fs.Stats): fs.Stats | undefined => {
  try {
    return stat(file);
  } catch {
    return undefined;
  }
};
