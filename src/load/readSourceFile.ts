import fs from 'node:fs';
import type { Problem, SourceLocation } from '../core/problems.js';
import { displayPath } from '../core/paths.js';
import { noteRead } from './inputLog.js';

/*
 * The one reader of every file the tool reads from the user (data, role, page, answer block,
 * theme, image): what is not a regular file is refused before it is opened (opening a FIFO
 * blocks forever, a device never ends), no more than a limit is read (a size in `stat` is not
 * trusted: /proc-like files report 0), and every file-system error becomes a located problem
 * that says what to do.
 */

/** Larger text files are refused: career data this big is a mistake (or an attack), not a resume. */
export const MAX_SOURCE_BYTES = 2 * 1024 * 1024;

/** The most a file of one kind may hold, and what to call that kind in the message. */
export interface SizeLimit {
  bytes: number;
  what: string;
}

export const DATA_FILE_LIMIT: SizeLimit = { bytes: MAX_SOURCE_BYTES, what: 'a data file' };

/**
 * Portfolio pages are held to less: markdown parsing is superlinear on pathological input (a
 * 900 KB run of `*a ` takes 19 s), and a page of 256 KB is already a hundred PDF pages.
 */
export const PAGE_FILE_LIMIT: SizeLimit = { bytes: 256 * 1024, what: 'a portfolio page' };

export type ReadResult = { ok: true; text: string } | { ok: false; problem: Problem };
export type BytesResult = { ok: true; bytes: Buffer } | { ok: false; problem: Problem };

