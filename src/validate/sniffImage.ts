/** What a file's first bytes say it is; React-PDF draws only PNG and JPEG. */
export type SniffedImage =
  | { format: 'png' | 'jpeg'; width: number; height: number }
  | { format: 'unsupported'; kind: string };

const startsWith = (bytes: Buffer, signature: number[], offset = 0) => signature.every((b, i) => bytes[offset + i] === b);

/** Reads the format (by magic bytes, never by extension) and, for PNG and JPEG, the pixel size. */
export function sniffImage(bytes: Buffer): SniffedImage {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) && bytes.length >= 24) {
    return { format: 'png', width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) {
    const size = jpegSize(bytes);
    return size ? { format: 'jpeg', ...size } : { format: 'unsupported', kind: 'a damaged JPEG (no frame header)' };
  }
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

/** Walks JPEG segments to the first start-of-frame marker, which holds the size. */
function jpegSize(bytes: Buffer): { width: number; height: number } | undefined {
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return undefined;
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    const length = bytes.readUInt16BE(offset + 2);
    // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC), carry height then width.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) };
    }
    offset += 2 + length;
  }
  return undefined;
}
