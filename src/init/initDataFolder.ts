import fs from 'node:fs';
import path from 'node:path';
import type { Lang } from '../core/langs.js';
import { displayPath, packageRoot } from '../core/paths.js';
import { UserDataError, type Problem } from '../core/problems.js';
import { jsonSchemaFiles } from '../validate/jsonSchemas.js';
import { confine } from '../write/outputFolder.js';
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
  const files = starterFiles(lang, name).map((f) => ({ ...f, target: path.join(root, f.file) }));
  const problems = [...new Map(files.flatMap((f) => inTheWay(root, f.target)).map((p) => [p.message, p])).values()];
  if (problems.length > 0) throw new UserDataError(problems);
  // Every target is checked before the first is written: a folder on the way that links out of `dir` stops it all.
  for (const f of files) confine(root, f.target);
  for (const f of files) writeAtomic(root, f.target, f.content);
  return files.map((f) => f.target);
}

/** What stops `target` from being written new: the file itself, or a non-folder where one of its folders goes. */
function inTheWay(root: string, target: string): Problem[] {
  const steps = path.relative(root, target).split(path.sep);
  // `root` itself, then each folder on the way, then the file.
  for (let i = 0; i <= steps.length; i++) {
    const at = path.join(root, ...steps.slice(0, i));
    // The folder asked for may itself be a link to a folder; inside it, a link is in the way.
    const stat = i === 0 ? statOf(at, fs.statSync) : statOf(at, fs.lstatSync);
    if (!stat) return [];
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

const statOf = (file: string, stat: (file: string) => fs.Stats): fs.Stats | undefined => {
  try {
    return stat(file);
  } catch {
    return undefined;
  }
};