/** What a path that is not a regular file is, in the user's words. */
function kindOf(stat: fs.Stats): string | undefined {
  if (stat.isFile()) return undefined;
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** Where a symbolic link points, for messages ("links to /dev/zero"); undefined for no link. */
function linkTarget(file: string): string | undefined {
  try {
    return fs.lstatSync(file).isSymbolicLink() ? fs.readlinkSync(file) : undefined;
  } catch {
    return undefined;
  }
}

/** A file-system error (EACCES, ENOTDIR, ELOOP…) as a problem that says what is wrong and what to do. */
export function fileSystemProblem(file: string, err: unknown, what = 'file'): Problem {
  const shown = displayPath(file);
  const code = (err as NodeJS.ErrnoException).code ?? 'error';
  const problem = (message: string, hint: string): Problem => ({ severity: 'error', code: 'unreadable', at: { file: shown, line: 1, col: 1 }, message, hint });
  switch (code) {
    case 'ENOENT': {
      const target = linkTarget(file);
      return target !== undefined
        ? problem(`${shown} is a symbolic link to ${target}, which does not exist`, 'point the link at an existing file, or replace it with the file')
        : problem(`${shown} does not exist`, `create the ${what}, or check the path`);
    }
    case 'EACCES':
    case 'EPERM':
      return problem(
        `permission denied: ${shown} cannot be read by this user`,
        `run \`chmod u+r ${shown}\` (and \`chmod u+x\` on its folders), or check who owns it`,
      );
    case 'ENOTDIR':
      return problem(`a part of the path ${shown} is a file, not a folder`, 'check the path: a folder on the way to it is a file');
    case 'ELOOP':
      return problem(`${shown} is a symbolic link that leads to itself (a loop of links)`, 'point the link at a real file');
    case 'ENAMETOOLONG':
      return problem(
        `the path ${shown} is longer than the file system allows`,
        'use a shorter file or folder name (255 bytes at most; a Hangul syllable is 3)',
      );
    case 'EISDIR':
      return problem(`${shown} is a folder, not a ${what}`, `put the ${what} there, or remove the folder`);
    default:
      return problem(`${shown} cannot be read (${code})`, 'check that the file exists and is readable');
  }
}

/** The kind check, refusing anything but a regular file (a link is followed, its target checked) before it is opened. */
function notRegular(file: string, stat: fs.Stats, what: string): Problem | undefined {
  const kind = kindOf(stat);
  if (!kind) return undefined;
  const shown = displayPath(file);
  const target = linkTarget(file);
  return {
    severity: 'error',
    code: 'not-a-file',
    at: { file: shown, line: 1, col: 1 },
    message: `${shown} is ${target !== undefined ? `a symbolic link to ${target}, ` : ''}${kind}, not a ${what}; it is not read`,
    hint:
      kind === 'a folder'
        ? `put the ${what} there, or remove the folder`
        : 'replace it with a regular file (reading a named pipe waits forever for a writer; a device may never end)',
  };
}

const CHUNK = 64 * 1024;

/**
 * Reads a regular file of at most `limit.bytes`: the bytes, or a problem. Stream-read with a cap,
 * so a file that grows or reports no size (/proc) cannot make it read more.
 */
export function readFileBytes(file: string, limit: SizeLimit): BytesResult {
  const read = readRegularFile(file, limit);
  // Noted as an input of the build, read or not (see inputLog.ts).
  if (read.ok) noteRead.file(file, read.bytes);
  else noteRead.unread(file);
  return read;
}

function readRegularFile(file: string, limit: SizeLimit): BytesResult {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (err) {
    return { ok: false, problem: fileSystemProblem(file, err) };
  }
  const refused = notRegular(file, stat, 'file');
  if (refused) return { ok: false, problem: refused };
  let fd: number;
  try {
    // O_NONBLOCK: should the path have become a FIFO since the stat, opening it does not block.
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (err) {
    return { ok: false, problem: fileSystemProblem(file, err) };
  }
  try {
    const opened = fs.fstatSync(fd);
    const changed = notRegular(file, opened, 'file');
    if (changed) return { ok: false, problem: changed };
    if (opened.size > limit.bytes) return { ok: false, problem: tooLarge(fd, file, opened.size, limit) };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK);
      const n = fs.readSync(fd, chunk, 0, CHUNK, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > limit.bytes) return { ok: false, problem: tooLarge(fd, file, total, limit, true) };
    }
    return { ok: true, bytes: Buffer.concat(chunks, total) };
  } catch (err) {
    return { ok: false, problem: fileSystemProblem(file, err) };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Reads a UTF-8 text file the user wrote, refusing other encodings (named: UTF-16, EUC-KR),
 * binary, empty and oversized files with a clear problem. The text comes back in one form for
 * every later step: a UTF-8 BOM dropped, line breaks as `\n` (a lone CR, as old Mac editors
 * wrote, is a line break too, as in YAML and markdown), Unicode NFC (macOS hands out decomposed
 * Hangul: 한 as ᄒ+ᅡ+ᆫ; fonts, counting, ids and role names must see one form).
 */
export function readSourceFile(file: string, limit: SizeLimit = DATA_FILE_LIMIT): ReadResult {
  const read = readFileBytes(file, limit);
  if (!read.ok) return read;
  return decodeSourceText(read.bytes, displayPath(file));
}

/**
 * The bytes of a text file as readSourceFile hands them on (UTF-8 only, BOM dropped, `\n`
 * line breaks, NFC), or the problem with them. For text that arrives as bytes from elsewhere
 * than a file of its own: a file inside an archive (`shown`: `export.zip › Positions.csv`).
 */
export function decodeSourceText(bytes: Buffer, shown: string): ReadResult {
  const at = { file: shown, line: 1, col: 1 };
  const utf16 = utf16Kind(bytes);
  if (utf16) {
    return {
      ok: false,
      problem: {
        severity: 'error',
        code: 'not-utf8',
        at,
        message: `the file is saved as ${utf16}, not UTF-8`,
        hint: 'save it again as UTF-8 (in most editors: Save with Encoding → UTF-8; in Notepad: Save as → Encoding: UTF-8)',
      },
    };
  }
  if (bytes.includes(0)) {
    return {
      ok: false,
      problem: {
        severity: 'error',
        code: 'binary',
        at,
        message: 'this is a binary file, not UTF-8 text',
        hint: 'save it as plain UTF-8 text (YAML, JSON or markdown)',
      },
    };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, problem: notUtf8(shown, bytes) };
  }
  if (text.trim() === '') {
    return { ok: false, problem: { severity: 'error', code: 'empty', at, message: 'the file is empty', hint: 'add content, or delete the file' } };
  }
  return { ok: true, text: normalizeText(text) };
}

/** The one form of text every step sees (see readSourceFile); line numbers are kept. */
export const normalizeText = (text: string): string => text.replace(/\r\n?/g, '\n').normalize('NFC');

/**
 * UTF-16 by its byte order mark, or (without one) by its pattern: text in UTF-16 has a NUL in
 * every other byte of its ASCII characters (newlines, spaces, YAML punctuation).
 */
function utf16Kind(bytes: Buffer): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes[2] === 0 && bytes[3] === 0 ? 'UTF-32 LE' : 'UTF-16 LE (with a byte order mark)';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16 BE (with a byte order mark)';
  const head = bytes.subarray(0, 4096 - (Math.min(bytes.length, 4096) % 2));
  if (head.length < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < head.length; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  const pairs = head.length / 2;
  if (oddNul > pairs * 0.3 && evenNul < pairs * 0.05) return 'UTF-16 LE';
  if (evenNul > pairs * 0.3 && oddNul < pairs * 0.05) return 'UTF-16 BE';
  return undefined;
}

/** What a path is, without opening it: absent, a regular file (a link to one counts), or a problem. */
export function probePath(file: string, what: string): 'absent' | 'file' | Problem {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // A dangling link is there (and wrong); a missing file is simply absent.
    if (code === 'ENOENT' && linkTarget(file) === undefined) {
      noteRead.unread(file);
      return 'absent';
    }
    return fileSystemProblem(file, err, what);
  }
  return notRegular(file, stat, what) ?? 'file';
}

