import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { UserDataError } from '../core/problems.js';
import { confine, writeProblem } from './outputFolder.js';

/**
 * Every file careerpdf writes goes through here: `file` must be inside the output folder
 * `outDir` (see confine), checked before anything is created. Readers see either the old file or
 * the new one, never a half-written one: the bytes go to a temporary file in the same folder, are
 * flushed, then renamed over. A failed write (disk full, read-only…) leaves no temporary file
 * and is the user's situation (UserDataError), not a crash.
 */
export function writeAtomic(outDir: string, file: string, bytes: Buffer | string): void {
  confine(outDir, file);
  // Short and unguessable whatever the file's name (which may already be 255 bytes long); `wx`
  // creates it new, so a link planted under that name is never followed.
  const temp = path.join(path.dirname(file), `.careerpdf-${process.pid}-${crypto.randomBytes(6).toString('hex')}.tmp`);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const fd = fs.openSync(temp, 'wx');
    try {
      fs.writeFileSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  } catch (err) {
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // It fails too when the write did (ENOTDIR under a file, EACCES): the write's error is the one to tell.
    }
    throw new UserDataError([writeProblem(err, file)]);
  }
}
