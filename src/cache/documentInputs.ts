import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { packageRoot } from '../core/paths.js';
import type { InputRecord } from '../load/inputLog.js';
import { sourceDateEpoch } from '../pipeline/creationDate.js';

/** The settings of a build that change a role's bytes, besides the files it reads. */
export interface InputSettings {
  dataDir: string;
  lang?: string;
  theme?: string;
  strict?: boolean;
  assetsDir?: string;
  /** `build --format`: the text formats written beside the resume. */
  formats?: readonly string[];
}

/**
 * The hash of a role's settings: the tool, the role, the options and SOURCE_DATE_EPOCH. Paths
 * are relative to the data folder, so the hash does not depend on where the folders are.
 */
export function settingsHash(settings: InputSettings, roleId: string): string {
  const { dataDir, lang, theme, strict, assetsDir, formats } = settings;
  const shown = {
    tool: toolIdentity(),
    roleId,
    lang,
    theme,
    strict: strict === true,
    assets: assetsDir && relativePath(dataDir, path.resolve(assetsDir)),
    sourceDateEpoch: sourceDateEpoch()?.getTime(),
    formats: formats?.length ? [...formats].sort() : undefined,
  };
  return crypto.createHash('sha256').update(JSON.stringify(shown)).digest('hex');
}

/** The input records as the manifest keeps them: paths relative to the data folder, `/`-separated. */
export const recordedInputs = (dataDir: string, records: readonly InputRecord[]): InputRecord[] =>
  records.map((r) => ({ ...r, path: relativePath(dataDir, r.path) }));

/** Back from the manifest's records to absolute paths. */
export const resolvedInputs = (dataDir: string, records: readonly InputRecord[]): InputRecord[] =>
  records.map((r) => ({ ...r, path: path.resolve(dataDir, r.path) }));

const relativePath = (dataDir: string, file: string): string => path.relative(dataDir, file).split(path.sep).join('/');

let identity: string | undefined;
/**
 * The tool's version, the compiled program's bytes (so that a changed careerpdf re-renders) and
 * the installed versions of the packages that shape the PDF bytes: the renderer, the fonts, and
 * every package pinned in package.json's `overrides` (those whose internals careerpdf patches or
 * relies on: fontkit, pdfkit, React-PDF's font, render and textkit), so that an update re-renders.
 */
export function toolIdentity(): string {
  if (identity) return identity;
  const require = createRequire(import.meta.url);
  const versionOf = (pkg: string) => (require(path.join(packageRoot, 'node_modules', pkg, 'package.json')) as { version: string }).version;
  const program = path.join(packageRoot, 'dist', 'careerpdf.js');
  const programHash = fs.existsSync(program) ? crypto.createHash('sha256').update(fs.readFileSync(program)).digest('hex') : 'source';
  const own = JSON.parse(fs.readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string; overrides?: Record<string, string> };
  const packages = ['@react-pdf/renderer', 'pretendard', 'pretendard-jp', '@expo-google-fonts/jetbrains-mono', ...Object.keys(own.overrides ?? {})].map(
    (pkg) => `${pkg}@${versionOf(pkg)}`,
  );
  identity = [`careerpdf@${own.version}`, programHash, ...packages].join(' ');
  return identity;
}
