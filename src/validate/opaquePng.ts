import { PNG } from 'pngjs';

/**
 * React-PDF's PDF writer (pdfkit) embeds a PNG with an alpha channel, a transparency chunk or
 * interlacing through an asynchronous decode, so the PDF's object numbers follow whichever
 * image finishes first: the same input gives different bytes. Such a PNG is drawn on white
 * instead (what the page shows anyway) and handed over as a plain RGB PNG.
 */
export function needsOpaqueCopy(png: Buffer): boolean {
  const colorType = png[25];
  const interlaced = png[28] === 1;
  return colorType === 4 || colorType === 6 || interlaced || hasChunk(png, 'tRNS');
}

export function opaqueCopy(png: Buffer): Buffer {
  const image = PNG.sync.read(png);
  const { data } = image;
  for (let i = 0; i < data.length; i += 4) {
    const alpha = data[i + 3]! / 255;
    for (let c = 0; c < 3; c++) data[i + c] = Math.round(data[i + c]! * alpha + 255 * (1 - alpha));
    data[i + 3] = 255;
  }
  return PNG.sync.write(image, { colorType: 2, inputColorType: 6, inputHasAlpha: true });
}

/** Whether a chunk appears before the image data (where tRNS must be). */
function hasChunk(png: Buffer, type: string): boolean {
  let offset = 8;
  while (offset + 8 <= png.length) {
    const length = png.readUInt32BE(offset);
    const name = png.toString('latin1', offset + 4, offset + 8);
    if (name === type) return true;
    if (name === 'IDAT' || name === 'IEND') return false;
    offset += 12 + length;
  }
  return false;
}
