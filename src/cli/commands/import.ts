import { displayPath } from '../../core/paths.js';
import { importJsonResume, importLinkedIn, type ImportOptions, type ImportResult } from '../../import/importResume.js';
import { formatProblems, summarizeProblems } from '../formatProblems.js';

export interface ImportFlags {
  out: string;
  merge?: boolean;
}

/** `careerpdf import linkedin <export.zip | folder>` and `careerpdf import jsonresume <resume.json>`: a resume.yaml, and what went into it. */
export async function importCommand(kind: 'linkedin' | 'jsonresume', source: string, flags: ImportFlags): Promise<void> {
  const options: ImportOptions = { outDir: flags.out, merge: flags.merge };
  const result = kind === 'linkedin' ? await importLinkedIn(source, options) : await importJsonResume(source, options);
  report(result, flags.out);
}

function report(result: ImportResult, outDir: string): void {
  if (result.warnings.length > 0) process.stderr.write(`${formatProblems(result.warnings)}\n${summarizeProblems(result.warnings)}\n\n`);
  const lines = [`read: ${result.read.join(', ') || 'nothing'}`];
  if (result.unused.length > 0)
    lines.push(
      `not read: ${result.unused.length} other file${result.unused.length === 1 ? '' : 's'} (${result.unused.slice(0, 4).join(', ')}${result.unused.length > 4 ? ', …' : ''})`,
    );
  if (result.added === undefined) lines.push(`wrote ${displayPath(result.file)}: ${result.counts.join(', ') || 'basics only'}`);
  else if (result.added.length === 0) lines.push(`${displayPath(result.file)} already has everything imported: nothing added, the file is unchanged`);
  else lines.push(`added to ${displayPath(result.file)} (${result.added.length}): ${result.added.join(', ')}`);
  lines.push(`next: careerpdf check --data ${displayPath(outDir) || '.'}, then careerpdf build --data ${displayPath(outDir) || '.'}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}
