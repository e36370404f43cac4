import fs from 'node:fs';
import type { Problem } from '../core/problems.js';
import { displayPath } from '../core/paths.js';
import { noteRead } from './inputLog.js';

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

/** Reads a UTF-8 text file the user wrote, refusing binary, empty and oversized files with a clear problem. */
export function readSourceFile(file: string, limit: SizeLimit = DATA_FILE_LIMIT): ReadResult {
  const shown = displayPath(file);
  const at = { file: shown, line: 1, col: 1 };
  let bytes: Buffer;
  try {
    // The size first: an absurd file is refused without reading it all into memory.
    const size = fs.statSync(file).size;
    if (size > limit.bytes) return { ok: false, problem: tooLarge(file, shown, size, limit.bytes, limit.what) };
    bytes = fs.readFileSync(file);
    noteRead.file(file, bytes);
  } catch (err) {
    noteRead.absent(file);
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, problem: { severity: 'error', code: 'unreadable', message: `cannot read ${shown} (${code ?? 'error'})`, hint: 'check that the file exists and is readable' } };
  }
  if (bytes.includes(0)) {
    return { ok: false, problem: { severity: 'error', code: 'binary', at, message: 'this is a binary file, not UTF-8 text', hint: 'save it as plain UTF-8 text (YAML, JSON or markdown)' } };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return { ok: false, problem: notUtf8(shown, bytes) };
  }
  if (text.trim() === '') {
    return { ok: false, problem: { severity: 'error', code: 'empty', at, message: 'the file is empty', hint: 'add content, or delete the file' } };
  }
  return { ok: true, text };
}

/** How much of an oversized file is scanned to point at its longest line. */
const SCAN_BYTES = 8 * 1024 * 1024;

/** The refusal points at the longest line (within the first 8 MB): that is usually the pasted value. */
function tooLarge(file: string, shown: string, size: number, limit: number, what: string): Problem {
  const head = Buffer.alloc(Math.min(size, SCAN_BYTES));
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  let longest = { line: 1, bytes: 0 };
  for (let line = 1, start = 0; start <= head.length; line++) {
    const end = head.indexOf(0x0a, start);
    const stop = end === -1 ? head.length : end;
    if (stop - start > longest.bytes) longest = { line, bytes: stop - start };
    if (end === -1) break;
    start = end + 1;
  }
  const size$ = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`);
  // One line holding a good part of the file is the pasted value; else the file as a whole is.
  const oneLine = longest.bytes > head.length / 10;
  return {
    severity: 'error',
    code: 'too-large',
    at: { file: shown, line: oneLine ? longest.line : 1, col: 1 },
    message: `the file is ${size$(size)}, over the limit of ${size$(limit)} for ${what}${oneLine ? `; line ${longest.line} alone is ${size$(longest.bytes)}` : ''}`,
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
  return { severity: 'error', code: 'not-utf8', at: { file: shown, line, col: 1 }, message: 'the file is not UTF-8 text (an older Korean editor may have saved it as EUC-KR/CP949)', hint: 'save it again as UTF-8 (in most editors: Save with Encoding → UTF-8)' };
}

const isUtf8 = (bytes: Buffer): boolean => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};
