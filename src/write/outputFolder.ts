import fs from 'node:fs';
import path from 'node:path';
import { displayPath, isInside } from '../core/paths.js';
import { UserDataError, type Problem } from '../core/problems.js';

/**
 * Where a path really is: the real path (symbolic links resolved) of its deepest existing
 * ancestor, with the parts that do not exist yet appended.
 */
function realLocation(target: string): string {
  const missing: string[] = [];
  let existing = path.resolve(target);
  for (;;) {
    try {
      return path.join(fs.realpathSync(existing), ...missing);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const parent = path.dirname(existing);
      // Not there yet (ENOENT), under a file (ENOTDIR) or a name too long to exist (ENAMETOOLONG), reported when writing: look one level up.
      if ((code !== 'ENOENT' && code !== 'ENOTDIR' && code !== 'ENAMETOOLONG') || parent === existing) throw err;
      missing.unshift(path.basename(existing));
      existing = parent;
    }
  }
}

/**
 * Refuses a path that is not inside the output folder: outside it as written (after
 * `path.resolve`: a bug, since every name under it is checked or sanitised), or, a UserDataError,
 * once the symbolic links of its existing folders are followed — an `out/<role>` that links
 * elsewhere. Every write and every removal of a build asks this first.
 */
export function confine(outDir: string, target: string): void {
  if (!isInside(outDir, target)) throw new Error(`the output path ${path.resolve(target)} is outside the output folder ${path.resolve(outDir)}`);
  const real = realLocation(target);
  const realOut = realLocation(outDir);
  if (isInside(realOut, real)) return;
  throw new UserDataError([
    {
      severity: 'error',
      code: 'outside-out',
      message: `refusing to write ${displayPath(path.resolve(target))}: it leads to ${real}, outside the output folder ${displayPath(realOut)}`,
      hint: 'a folder on the way is a symbolic link out of the output folder: remove the link, or pick another --out',
    },
  ]);
}

/**
 * Refuses a file a command would write into the data folder (an `export --out resume.yaml` replaced
 * the resume with its own text), once links are followed: only its output folder, `out/` in it, may
 * be written there. `outDir` is that folder.
 */
export function confineOutsideData(dataDir: string, outDir: string, file: string): void {
  const real = realLocation(file);
  const realData = realLocation(dataDir);
  if (!isInside(realData, real) || isInside(realLocation(outDir), real)) return;
  throw new UserDataError([
    {
      severity: 'error',
      code: 'inside-data',
      message: `refusing to write ${displayPath(path.resolve(file))}: it ${real === path.resolve(file) ? 'is' : `leads to ${real},`} in the data folder ${displayPath(realData)}, which careerpdf only reads`,
      hint: `write it elsewhere, e.g. --out ${displayPath(path.join(outDir, path.basename(file)))}`,
    },
  ]);
}

/**
 * What stops a build from writing `dirs` (folders inside `outDir`), found before anything is
 * rendered or written: an output folder that is a file, a folder that links out of it, one that
 * is read-only or on a read-only file system. Throws UserDataError with every such problem.
 */
export function checkOutputFolders(outDir: string, dirs: readonly string[]): void {
  const problems: Problem[] = [];
  // One problem per folder in the way: a read-only out is one, not one per role.
  const checked = new Set<string>();
  for (const dir of [outDir, ...dirs]) {
    try {
      confine(outDir, dir);
    } catch (err) {
      if (!(err instanceof UserDataError)) throw err;
      problems.push(...err.problems);
      continue;
    }
    const { existing, stat } = deepestExisting(dir);
    if (checked.has(existing)) continue;
    checked.add(existing);
    if (!stat.isDirectory()) {
      problems.push({
        severity: 'error',
        code: 'out-not-a-folder',
        message: `cannot write into ${displayPath(dir)}: ${displayPath(existing)} is a file, not a folder`,
        hint: 'move the file away, or pick another --out',
      });
      continue;
    }
    try {
      fs.accessSync(existing, fs.constants.W_OK | fs.constants.X_OK);
    } catch (err) {
      problems.push(writeProblem(err, existing, 'cannot write into'));
    }
  }
  if (problems.length > 0) throw new UserDataError(problems);
}

function deepestExisting(target: string): { existing: string; stat: fs.Stats } {
  let existing = path.resolve(target);
  for (;;) {
    try {
      return { existing, stat: fs.statSync(existing) };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || path.dirname(existing) === existing) throw err;
      existing = path.dirname(existing);
    }
  }
}

/** What the file system answers when a write fails for the user's situation, not for a bug. */
const REASONS: Record<string, { why: string; hint: string }> = {
  EACCES: { why: 'permission denied', hint: 'make the folder writable for you, or pick another --out' },
  EPERM: { why: 'operation not permitted', hint: 'make the folder writable for you, or pick another --out' },
  EROFS: { why: 'the file system is read-only', hint: 'pick an --out on a writable disk' },
  ENOSPC: { why: 'the disk is full', hint: 'free some space, or pick an --out on another disk' },
  EDQUOT: { why: 'your disk quota is used up', hint: 'free some space, or pick an --out on another disk' },
  ENOTDIR: { why: 'a part of the path is a file, not a folder', hint: 'move the file away, or pick another --out' },
  EEXIST: { why: 'a file is in the way of a folder', hint: 'move the file away, or pick another --out' },
  EISDIR: { why: 'a folder of that name is in the way', hint: 'move the folder away, or pick another --out' },
  ENAMETOOLONG: { why: 'the path is longer than the file system takes', hint: 'pick a shorter --out' },
  EMLINK: { why: 'the folder holds too many entries', hint: 'pick another --out' },
  ELOOP: { why: 'a symbolic link on the way loops', hint: 'remove the link, or pick another --out' },
  ENOENT: { why: 'a folder on the way is a symbolic link to nothing', hint: 'remove the link or point it at a folder, or pick another --out' },
  EIO: { why: 'the disk reported an input/output error', hint: 'check the disk, or pick an --out on another disk' },
};

/**
 * The problem for a failed write, or the error itself (rethrown) when it is no situation of the user's.
 * `folder` names what the user picks instead (init takes its folder as an argument, not --out).
 */
export function writeProblem(err: unknown, file: string, doing = 'cannot write', folder = '--out'): Problem {
  const reason = REASONS[(err as NodeJS.ErrnoException)?.code ?? ''];
  if (!reason) throw err;
  return {
    severity: 'error',
    code: 'cannot-write',
    message: `${doing} ${displayPath(file)}: ${reason.why} (${(err as NodeJS.ErrnoException).code})`,
    hint: reason.hint.replaceAll('--out', folder),
  };
}
