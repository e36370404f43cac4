import path from 'node:path';
import { UsageError } from '../../core/problems.js';
import { displayPath } from '../../core/paths.js';
import { loadDataFolder } from '../../load/loadDataFolder.js';
import { build, type BuiltDocument } from '../../pipeline/build.js';
import { MASTER } from '../../pipeline/prepare.js';
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
}

/** `careerpdf build`: the roles asked for (or the master), one summary line per file written. */
export async function buildCommand(flags: BuildFlags): Promise<void> {
  const roles = selectRoles(flags);
  const started = performance.now();
  const built = await build(
    { dataDir: flags.data, outDir: flags.out, roles, lang: flags.lang, theme: flags.theme, strict: flags.strict, assetsDir: flags.assets },
    {
      onWarnings: (warnings) => {
        if (warnings.length > 0) process.stderr.write(`${formatProblems(warnings)}\n${summarizeProblems(warnings)} (the build goes on; --strict stops it)\n\n`);
      },
      onDocument: (doc) => {
        process.stdout.write(`${summaryLine(doc)}\n`);
        for (const w of doc.warnings) process.stdout.write(`  ${w.severity}: ${w.message}\n`);
        for (const note of doc.notes ?? []) process.stdout.write(`  ${note}\n`);
      },
    },
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  process.stdout.write(`built ${built.length} document${built.length === 1 ? '' : 's'} for ${roles.join(', ')} in ${seconds} s\n`);
}

export function selectRoles(flags: Pick<BuildFlags, 'role' | 'all' | 'data'>): string[] {
  if (flags.all && flags.role?.length) throw new UsageError('use either --all or --role, not both');
  if (flags.all) {
    const roles = [...loadDataFolder(path.resolve(flags.data)).roles.keys()];
    return [MASTER, ...roles];
  }
  return flags.role?.length ? [...new Set(flags.role)] : [MASTER];
}

export const summaryLine = (doc: BuiltDocument): string =>
  [displayPath(doc.file), doc.pages !== undefined ? `${doc.pages} page${doc.pages === 1 ? '' : 's'}` : '', formatBytes(doc.bytes), `${Math.round(doc.ms)} ms`, doc.warnings.length ? `${doc.warnings.length} warning${doc.warnings.length === 1 ? '' : 's'}` : ''].filter(Boolean).join('  ');

export const formatBytes = (bytes: number): string => (bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(2)} MB`);
