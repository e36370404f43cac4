import { createRequire } from 'node:module';
import type JpegJs from 'jpeg-js';
import type { PNG as Png } from 'pngjs';

/**
 * The decoders, loaded the first time a copy is made: a run that draws no image (`check`,
 * `match`: prepare with drawImages false) never loads or compiles them (~130 KB).
 */
let codecs: { PNG: typeof Png; jpeg: typeof JpegJs } | undefined;
function decoders(): { PNG: typeof Png; jpeg: typeof JpegJs } {
  if (!codecs) {
    const load = createRequire(import.meta.url);
    codecs = { PNG: (load('pngjs') as typeof import('pngjs')).PNG, jpeg: load('jpeg-js') as typeof JpegJs };
  }
  return codecs;
}

/**
 * React-PDF's PDF writer (pdfkit) embeds a PNG with an alpha channel, a transparency chunk or
 * interlacing through an asynchronous decode, so the PDF's object numbers follow whichever
 * image finishes first: the same input gives different bytes. Such a PNG is drawn on white
 * instead (what the page shows anyway) and handed over as a plain RGB PNG. Samples of 1, 2,
 * 4 or 16 bits (greyscale, palette, RGB) go in as they are: rendered, they come out right.
 */
export function needsOpaqueCopy(png: Buffer): boolean {
  const colorType = png[25];
  const interlaced = png[28] === 1;
  return colorType === 4 || colorType === 6 || interlaced || hasChunk(png, 'tRNS');
}

/** The most pixels a drawing can use: the box it is drawn in, at ~150 dpi. */
export interface PixelBudget {
  width: number;
  height: number;
  /** contain: the image fits inside the box (figures); cover: it fills the box, cropped (the photo). */
  fit: 'contain' | 'cover';
}

/**
 * A PNG's copy for the PDF, or undefined when the file can go in as it is: an opaque copy when
 * it has transparency (see needsOpaqueCopy), scaled down when it has more pixels than the page
 * can show (a 4000-pixel screenshot would otherwise go into the PDF at full size). The copy is an
 * RGB PNG; the layout keeps using the file's own pixel size, so nothing moves on the page.
 */
export function drawableCopy(png: Buffer, budget: PixelBudget): Buffer | undefined {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const scale = Math.min(1, fitScaleOf(width, height, budget));
  if (scale === 1 && !needsOpaqueCopy(png)) return undefined;
  if (scale === 1) return opaqueCopy(png);
  const { PNG } = decoders();
  const image = PNG.sync.read(png);
  flattenOnWhite(image.data);
  const scaled = new PNG({ width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) });
  scaled.data = Buffer.from(areaResample(image.data, width, height, scaled.width, scaled.height));
  return writeRgb(scaled);
}

/**
 * A JPEG with an EXIF orientation other than 1, turned upright: its pixels are decoded, rotated
 * or mirrored as the tag says, scaled to the budget and encoded again (quality 90) without the
 * tag. Embedded as it is, pdfkit's own turning puts the pixels in the wrong place (orientation 6
 * comes out transposed, measured on the rendered page), so nothing downstream sees the tag.
 */
export function uprightJpegCopy(file: Buffer, orientation: number, budget: PixelBudget): Buffer {
  const { jpeg } = decoders();
  const stored = jpeg.decode(file, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: 40 });
  const { width: w, height: h } = stored;
  const quarterTurn = orientation > 4;
  const [width, height] = quarterTurn ? [h, w] : [w, h];
  const turned = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [sx, sy] = storedPixel(orientation, x, y, w, h);
      turned.set(stored.data.subarray((sy * w + sx) * 4, (sy * w + sx) * 4 + 4), (y * width + x) * 4);
    }
  }
  const scale = Math.min(1, fitScaleOf(width, height, budget));
  const [outWidth, outHeight] = [Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale))];
  const data = scale === 1 ? turned : areaResample(turned, width, height, outWidth, outHeight);
  return jpeg.encode({ width: outWidth, height: outHeight, data }, 90).data;
}

/** Where the pixel drawn at (x, y) is stored, for each EXIF orientation (2–8; w × h stored). */
function storedPixel(orientation: number, x: number, y: number, w: number, h: number): [number, number] {
  switch (orientation) {
    case 2:
      return [w - 1 - x, y]; // mirrored left–right
    case 3:
      return [w - 1 - x, h - 1 - y]; // half a turn
    case 4:
      return [x, h - 1 - y]; // mirrored top–bottom
    case 5:
      return [y, x]; // transposed
    case 6:
      return [y, h - 1 - x]; // stored a quarter turn anticlockwise: turned clockwise
    case 7:
      return [w - 1 - y, h - 1 - x]; // transversed
    case 8:
      return [w - 1 - y, x]; // stored a quarter turn clockwise: turned anticlockwise
    default:
      return [x, y];
  }
}

const fitScaleOf = (width: number, height: number, budget: PixelBudget) =>
  budget.fit === 'contain' ? Math.min(budget.width / width, budget.height / height) : Math.max(budget.width / width, budget.height / height);

/** The PNG drawn on white, as an RGB PNG of the same size. */
export function opaqueCopy(png: Buffer): Buffer {
  const image = decoders().PNG.sync.read(png);
  flattenOnWhite(image.data);
  return writeRgb(image);
}

const writeRgb = (image: Png): Buffer => decoders().PNG.sync.write(image, { colorType: 2, inputColorType: 6, inputHasAlpha: true });

/** Draws RGBA pixels on white: what the page shows anyway. */
function flattenOnWhite(data: Buffer): void {
  for (let i = 0; i < data.length; i += 4) {
    const alpha = data[i + 3]! / 255;
    for (let c = 0; c < 3; c++) data[i + c] = Math.round(data[i + c]! * alpha + 255 * (1 - alpha));
    data[i + 3] = 255;
  }
}

/**
 * Scales RGBA pixels down by averaging the source pixels each new pixel covers (a box filter:
 * no ringing, text in screenshots stays readable). Rows first, then columns.
 */
function areaResample(src: Uint8Array, sw: number, sh: number, dw: number, dh: number): Uint8Array {
  const across = axisWeights(sw, dw);
  const down = axisWeights(sh, dh);
  const rows = new Float32Array(dw * sh * 4);
  for (let y = 0; y < sh; y++) {
    for (let x = 0; x < dw; x++) {
      const { start, weights } = across[x]!;
      for (let c = 0; c < 4; c++) {
        let sum = 0;
        for (let k = 0; k < weights.length; k++) sum += src[(y * sw + start + k) * 4 + c]! * weights[k]!;
        rows[(y * dw + x) * 4 + c] = sum;
      }
    }
  }
  const out = new Uint8Array(dw * dh * 4);
  for (let y = 0; y < dh; y++) {
    const { start, weights } = down[y]!;
    for (let x = 0; x < dw * 4; x++) {
      let sum = 0;
      for (let k = 0; k < weights.length; k++) sum += rows[(start + k) * dw * 4 + x]! * weights[k]!;
      out[y * dw * 4 + x] = Math.min(255, Math.round(sum));
    }
  }
  return out;
}

/** For each new pixel along one axis: the first source pixel it covers and the share of each. */
function axisWeights(from: number, to: number): { start: number; weights: number[] }[] {
  const ratio = from / to;
  return Array.from({ length: to }, (_, i) => {
    const begin = i * ratio;
    const end = Math.min(from, begin + ratio);
    const start = Math.floor(begin);
    const weights: number[] = [];
    for (let s = start; s < end; s++) weights.push((Math.min(end, s + 1) - Math.max(begin, s)) / ratio);
    return { start, weights };
  });
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
