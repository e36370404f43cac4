import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { packageRoot } from '../core/paths.js';
import { sourceDateEpoch } from '../pipeline/creationDate.js';

/**
 * What a document is built from, for the build cache: the files it reads and the settings that
 * change its bytes. Cheap on purpose (file listings and sha256 of bytes, no parsing), because the
 * cache is checked before the data is validated or the renderer is imported.
 */
export interface InputSettings {
  dataDir: string;
  lang?: string;
  theme?: string;
  strict?: boolean;
  assetsDir?: string;
}

/** The main kinds of document, each with its own inputs (the answers text shares the answers'). */
export const CACHED_KINDS = ['resume', 'portfolio', 'answers'] as const;
export type CachedKind = (typeof CACHED_KINDS)[number];

const RESUME_FILES = ['resume.yaml', 'resume.yml', 'resume.json'];
const ROLE_EXTENSIONS = ['.yaml', '.yml', '.json'];

/**
 * The files any build of this document reads that can be found by listing folders: the resume,
 * the role's file, and per kind the project pages or the answer blocks. A file added to those
 * folders changes the list, so the document is rebuilt.
 */
export function listedInputs(dataDir: string, roleId: string, kind: CachedKind): string[] {
  const files = [...RESUME_FILES.map((name) => path.join(dataDir, name)), ...ROLE_EXTENSIONS.map((ext) => path.join(dataDir, 'roles', `${roleId}${ext}`))].filter(isFile);
  if (kind === 'portfolio') files.push(...folderFiles(path.join(dataDir, 'projects'), (name) => name.endsWith('.md') && !/^[_.]/.test(name)));
  if (kind === 'answers') files.push(...folderFiles(path.join(dataDir, 'answers'), (name) => /\.ya?ml$/.test(name)));
  return files;
}

/**
 * The hash of a document's inputs: the tool, the settings, and the path and bytes of every file
 * (a missing file hashes as missing). Paths are relative to the data folder, so the hash does not
 * depend on where the folders are.
 */
export function inputHash(settings: InputSettings, roleId: string, kind: CachedKind, files: readonly string[]): string {
  const hash = crypto.createHash('sha256');
  const { dataDir, lang, theme, strict, assetsDir } = settings;
  const relative = (file: string) => path.relative(dataDir, file).split(path.sep).join('/');
  // The PDF's creation date is part of the key; a SOURCE_DATE_EPOCH it cannot be is refused here, before anything is built.
  hash.update(JSON.stringify({ tool: toolIdentity(), roleId, kind, lang, theme, strict: strict === true, assets: assetsDir && relative(path.resolve(assetsDir)), sourceDateEpoch: sourceDateEpoch()?.getTime() }));
  for (const file of [...new Set(files)].sort()) {
    hash.update(`\n${relative(file)}\0`);
    hash.update(isFile(file) ? crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex') : 'missing');
  }
  return hash.digest('hex');
}

/** Files as the manifest records them: relative to the data folder, `/`-separated, sorted. */
export const recordedPaths = (dataDir: string, files: readonly string[]): string[] => [...new Set(files.map((file) => path.relative(dataDir, file).split(path.sep).join('/')))].sort();

export const fromRecorded = (dataDir: string, files: readonly string[]): string[] => files.map((file) => path.resolve(dataDir, file));


let identity: string | undefined;
/**
 * The tool's version, the compiled program's bytes (so that a changed careerpdf re-renders) and
 * the versions of the packages that shape the PDF bytes: the renderer and the fonts.
 */
function toolIdentity(): string {
  if (identity) return identity;
  const require = createRequire(import.meta.url);
  const versionOf = (pkg: string) => (require(path.join(packageRoot, 'node_modules', pkg, 'package.json')) as { version: string }).version;
  const program = path.join(packageRoot, 'dist', 'careerpdf.js');
  const programHash = isFile(program) ? crypto.createHash('sha256').update(fs.readFileSync(program)).digest('hex') : 'source';
  const packages = ['@react-pdf/renderer', 'pretendard', 'pretendard-jp', '@expo-google-fonts/jetbrains-mono'].map((pkg) => `${pkg}@${versionOf(pkg)}`);
  const own = JSON.parse(fs.readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string };
  identity = [`careerpdf@${own.version}`, programHash, ...packages].join(' ');
  return identity;
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

const folderFiles = (dir: string, keep: (name: string) => boolean): string[] =>
  isDirectory(dir) ? fs.readdirSync(dir).filter(keep).sort().map((name) => path.join(dir, name)) : [];

function isDirectory(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