/**
 * The names in a folder of the data folder (`roles/`, `projects/`, `answers/`), sorted; a missing
 * folder has none. A file, a FIFO or an unreadable folder in its place is a problem, not a crash.
 * The listing is a build input (which names are there decides what is read) unless `noted` is
 * false: the data folder itself is listed only to know it can be read, and what else it holds
 * (its `out/`, the user's notes) decides nothing.
 */
export function listFolder(dir: string, problems: Problem[], { noted = true } = {}): string[] {
  const names = listFolderNames(dir, problems);
  if (noted) noteRead.listing(dir, names);
  return names ?? [];
}

/** The names, or undefined when there is no folder to list. */
function listFolderNames(dir: string, problems: Problem[]): string[] | undefined {
  const shown = displayPath(dir);
  const at: SourceLocation = { file: shown, line: 1, col: 1 };
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' && linkTarget(dir) === undefined) return undefined;
    problems.push(fileSystemProblem(dir, err, 'folder'));
    return undefined;
  }
  if (!stat.isDirectory()) {
    const kind = kindOf(stat) ?? 'a file';
    problems.push({
      severity: 'error',
      code: 'not-a-folder',
      at,
      message: `${shown} is ${kind}, not a folder; nothing in it is read`,
      hint: `move it away and create a folder ${shown}/ (or remove it if unused)`,
    });
    return undefined;
  }
  try {
    return fs.readdirSync(dir).sort();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    problems.push(
      code === 'EACCES' || code === 'EPERM'
        ? {
            severity: 'error',
            code: 'unreadable',
            at,
            message: `permission denied: the folder ${shown} cannot be listed by this user`,
            hint: `run \`chmod u+rx ${shown}\`, or check who owns it`,
          }
        : fileSystemProblem(dir, err, 'folder'),
    );
    return undefined;
  }
}

/** How much of an oversized file is scanned to point at its longest line. */
const SCAN_BYTES = 8 * 1024 * 1024;

const size$ = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`);

/** The refusal points at the longest line (within the first 8 MB): that is usually the pasted value. */
function tooLarge(fd: number, file: string, size: number, limit: SizeLimit, atLeast = false): Problem {
  const head = Buffer.alloc(Math.min(size, SCAN_BYTES));
  const read = fs.readSync(fd, head, 0, head.length, 0);
  const scanned = head.subarray(0, read);
  let longest = { line: 1, bytes: 0 };
  for (let line = 1, start = 0; start <= scanned.length; line++) {
    const end = scanned.indexOf(0x0a, start);
    const stop = end === -1 ? scanned.length : end;
    if (stop - start > longest.bytes) longest = { line, bytes: stop - start };
    if (end === -1) break;
    start = end + 1;
  }
  // One line holding a good part of the file is the pasted value; else the file as a whole is.
  const oneLine = longest.bytes > scanned.length / 10;
  return {
    severity: 'error',
    code: 'too-large',
    at: { file: displayPath(file), line: oneLine ? longest.line : 1, col: 1 },
    message: `the file is ${atLeast ? 'more than ' : ''}${size$(size)}, over the limit of ${size$(limit.bytes)} for ${limit.what}${oneLine ? `; line ${longest.line} alone is ${size$(longest.bytes)}` : ''}`,
    hint: 'career data is a few KB of text: remove the pasted value (an encoded image, a log, a dump) or move it out of the data folder',
  };
}

/** A Korean file saved by an older editor is often EUC-KR (CP949): say so, at the first line that is not UTF-8. */
function notUtf8(shown: string, bytes: Buffer): Problem {
  let line = 1;
  for (let end = bytes.indexOf(0x0a); end !== -1; end = bytes.indexOf(0x0a, end + 1)) {
    const start = bytes.lastIndexOf(0x0a, end - 1) + 1;
    if (!isUtf8(bytes.subarray(start, end))) break;
    line++;
  }
  return {
    severity: 'error',
    code: 'not-utf8',
    at: { file: shown, line, col: 1 },
    message: 'the file is not UTF-8 text (an older Korean editor may have saved it as EUC-KR/CP949)',
    hint: 'save it again as UTF-8 (in most editors: Save with Encoding → UTF-8)',
  };
}

const isUtf8 = (bytes: Buffer): boolean => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};
