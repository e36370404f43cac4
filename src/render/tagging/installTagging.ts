import PDFDocument from 'pdfkit';
import { Tagging, type TaggedPdfDocument } from './Tagging.js';

/*
 * A document asks for tagged PDF/UA-1 output with `conformance: 'PDF/UA'` on its <Document>
 * (compose/shared/documentMeta.ts). React-PDF hands that to pdfkit as `subset: 'PDF/UA'` (the
 * pdfuaid XMP, PDF 1.7), beside `lang` (/Lang) and `displayTitle` (DisplayDocTitle), but never
 * passes `tagged`: here pdfkit's initMarkings, which its constructor calls with the options, turns
 * it on for such a document (MarkInfo, the structure tree root, `/Tabs /S` on every page) and
 * gives the document the Tagging the patched renderer draws through.
 *
 * And pdfkit maps CID 0 (.notdef) to U+0000 in every font's ToUnicode CMap, which PDF/UA forbids
 * (Matterhorn 31-028); a tagged document's fonts write their CMap from CID 1. And pdfkit writes
 * the title, author, subject and keywords into the XMP metadata as they are: `R&D` would make it
 * malformed XML, so they go in escaped.
 * Written against pdfkit 0.20.1, pinned (package.json `overrides`); test/unit/tagging.test.ts
 * fails if these internals change.
 */

interface EmbeddedFont {
  unicode?: number[][];
  toUnicodeCmap?: () => unknown;
  document: { ref(): { end(data: string): void } };
}

interface PdfKitDocument extends TaggedPdfDocument {
  tagging?: Tagging;
  info: Record<string, unknown>;
  _addInfo(): unknown;
  initMarkings(options: { tagged?: boolean; subset?: string; lang?: string }): void;
  end(): unknown;
  _fontFamilies: Record<string, EmbeddedFont>;
}

let installed = false;

export function installTagging(): void {
  if (installed) return;
  installed = true;
  const proto = PDFDocument.prototype as unknown as PdfKitDocument;
  const initMarkings = proto.initMarkings;
  proto.initMarkings = function (this: PdfKitDocument, options) {
    if (options.subset !== 'PDF/UA') return initMarkings.call(this, options);
    initMarkings.call(this, { ...options, tagged: true });
    const tagging = new Tagging(this, options.lang);
    this.tagging = tagging;
    const end = this.end;
    this.end = function (this: PdfKitDocument) {
      // A document that says PDF/UA and is not tagged would be a lie: never written.
      if (!tagging.drawnThrough)
        throw new Error('React-PDF drew without the tagging hooks: its renderer is not patched (run `npm install`, see scripts/patchReactPdf.mjs)');
      tagging.finish();
      for (const font of Object.values(this._fontFamilies)) {
        if (font.unicode && font.toUnicodeCmap) font.toUnicodeCmap = () => toUnicodeFromCid1(font);
      }
      return end.call(this);
    };
    const addInfo = this._addInfo;
    this._addInfo = function (this: PdfKitDocument) {
      const info = this.info;
      this.info = Object.fromEntries(Object.entries(info).map(([key, value]) => [key, typeof value === 'string' ? escapeXml(value) : value]));
      try {
        return addInfo.call(this);
      } finally {
        this.info = info;
      }
    };
  };
}

const escapeXml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const hex = (n: number) => n.toString(16).padStart(4, '0');

/** pdfkit's ToUnicode CMap (the same ranges of 256 CIDs, UTF-16 targets) without the entry of CID 0. */
function toUnicodeFromCid1(font: EmbeddedFont): unknown {
  const unicode = font.unicode ?? [];
  const utf16 = (codePoints: number[]) =>
    `<${codePoints
      .flatMap((cp) => (cp > 0xffff ? [0xd800 | ((cp - 0x10000) >>> 10), 0xdc00 | (cp & 0x3ff)] : [cp]))
      .map(hex)
      .join(' ')}>`;
  const ranges: string[] = [];
  for (let start = 1; start < unicode.length; start += 256) {
    const end = Math.min(start + 256, unicode.length);
    ranges.push(`<${hex(start)}> <${hex(end - 1)}> [${unicode.slice(start, end).map(utf16).join(' ')}]`);
  }
  const cmap = font.document.ref();
  cmap.end(`/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo <<
  /Registry (Adobe)
  /Ordering (UCS)
  /Supplement 0
>> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000><ffff>
endcodespacerange
${ranges.length} beginbfrange
${ranges.join('\n')}
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end`);
  return cmap;
}
