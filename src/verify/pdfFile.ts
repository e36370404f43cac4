import { inflateSync } from 'node:zlib';
import { latin1, PdfLexer, PdfReadError, PdfRef, PdfStream, readValue, type PdfDict, type PdfValue } from './pdfSyntax.js';

/**
 * The objects of a PDF as pdfkit writes it: one cross-reference table at `startxref`, objects
 * read when asked for (a verify reads the page tree, fonts and content streams, never the
 * images). Object streams and cross-reference streams (PDF 1.5) are not read: pdfkit writes
 * neither.
 */
export class PdfFile {
  private readonly offsets = new Map<number, number>();
  private readonly objects = new Map<number, PdfValue>();
  readonly trailer: PdfDict;

  constructor(private readonly bytes: Uint8Array) {
    const tailStart = Math.max(0, bytes.length - 1024);
    const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(latin1(bytes, tailStart, bytes.length));
    if (!startxref) throw new PdfReadError('no startxref at the end of the file');
    const lexer = new PdfLexer(bytes, Number(startxref[1]));
    if (!isKeyword(lexer.next(), 'xref')) throw new PdfReadError('no cross-reference table where startxref points (a cross-reference stream is not read)');
    for (let token = lexer.next(); !isKeyword(token, 'trailer'); token = lexer.next()) {
      const count = lexer.next();
      if (token?.kind !== 'number' || count?.kind !== 'number') throw new PdfReadError('a broken cross-reference table');
      for (let i = 0; i < count.value; i++) {
        const [offset, , use] = [lexer.next(), lexer.next(), lexer.next()];
        if (offset?.kind !== 'number' || use?.kind !== 'keyword') throw new PdfReadError('a broken cross-reference table');
        if (use.value === 'n') this.offsets.set(token.value + i, offset.value);
      }
    }
    const trailer = readValue(lexer, lexer.next(), true);
    if (!(trailer instanceof Map)) throw new PdfReadError('no trailer dictionary');
    this.trailer = trailer;
  }

  /** The value itself, or the object a reference points to. */
  resolve(value: PdfValue | undefined): PdfValue | undefined {
    return value instanceof PdfRef ? this.object(value.num) : value;
  }

  /** `dict.get(key)`, resolved, as a dictionary; `what` names it in the error. */
  dict(value: PdfValue | undefined, what: string): PdfDict {
    const resolved = this.resolve(value);
    if (resolved instanceof Map) return resolved;
    if (resolved instanceof PdfStream) return resolved.dict;
    throw new PdfReadError(`${what} is not a dictionary`);
  }

  array(value: PdfValue | undefined, what: string): PdfValue[] {
    const resolved = this.resolve(value);
    if (Array.isArray(resolved)) return resolved;
    throw new PdfReadError(`${what} is not an array`);
  }

  /** A stream's bytes, decompressed. pdfkit compresses with Flate, or not at all. */
  streamData(value: PdfValue | undefined, what: string): Uint8Array {
    const stream = this.resolve(value);
    if (!(stream instanceof PdfStream)) throw new PdfReadError(`${what} is not a stream`);
    const filter = this.resolve(stream.dict.get('Filter'));
    const filters = Array.isArray(filter) ? filter : filter === undefined ? [] : [filter];
    if (filters.length === 0) return stream.raw;
    if (filters.length > 1 || filters[0] !== 'FlateDecode' || stream.dict.has('DecodeParms'))
      throw new PdfReadError(
        `${what} is encoded as ${filters.map(String).join(' + ')}${stream.dict.has('DecodeParms') ? ' with parameters' : ''}, which is not read (only plain Flate)`,
      );
    try {
      return inflateSync(stream.raw);
    } catch (err) {
      throw new PdfReadError(`${what} cannot be decompressed (${(err as Error).message})`);
    }
  }

  private object(num: number): PdfValue | undefined {
    if (this.objects.has(num)) return this.objects.get(num);
    const offset = this.offsets.get(num);
    if (offset === undefined) return undefined; // a missing object is null (7.3.10)
    const lexer = new PdfLexer(this.bytes, offset);
    const [n, , obj] = [lexer.next(), lexer.next(), lexer.next()];
    if (n?.kind !== 'number' || n.value !== num || !isKeyword(obj, 'obj')) throw new PdfReadError(`object ${num} is not where the cross-reference table says`);
    let value = readValue(lexer, lexer.next(), true);
    const afterValue = lexer.pos;
    if (value instanceof Map && isKeyword(lexer.next(), 'stream')) value = this.stream(value, lexer.pos, num);
    else lexer.pos = afterValue;
    this.objects.set(num, value);
    return value;
  }

  private stream(dict: PdfDict, afterKeyword: number, num: number): PdfStream {
    // The keyword is followed by CRLF or LF, then exactly /Length bytes.
    const start = afterKeyword + (this.bytes[afterKeyword] === 0x0d ? 2 : 1);
    const length = this.resolve(dict.get('Length'));
    if (typeof length !== 'number' || start + length > this.bytes.length) throw new PdfReadError(`stream ${num} has no usable /Length`);
    return new PdfStream(dict, this.bytes.subarray(start, start + length));
  }
}

const isKeyword = (token: ReturnType<PdfLexer['next']>, word: string) => token?.kind === 'keyword' && token.value === word;
