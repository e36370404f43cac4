import path from 'node:path';
import { displayPath } from '../../core/paths.js';
import type { ExportFormat } from '../../export/formats.js';
import { roleArgument } from '../../load/roleFiles.js';
import { resumeExports } from '../../pipeline/documents.js';
import { MASTER, prepare } from '../../pipeline/prepare.js';
import { roleContext } from '../../pipeline/renderRole.js';
import type { Lang } from '../../validate/schema/primitives.js';
import { findDataFolder } from '../../load/findDataFolder.js';
import { confineOutsideData } from '../../write/outputFolder.js';
import { writeAtomic } from '../../write/writeAtomic.js';
import { summarizeProblems } from '../formatProblems.js';

export interface ExportFlags {
  role?: string;
  format: ExportFormat;
  data: string;
  out?: string;
  lang?: Lang;
}

/**
 * `careerpdf export --role <id> --format jsonresume|markdown|text [--out file]`: the role's
 * tailored resume — what its PDF shows — as text, to standard output or to one file. Bad data
 * stops it as it stops a build (exit 1, nothing written); nothing is rendered.
 */
export async function exportCommand(flags: ExportFlags): Promise<void> {
  const roleId = flags.role === undefined ? MASTER : roleArgument(path.resolve(flags.data), flags.role);
  const prepared = prepare({ dataDir: flags.data, roles: [roleId], drawImages: false });
  const [exported] = resumeExports(roleContext(prepared, roleId, { lang: flags.lang }), [flags.format]);
  if (prepared.warnings.length > 0) process.stderr.write(`${summarizeProblems(prepared.warnings)} in the data (run \`careerpdf check\` to list them)\n`);
  for (const note of exported!.notes) process.stderr.write(`${flags.format}: ${note}\n`);
  if (flags.out === undefined) {
    process.stdout.write(exported!.content);
    return;
  }
  const file = path.resolve(flags.out);
  confineOutsideData(flags.data, findDataFolder({ data: flags.data }).outDir, file);
  writeAtomic(path.dirname(file), file, exported!.content);
  process.stderr.write(`wrote ${displayPath(file)} (${Buffer.byteLength(exported!.content).toLocaleString('en-US')} bytes, ${roleId})\n`);
}
