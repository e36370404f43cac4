import fs from 'node:fs';
import path from 'node:path';
import { UsageError, UserDataError, type Problem } from '../../core/problems.js';
import { displayPath } from '../../core/paths.js';
import { MASTER, roleArguments, roleFiles } from '../../load/roleFiles.js';
import { themeChoice, themeFile, themesDir } from '../../load/loadTheme.js';
import { build, type BuiltDocument } from '../../pipeline/build.js';
import type { MainKind } from '../../pipeline/documents.js';
import { reportFailure } from '../run.js';
import type { Lang } from '../../validate/schema/primitives.js';
import { formatProblems, summarizeProblems } from '../formatProblems.js';

export interface BuildFlags {
  role?: string[];
  all?: boolean;
  data: string;
  out: string;
  lang?: Lang;
  theme?: string;
  strict?: boolean;
  assets?: string;
  watch?: boolean;
  force?: boolean;
}

/**
 * `careerpdf build`: the roles asked for (or the master), one summary line per file written.
 * `beforeRender` is called if the (first) build must render, before anything is printed.
 */
export async function buildCommand(flags: BuildFlags, beforeRender?: () => Promise<void>): Promise<void> {
  const roles = selectRoles(flags);
  // An unknown --theme is a usage error before anything is built or watched.
  if (flags.theme !== undefined) themeFile(themeChoice(flags.theme, undefined, flags.data));
  if (flags.watch) return watchCommand(flags, roles, beforeRender);
  await buildAndReport(flags, roles, { beforeRender });
}

interface ReportOptions {
  kinds?: MainKind[];
  quietWarnings?: boolean;
  beforeRender?: () => Promise<void>;
}

async function buildAndReport(flags: BuildFlags, roles: string[], { kinds, quietWarnings = false, beforeRender }: ReportOptions = {}): Promise<void> {
  const started = performance.now();
  const built = await build(
    { dataDir: flags.data, outDir: flags.out, roles, kinds, lang: flags.lang, theme: flags.theme, strict: flags.strict, assetsDir: flags.assets, force: flags.force },
    {
      beforeRender,
      onWarnings: (warnings) => {
        if (warnings.length === 0) return;
        if (quietWarnings) process.stderr.write(`${summarizeProblems(warnings)} in the data (run without --watch or use check to list them)\n`);
        else process.stderr.write(`${formatProblems(warnings)}\n${summarizeProblems(warnings)} (the build goes on; --strict stops it)\n\n`);
      },
      onDocument: (doc) => {
        process.stdout.write(`${summaryLine(doc)}\n`);
        for (const w of doc.warnings) process.stdout.write(`  ${w.severity}: ${w.message}\n`);
        for (const note of doc.notes ?? []) process.stdout.write(`  ${note}\n`);
      },
    },
  );
  const ms = performance.now() - started;
  const unchanged = built.filter((doc) => doc.unchanged).length;
  process.stdout.write(`built ${built.length} document${built.length === 1 ? '' : 's'}${unchanged ? ` (${unchanged} unchanged)` : ''} for ${roles.join(', ')} in ${ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`}\n`);
}

/**
 * `build --watch`: builds once, then after every save under the data folder or the themes
 * rebuilds only the documents the saved files feed. Fonts and modules stay loaded, so a
 * rebuild costs a render, not a process start. Bad input prints its problems and waits.
 */
async function watchCommand(flags: BuildFlags, roles: string[], beforeRender?: () => Promise<void>): Promise<void> {
  const attempt = async (rolesToBuild: string[], options: ReportOptions = {}) => {
    try {
      await buildAndReport(flags, rolesToBuild, options);
    } catch (err) {
      reportFailure(err);
    }
  };
  await attempt(roles, { beforeRender });
  const [{ watchBuild }, { MAIN_KINDS }] = await Promise.all([import('../../watch/watchBuild.js'), import('../../pipeline/documents.js')]);
  const themeDirs = [themesDir(), ...(flags.theme && fs.existsSync(path.join(path.resolve(flags.theme), 'theme.yaml')) ? [path.resolve(flags.theme)] : [])];
  const stop = await watchBuild({
    dataDir: flags.data,
    themeDirs,
    rebuild: async (affected, changed) => {
      process.stdout.write(`\nchanged: ${changed.map(displayPath).join(', ')}\n`);
      const stale = affected.roles === 'all' ? roles : roles.filter((r) => affected.roles.includes(r));
      const kinds = affected.kinds === 'all' ? undefined : MAIN_KINDS.filter((k) => affected.kinds.includes(k) || (k === 'answers' && affected.kinds.includes('answers-text')));
      if (stale.length === 0) return void process.stdout.write('nothing to rebuild for the roles being watched\n');
      await attempt(stale, { kinds, quietWarnings: true });
    },
  });
  process.stdout.write(`watching ${displayPath(path.resolve(flags.data))}/ and ${themeDirs.map((d) => `${displayPath(d)}/`).join(', ')} — Ctrl-C to stop\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await stop();
}

export function selectRoles(flags: Pick<BuildFlags, 'role' | 'all' | 'data'>): string[] {
  if (flags.all && flags.role?.length) throw new UsageError('use either --all or --role, not both');
  const dataDir = path.resolve(flags.data);
  if (flags.all) {
    // A role file with no usable id stops the build here: the build cache would not notice it.
    const problems: Problem[] = [];
    const roles = roleFiles(dataDir, problems).map((role) => role.id);
    if (problems.length > 0) throw new UserDataError(problems);
    return [MASTER, ...roles];
  }
  return flags.role?.length ? roleArguments(dataDir, flags.role) : [MASTER];
}

export const summaryLine = (doc: BuiltDocument): string =>
  [displayPath(doc.file), doc.pages !== undefined ? `${doc.pages} page${doc.pages === 1 ? '' : 's'}` : '', formatBytes(doc.bytes), doc.unchanged ? 'unchanged' : `${Math.round(doc.ms)} ms`, doc.warnings.length ? `${doc.warnings.length} warning${doc.warnings.length === 1 ? '' : 's'}` : ''].filter(Boolean).join('  ');

export const formatBytes = (bytes: number): string => (bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(2)} MB`);
