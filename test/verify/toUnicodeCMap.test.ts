import { describe, expect, test } from 'vitest';
import { PdfReadError } from '../../src/verify/pdfSyntax.js';
import { readToUnicodeCMap } from '../../src/verify/toUnicodeCMap.js';

const cmap = (body: string) =>
  Buffer.from(`/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000><ffff>
endcodespacerange
${body}
endcmap
CMapName currentdict /CMap defineresource pop
end
end`);

describe('readToUnicodeCMap', () => {
  test('bfrange with an array of targets, as pdfkit writes it: one target per code, several characters for a ligature', () => {
    // pdfkit writes a multi-character target with spaces inside the hex string.
    const map = readToUnicodeCMap(cmap('1 beginbfrange\n<0000> <0004> [<0000> <c2e0> <0066 0069> <0020> <d83d de00>]\nendbfrange'));
    expect([...map]).toEqual([
      [0, '\u0000'],
      [1, '신'],
      [2, 'fi'],
      [3, ' '],
      [4, '😀'],
    ]);
  });

  test('bfchar, and bfrange with one target counting up', () => {
    const map = readToUnicodeCMap(cmap('2 beginbfchar\n<0003> <0041>\n<01a0> <00660066006C>\nendbfchar\n1 beginbfrange\n<0010> <0012> <0061>\nendbfrange'));
    expect(Object.fromEntries(map)).toEqual({ 3: 'A', 0x1a0: 'ffl', 0x10: 'a', 0x11: 'b', 0x12: 'c' });
  });

  test('a CMap cut short is a PdfReadError', () => {
    expect(() => readToUnicodeCMap(Buffer.from('1 beginbfrange\n<0000> <0004>'))).toThrow(PdfReadError);
  });
});
