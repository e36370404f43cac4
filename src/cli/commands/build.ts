import path from 'node:path';
import { UsageError, UserDataError, type Problem } from '../../core/problems.js';
import { displayPath } from '../../core/paths.js';
import { MASTER, roleArguments, roleFiles } from '../../load/roleFiles.js';
import { themeChoice, themeFile } from '../../load/loadTheme.js';
import { build, type BuiltDocument } from '../../pipeline/build.js';
import type { InputRecord } from '../../load/inputLog.js';
import { reportFailure } from '../run.js';
import type { Lang } from '../../validate/schema/primitives.js';
import type { ExportFormat } from '../../export/formats.js';
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
  format?: ExportFormat[];
}

/**
 * `careerpdf build`: the roles asked for (or the master), one summary line per file written.
 */
export async function buildCommand(flags: BuildFlags): Promise<void> {
  const roles = selectRoles(flags);
  // An unknown --theme is a usage error before anything is built or watched.
  if (flags.theme !== undefined) themeFile(themeChoice(flags.theme, undefined, flags.data));
  if (flags.watch) return watchCommand(flags, roles);
  await buildAndReport(flags, roles);
}

interface ReportOptions {
  quietWarnings?: boolean;
  /** Told what the build read (also when it failed on bad input). */
  onInputs?: (read: InputRecord[]) => void;
}

async function buildAndReport(flags: BuildFlags, roles: string[], { quietWarnings = false, onInputs }: ReportOptions = {}): Promise<void> {
  const started = performance.now();
  const built = await build(
    {
      dataDir: flags.data,
      outDir: flags.out,
      roles,
      lang: flags.lang,
      theme: flags.theme,
      strict: flags.strict,
      assetsDir: flags.assets,
      force: flags.force,
      formats: flags.format,
    },
    {
      onInputs,
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
      onRemoved: (files) => {
        for (const file of files)
          process.stdout.write(`removed ${displayPath(file)} (the last build wrote it; this one writes it under another name, or not at all)\n`);
      },
    },
  );
  const ms = performance.now() - started;
  const unchanged = built.filter((doc) => doc.unchanged).length;
  process.stdout.write(
    `built ${built.length} document${built.length === 1 ? '' : 's'}${unchanged ? ` (${unchanged} unchanged)` : ''} for ${roles.join(', ')} in ${ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`}\n`,
  );
}

/**
 * `build --watch`: builds once, then watches exactly what that build read (every file, every
 * folder listing; see watch/watchBuild.ts) and after every save builds again. Fonts and modules
 * stay loaded, and the cache renders only the documents whose model changed. Bad input prints
 * its problems and the watch goes on, over what the failed build read.
 */
async function watchCommand(flags: BuildFlags, roles: string[]): Promise<void> {
  const attempt = async (options: ReportOptions = {}): Promise<InputRecord[]> => {
    let read: InputRecord[] = [];
    try {
      await buildAndReport(flags, roles, { ...options, onInputs: (records) => (read = records) });
    } catch (err) {
      reportFailure(err);
    }
    return read;
  };
  const read = await attempt();
  const { watchBuild } = await import('../../watch/watchBuild.js');
  const stop = await watchBuild({
    read,
    rebuild: async (changed) => {
      process.stdout.write(`\nchanged: ${changed.map(displayPath).join(', ')}\n`);
      return attempt({ quietWarnings: true });
    },
  });
  process.stdout.write(`watching the ${read.length} files and folders the build read — Ctrl-C to stop\n`);
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
  [
    displayPath(doc.file),
    doc.pages !== undefined ? `${doc.pages} page${doc.pages === 1 ? '' : 's'}` : '',
    formatBytes(doc.bytes),
    doc.unchanged ? 'unchanged' : `${Math.round(doc.ms)} ms`,
    doc.warnings.length ? `${doc.warnings.length} warning${doc.warnings.length === 1 ? '' : 's'}` : '',
  ]
    .filter(Boolean)
    .join('  ');

export const formatBytes = (bytes: number): string =>
  bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(2)} MB`;
