/**
 * PDF's token and object syntax (ISO 32000-1, 7.2–7.3), shared by the file's objects, its page
 * content streams and its ToUnicode CMaps: numbers, names, strings, arrays, dictionaries.
 */

/** The PDF cannot be read: a structure or an encoding this reader does not handle. */
export class PdfReadError extends Error {
  override name = 'PdfReadError';
}

/** `12 0 R`: a reference to an indirect object. */
export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}

/** A stream object: its dictionary and its bytes as stored (still filtered). */
export class PdfStream {
  constructor(
    readonly dict: PdfDict,
    readonly raw: Uint8Array,
  ) {}
}

export type PdfDict = Map<string, PdfValue>;
/** A name is a JS string (without its slash), a PDF string its bytes. */
export type PdfValue = number | boolean | null | string | Uint8Array | PdfValue[] | PdfDict | PdfRef | PdfStream;

export type Token =
  | { kind: 'number'; value: number }
  | { kind: 'name'; value: string }
  | { kind: 'string'; value: Uint8Array }
  /** Operators and bare words: `obj`, `R`, `true`, `BT`, `TJ`, `beginbfrange`… */
  | { kind: 'keyword'; value: string }
  | { kind: 'delimiter'; value: '[' | ']' | '<<' | '>>' | '{' | '}' };

const isWhitespace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
const isDelimiter = (c: number) =>
  c === 0x28 || c === 0x29 || c === 0x3c || c === 0x3e || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x2f || c === 0x25;
const isRegular = (c: number) => !isWhitespace(c) && !isDelimiter(c);

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}

/** Reads tokens one after another from `pos`; `pos` can be set to read from elsewhere. */
export class PdfLexer {
  constructor(
    readonly bytes: Uint8Array,
    public pos = 0,
  ) {}

  /** The next token, or undefined at the end of the bytes. */
  next(): Token | undefined {
    const bytes = this.bytes;
    for (;;) {
      while (this.pos < bytes.length && isWhitespace(bytes[this.pos]!)) this.pos++;
      if (bytes[this.pos] !== 0x25) break; // % comment, to the end of the line
      while (this.pos < bytes.length && bytes[this.pos] !== 0x0a && bytes[this.pos] !== 0x0d) this.pos++;
    }
    if (this.pos >= bytes.length) return undefined;
    const c = bytes[this.pos]!;
    switch (c) {
      case 0x2f: // /
        return { kind: 'name', value: this.name() };
      case 0x28: // (
        return { kind: 'string', value: this.literalString() };
      case 0x3c: // <
        if (bytes[this.pos + 1] === 0x3c) {
          this.pos += 2;
          return { kind: 'delimiter', value: '<<' };
        }
        return { kind: 'string', value: this.hexString() };
      case 0x3e: // >
        if (bytes[this.pos + 1] !== 0x3e) throw new PdfReadError(`a stray ">" at byte ${this.pos}`);
        this.pos += 2;
        return { kind: 'delimiter', value: '>>' };
      case 0x5b:
      case 0x5d:
      case 0x7b:
      case 0x7d:
        this.pos++;
        return { kind: 'delimiter', value: String.fromCharCode(c) as '[' | ']' | '{' | '}' };
      case 0x29:
        throw new PdfReadError(`a stray ")" at byte ${this.pos}`);
    }
    const start = this.pos;
    const number = this.number();
    if (number !== undefined) return { kind: 'number', value: number };
    this.pos = start;
    while (this.pos < bytes.length && isRegular(bytes[this.pos]!)) this.pos++;
    return { kind: 'keyword', value: latin1(bytes, start, this.pos) };
  }

  /**
   * `12`, `-3.5`, `.5`, `+1.`: read straight from the bytes (content streams are mostly numbers).
   * Undefined, the position left anywhere, when the word is not a number.
   */
  private number(): number | undefined {
    const bytes = this.bytes;
    const sign = bytes[this.pos] === 0x2d ? -1 : 1;
    if (bytes[this.pos] === 0x2d || bytes[this.pos] === 0x2b) this.pos++;
    let value = 0;
    let digits = 0;
    let c = bytes[this.pos]!;
    for (; c >= 0x30 && c <= 0x39; c = bytes[++this.pos]!, digits++) value = value * 10 + c - 0x30;
    let divisor = 1;
    if (c === 0x2e) {
      for (c = bytes[++this.pos]!; c >= 0x30 && c <= 0x39; c = bytes[++this.pos]!, digits++) {
        value = value * 10 + c - 0x30;
        divisor *= 10;
      }
    }
    if (digits === 0 || (this.pos < bytes.length && isRegular(c))) return undefined;
    return (sign * value) / divisor;
  }

