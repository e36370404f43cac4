import fs from 'node:fs';
import type { Problem } from '../core/problems.js';
import { displayPath } from '../core/paths.js';

/** Larger text files are refused: career data this big is a mistake (or an attack), not a resume. */
export const MAX_SOURCE_BYTES = 2 * 1024 * 1024;

export type ReadResult = { ok: true; text: string } | { ok: false; problem: Problem };

/** Reads a UTF-8 text file the user wrote, refusing binary, empty and oversized files with a clear problem. */
export function readSourceFile(file: string): ReadResult {
  const shown = displayPath(file);
  const at = { file: shown, line: 1, col: 1 };
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, problem: { severity: 'error', code: 'unreadable', message: `cannot read ${shown} (${code ?? 'error'})`, hint: 'check that the file exists and is readable' } };
  }
  if (bytes.length > MAX_SOURCE_BYTES) {
    return { ok: false, problem: { severity: 'error', code: 'too-large', at, message: `file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_SOURCE_BYTES / 1024 / 1024} MB`, hint: 'split the file or remove pasted binary data' } };
  }
  if (bytes.includes(0)) {
    return { ok: false, problem: { severity: 'error', code: 'binary', at, message: 'this is a binary file, not UTF-8 text', hint: 'save it as plain UTF-8 text (YAML, JSON or markdown)' } };
  }
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (text.trim() === '') {
    return { ok: false, problem: { severity: 'error', code: 'empty', at, message: 'the file is empty', hint: 'add content, or delete the file' } };
  }
  return { ok: true, text };
}
