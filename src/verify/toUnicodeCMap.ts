import { PdfLexer, PdfReadError, readValue, type Token } from './pdfSyntax.js';

/**
 * A font's ToUnicode CMap (ISO 32000-1, 9.10.3): character code → the text it stands for, which
 * may be several characters (a ligature "fi", a surrogate pair). pdfkit writes `bfrange`s with
 * an array of targets; `bfchar` and the incrementing `bfrange` form are read too.
 */
export function readToUnicodeCMap(bytes: Uint8Array): Map<number, string> {
  const map = new Map<number, string>();
  const lexer = new PdfLexer(bytes);
  const operand = (): Token => lexer.next() ?? fail('the CMap ends inside a mapping');
  for (let token = lexer.next(); token; token = lexer.next()) {
    if (token.kind !== 'keyword') continue;
    if (token.value === 'beginbfchar') {
      for (let source = operand(); !isKeyword(source, 'endbfchar'); source = operand()) map.set(code(source), text(operand()));
    } else if (token.value === 'beginbfrange') {
      for (let low = operand(); !isKeyword(low, 'endbfrange'); low = operand()) {
        const first = code(low);
        const last = code(operand());
        if (last - first > 0xffff) fail('a range of more than 65536 codes');
        const target = operand();
        if (target.kind === 'delimiter' && target.value === '[') {
          const targets = readValue(lexer, target, false) as unknown[];
          for (let c = first; c <= last && c - first < targets.length; c++) map.set(c, decodeUtf16(targets[c - first]));
        } else {
          // One target, its last character counting up with the code.
          const start = text(target);
          const prefix = start.slice(0, -1);
          const lastUnit = start.charCodeAt(start.length - 1);
          for (let c = first; c <= last; c++) map.set(c, prefix + String.fromCharCode(lastUnit + c - first));
        }
      }
    }
  }
  return map;
}

const isKeyword = (token: Token, word: string) => token.kind === 'keyword' && token.value === word;

const fail = (message: string): never => {
  throw new PdfReadError(`ToUnicode: ${message}`);
};

/** A source code: a hex string read as a big-endian number. */
function code(token: Token): number {
  if (token.kind !== 'string') return fail('a character code that is not a hex string');
  return token.value.reduce((n, byte) => n * 256 + byte, 0);
}

function text(token: Token): string {
  return token.kind === 'string' ? decodeUtf16(token.value) : fail('a target that is not a hex string');
}

/** Targets are UTF-16BE (big-endian pairs; a surrogate pair stays a pair, as JS strings are). */
function decodeUtf16(value: unknown): string {
  if (!(value instanceof Uint8Array)) return fail('a target that is not a hex string');
  let out = '';
  for (let i = 0; i + 1 < value.length; i += 2) out += String.fromCharCode((value[i]! << 8) | value[i + 1]!);
  return out;
}