  private name(): string {
    const bytes = this.bytes;
    let name = '';
    this.pos++;
    while (this.pos < bytes.length && isRegular(bytes[this.pos]!)) {
      const c = bytes[this.pos++]!;
      const escaped = c === 0x23 ? (hexValue(bytes[this.pos] ?? 0) << 4) | hexValue(bytes[this.pos + 1] ?? 0) : -1;
      if (escaped >= 0) this.pos += 2;
      name += String.fromCharCode(escaped >= 0 ? escaped : c);
    }
    return name;
  }

  private hexString(): Uint8Array {
    const bytes = this.bytes;
    const end = bytes.indexOf(0x3e, this.pos);
    if (end < 0) throw new PdfReadError('a hex string that never ends');
    // Sized for no whitespace inside (pdfkit's content streams): a view of part of it only when there was.
    const out = new Uint8Array((end - this.pos) >> 1);
    let length = 0;
    let high = -1;
    for (this.pos++; this.pos < end; this.pos++) {
      const c = bytes[this.pos]!;
      if (isWhitespace(c)) continue;
      const v = hexValue(c);
      if (v < 0) throw new PdfReadError(`a hex string with "${String.fromCharCode(c)}" at byte ${this.pos}`);
      if (high < 0) high = v;
      else {
        out[length++] = (high << 4) | v;
        high = -1;
      }
    }
    this.pos = end + 1;
    if (high >= 0) out[length++] = high << 4; // an odd digit count ends as if followed by 0
    return length === out.length ? out : out.subarray(0, length);
  }

  private literalString(): Uint8Array {
    const bytes = this.bytes;
    const out: number[] = [];
    let depth = 1;
    for (this.pos++; this.pos < bytes.length; ) {
      let c = bytes[this.pos++]!;
      if (c === 0x28) depth++;
      else if (c === 0x29 && --depth === 0) return Uint8Array.from(out);
      else if (c === 0x5c) {
        c = bytes[this.pos++]!;
        const simple = ESCAPES.get(c);
        if (simple !== undefined) c = simple;
        else if (c >= 0x30 && c <= 0x37) {
          let octal = c - 0x30;
          for (let k = 0; k < 2 && bytes[this.pos]! >= 0x30 && bytes[this.pos]! <= 0x37; k++) octal = octal * 8 + bytes[this.pos++]! - 0x30;
          c = octal & 0xff;
        } else if (c === 0x0d || c === 0x0a) {
          // A backslash at the end of a line continues the string on the next.
          if (c === 0x0d && bytes[this.pos] === 0x0a) this.pos++;
          continue;
        }
      }
      out.push(c);
    }
    throw new PdfReadError('a string that never ends');
  }
}

const ESCAPES = new Map([
  [0x6e, 0x0a], // \n
  [0x72, 0x0d], // \r
  [0x74, 0x09], // \t
  [0x62, 0x08], // \b
  [0x66, 0x0c], // \f
]);

export function latin1(bytes: Uint8Array, start: number, end: number): string {
  let text = '';
  for (let i = start; i < end; i++) text += String.fromCharCode(bytes[i]!);
  return text;
}

/**
 * The value that starts with `token` (arrays and dictionaries read to their end). With
 * `references`, `12 0 R` is a PdfRef (object syntax); content streams and CMaps have none, and
 * are read faster without the look-ahead.
 */
export function readValue(lexer: PdfLexer, token: Token | undefined, references: boolean): PdfValue {
  if (!token) throw new PdfReadError('the bytes end inside an object');
  switch (token.kind) {
    case 'number':
      return references ? referenceOr(lexer, token.value) : token.value;
    case 'name':
    case 'string':
      return token.value;
    case 'keyword':
      if (token.value === 'true' || token.value === 'false') return token.value === 'true';
      if (token.value === 'null') return null;
      throw new PdfReadError(`"${token.value}" where a value was expected`);
    case 'delimiter':
      if (token.value === '[') {
        const array: PdfValue[] = [];
        for (let next = lexer.next(); !(next?.kind === 'delimiter' && next.value === ']'); next = lexer.next()) array.push(readValue(lexer, next, references));
        return array;
      }
      if (token.value === '<<') {
        const dict: PdfDict = new Map();
        for (let key = lexer.next(); !(key?.kind === 'delimiter' && key.value === '>>'); key = lexer.next()) {
          if (key?.kind !== 'name') throw new PdfReadError('a dictionary key that is not a name');
          dict.set(key.value, readValue(lexer, lexer.next(), references));
        }
        return dict;
      }
      throw new PdfReadError(`"${token.value}" where a value was expected`);
  }
}

/** `num gen R` when the next two tokens say so; otherwise the number, the lexer where it was. */
function referenceOr(lexer: PdfLexer, num: number): number | PdfRef {
  const after = lexer.pos;
  const gen = lexer.next();
  if (gen?.kind === 'number') {
    const r = lexer.next();
    if (r?.kind === 'keyword' && r.value === 'R') return new PdfRef(num, gen.value);
  }
  lexer.pos = after;
  return num;
}
