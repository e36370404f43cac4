import type { PdfFont } from './pdfFont.js';
import { PdfLexer, PdfReadError, readValue, type PdfValue } from './pdfSyntax.js';
import type { TextRun } from './pdfText.js';

/** [a b c d e f]: x' = a·x + c·y + e, y' = b·x + d·y + f (ISO 32000-1, 8.3.4). */
type Matrix = [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m then n. */
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

/** What q saves and Q restores: the transformation and the text state parameters. */
interface GraphicsState {
  ctm: Matrix;
  font: PdfFont | undefined;
  fontSize: number;
  charSpacing: number;
  /** Tz / 100. */
  horizontalScaling: number;
  leading: number;
  rise: number;
}

/**
 * Runs a page's content stream for its text: one run per text-showing operator (Tj, TJ, ', "),
 * placed as a reader places it. pdfkit writes each piece of a line as `BT … Tm /F Tf [ … ] TJ ET`
 * inside q/Q and cm, its page flipped by `1 0 0 -1 0 h cm`; paths, images and colours are
 * passed over, and so is Tw (word spacing): it only widens the one-byte code 32, and every font
 * read here has two-byte codes.
 *
 * `box` is the page's MediaBox: runs are placed from its top-left corner. A run's x and width
 * span its visible glyphs (no leading or trailing spaces, as pdfjs counts them).
 */
export function readTextRuns(content: Uint8Array, fontNamed: (name: string) => PdfFont, box: readonly [number, number, number, number]): TextRun[] {
  const runs: TextRun[] = [];
  const saved: GraphicsState[] = [];
  let state: GraphicsState = { ctm: IDENTITY, font: undefined, fontSize: 0, charSpacing: 0, horizontalScaling: 1, leading: 0, rise: 0 };
  let textMatrix: Matrix = IDENTITY;
  let lineMatrix: Matrix = IDENTITY;
  const lexer = new PdfLexer(content);
  const operands: PdfValue[] = [];

  const number = (i: number, op: string): number => {
    const value = operands[i];
    if (typeof value !== 'number') throw new PdfReadError(`content stream: ${op} without its numbers`);
    return value;
  };
  const matrix = (op: string): Matrix => [number(0, op), number(1, op), number(2, op), number(3, op), number(4, op), number(5, op)];
  const moveLine = (tx: number, ty: number) => {
    lineMatrix = multiply([1, 0, 0, 1, tx, ty], lineMatrix);
    textMatrix = lineMatrix;
  };

  const show = (items: readonly PdfValue[]) => {
    const { font, fontSize, charSpacing, horizontalScaling, rise, ctm } = state;
    if (!font) throw new PdfReadError('content stream: text shown before a font is set (Tf)');
    // The text matrix only moves along its own x axis while a string is shown: its origin (e, f) is all that changes.
    const [a, b, c, d] = textMatrix;
    let [, , , , e, f] = textMatrix;
    const advance = (tx: number) => {
      e += tx * a;
      f += tx * b;
    };
    const deviceX = (tx: number) => (e + tx * a + rise * c) * ctm[0] + (f + tx * b + rise * d) * ctm[2] + ctm[4];
    let text = '';
    let left = Infinity;
    let right = -Infinity;
    let baseline = 0;
    let size = 0;
    for (const item of items) {
      if (typeof item === 'number') {
        advance((-item / 1000) * fontSize * horizontalScaling);
        continue;
      }
      if (!(item instanceof Uint8Array)) throw new PdfReadError('content stream: a TJ array holding something other than strings and numbers');
      // Two bytes a code: Identity-H, the only encoding readFont accepts.
      for (let i = 0; i + 1 < item.length; i += 2) {
        const glyph = font((item[i]! << 8) | item[i + 1]!);
        const width = (glyph.width / 1000) * fontSize * horizontalScaling;
        text += glyph.text;
        if (!glyph.blank) {
          const start = deviceX(0);
          const end = deviceX(width);
          left = Math.min(left, start, end);
          right = Math.max(right, start, end);
          if (size === 0) {
            const m = multiply([a, b, c, d, e, f], ctm);
            baseline = rise * m[3] + m[5];
            size = Math.abs(fontSize * m[3]);
          }
        }
        advance(width + charSpacing * horizontalScaling);
      }
    }
    textMatrix = [a, b, c, d, e, f];
    if (left <= right) runs.push({ text, x: left - box[0], top: box[3] - baseline - size, width: right - left });
  };

  for (let token = lexer.next(); token; token = lexer.next()) {
    if (token.kind !== 'keyword' || token.value === 'true' || token.value === 'false' || token.value === 'null') {
      operands.push(readValue(lexer, token, false));
      continue;
    }
    const op = token.value;
    switch (op) {
      case 'q':
        saved.push(state);
        state = { ...state };
        break;
      case 'Q':
        state = saved.pop() ?? state;
        break;
      case 'cm':
        state.ctm = multiply(matrix(op), state.ctm);
        break;
      case 'BT':
        textMatrix = lineMatrix = IDENTITY;
        break;
      case 'Tm':
        textMatrix = lineMatrix = matrix(op);
        break;
      case 'Td':
        moveLine(number(0, op), number(1, op));
        break;
      case 'TD':
        state.leading = -number(1, op);
        moveLine(number(0, op), number(1, op));
        break;
      case 'T*':
        moveLine(0, -state.leading);
        break;
      case 'TL':
        state.leading = number(0, op);
        break;
      case 'Tc':
        state.charSpacing = number(0, op);
        break;
      case 'Tz':
        state.horizontalScaling = number(0, op) / 100;
        break;
      case 'Ts':
        state.rise = number(0, op);
        break;
      case 'Tf': {
        const name = operands[0];
        if (typeof name !== 'string') throw new PdfReadError('content stream: Tf without a font name');
        state.font = fontNamed(name);
        state.fontSize = number(1, op);
        break;
      }
      case 'Tj':
        show(operands);
        break;
      case 'TJ': {
        const items = operands[0];
        if (!Array.isArray(items)) throw new PdfReadError('content stream: TJ without an array');
        show(items);
        break;
      }
      case "'":
        moveLine(0, -state.leading);
        show(operands);
        break;
      case '"':
        state.charSpacing = number(1, op);
        moveLine(0, -state.leading);
        show(operands.slice(2));
        break;
    }
    operands.length = 0;
  }
  return runs;
}
