import zlib from 'node:zlib';

/** What a file's first bytes say it is; React-PDF draws only PNG and JPEG. */
export type SniffedImage =
  /** width × height as drawn: a JPEG's EXIF orientation 5–8 (a quarter turn) swaps the stored pair. */
  | { format: 'png' | 'jpeg'; width: number; height: number; orientation?: number }
  | { format: 'unsupported'; kind: string }
  /** PNG or JPEG by its signature, but not whole or not valid: `damage` says what is wrong. */
  | { format: 'damaged'; kind: 'PNG' | 'JPEG'; damage: string };

const startsWith = (bytes: Buffer, signature: number[], offset = 0) => signature.every((b, i) => bytes[offset + i] === b);

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Reads the format (by magic bytes, never by extension) and, for PNG and JPEG, the pixel size and
 * whether the file is whole — from its structure only (chunks and their checksums, segments and
 * the end marker), never by decoding pixels, so that `check` stays as cheap as the header.
 */
export function sniffImage(bytes: Buffer): SniffedImage {
  if (startsWith(bytes, PNG_SIGNATURE)) return pngStructure(bytes);
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return jpegStructure(bytes);
  return { format: 'unsupported', kind: otherKind(bytes) };
}

function otherKind(bytes: Buffer): string {
  const head = bytes.subarray(0, 512).toString('latin1');
  if (head.startsWith('GIF87a') || head.startsWith('GIF89a')) return 'GIF';
  if (head.startsWith('RIFF') && head.slice(8, 12) === 'WEBP') return 'WebP';
  if (head.slice(4, 12) === 'ftypavif') return 'AVIF';
  if (head.slice(4, 8) === 'ftyp' && /heic|heix|mif1/.test(head.slice(8, 12))) return 'HEIC';
  if (head.startsWith('BM')) return 'BMP';
  if (head.startsWith('II*\0') || head.startsWith('MM\0*')) return 'TIFF';
  if (head.startsWith('%PDF')) return 'PDF';
  if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(head)) return 'SVG';
  if (bytes.length === 0) return 'an empty file';
  return bytes.subarray(0, 512).includes(0) ? 'an unknown binary format' : 'a text file';
}

/** The bit depths the PNG specification allows for each colour type. */
const PNG_BIT_DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

/** IHDR first, then every chunk with a matching CRC, up to IEND. */
function pngStructure(bytes: Buffer): SniffedImage {
  const damaged = (damage: string): SniffedImage => ({ format: 'damaged', kind: 'PNG', damage });
  if (bytes.length < 33 || bytes.readUInt32BE(8) !== 13 || bytes.toString('latin1', 12, 16) !== 'IHDR')
    return damaged('no image header (IHDR) after the PNG signature');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const [bitDepth, colorType, compression, filter, interlace] = [bytes[24]!, bytes[25]!, bytes[26]!, bytes[27]!, bytes[28]!];
  const depths = PNG_BIT_DEPTHS[colorType];
  if (!depths) return damaged(`colour type ${colorType} does not exist in PNG`);
  if (!depths.includes(bitDepth)) return damaged(`bit depth ${bitDepth} is not valid for colour type ${colorType} (valid: ${depths.join(', ')})`);
  if (compression !== 0 || filter !== 0 || interlace > 1) return damaged('unknown compression, filter or interlace method in the header');
  let offset = 8;
  let sawData = false;
  while (offset + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const end = offset + 12 + length;
    if (end > bytes.length) return damaged(`cut short: the ${safeName(type)} chunk at byte ${offset} needs ${length} bytes, the file ends first`);
    // node's native CRC: the byte loop in JavaScript took ~25 ms for a portfolio's images, before the JIT warmed up.
    if (zlib.crc32(bytes.subarray(offset + 4, offset + 8 + length)) !== bytes.readUInt32BE(offset + 8 + length))
      return damaged(`the ${safeName(type)} chunk at byte ${offset} fails its checksum (CRC)`);
    if (type === 'IDAT') sawData = true;
    if (type === 'IEND') return sawData ? { format: 'png', width, height } : damaged('no image data (IDAT)');
    offset = end;
  }
  return damaged(`cut short after ${bytes.length} bytes: no end chunk (IEND)`);
}

const safeName = (type: string) => (/^[A-Za-z]{4}$/.test(type) ? type : 'unnamed');

/** Start-of-frame markers SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC): they carry height then width. */
const isStartOfFrame = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

/**
 * Walks the JPEG's segments (APPn, tables, the frame header) to the first scan, then the
 * entropy-coded data to the end marker (EOI): a file cut short has none. Every step moves
 * forward, so the walk ends within the file's length.
 */
function jpegStructure(bytes: Buffer): SniffedImage {
  const damaged = (damage: string): SniffedImage => ({ format: 'damaged', kind: 'JPEG', damage });
  let offset = 2;
  let size: { width: number; height: number } | undefined;
  let orientation = 1;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return damaged(`no segment marker at byte ${offset}`);
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (marker === 0xd9) return damaged('the image ends before its first scan');
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2; // markers without a length
      continue;
    }
    const length = bytes.readUInt16BE(offset + 2);
    if (length < 2 || offset + 2 + length > bytes.length) return damaged(`cut short in a segment at byte ${offset}`);
    if (isStartOfFrame(marker) && !size) {
      if (length < 7) return damaged('frame header too short');
      size = { height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) };
    }
    if (marker === 0xe1) orientation = exifOrientation(bytes.subarray(offset + 4, offset + 2 + length)) ?? orientation;
    if (marker === 0xda) {
      if (!size) return damaged('a scan before any frame header (SOF)');
      if (!hasEndMarker(bytes, offset + 2 + length)) return damaged(`cut short after ${bytes.length} bytes: no end marker (EOI)`);
      return { format: 'jpeg', ...(orientation > 4 ? { width: size.height, height: size.width } : size), ...(orientation > 1 ? { orientation } : {}) };
    }
    offset += 2 + length;
  }
  return damaged(`cut short after ${bytes.length} bytes, before the image data`);
}

/** Whether FF D9 follows the scans: inside entropy-coded data FF is followed by 00 or a restart/scan marker. */
function hasEndMarker(bytes: Buffer, from: number): boolean {
  for (let i = bytes.indexOf(0xff, from); i !== -1 && i + 1 < bytes.length; i = bytes.indexOf(0xff, i + 1)) {
    if (bytes[i + 1] === 0xd9) return true;
  }
  return false;
}

/**
 * The EXIF orientation tag (0x0112) of an APP1 segment's payload: 1 upright … 8; 5–8 are a
 * quarter turn. The first IFD only, as cameras write it (and as pdfkit reads it).
 */
export function exifOrientation(app1: Buffer): number | undefined {
  if (app1.length < 14 || app1.toString('latin1', 0, 6) !== 'Exif\0\0') return undefined;
  const tiff = app1.subarray(6);
  const order = tiff.toString('latin1', 0, 2);
  if (order !== 'II' && order !== 'MM') return undefined;
  const little = order === 'II';
  const read16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const read32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  if (read16(2) !== 42) return undefined;
  const ifd = read32(4);
  if (ifd + 2 > tiff.length) return undefined;
  for (let i = 0, count = read16(ifd); i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) return undefined;
    if (read16(entry) === 0x0112) {
      const value = read16(entry + 8);
      return value >= 1 && value <= 8 ? value : undefined;
    }
  }
  return undefined;
}
