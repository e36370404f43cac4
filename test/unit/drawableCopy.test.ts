import { PNG } from 'pngjs';
import { describe, expect, test } from 'vitest';
import { drawableCopy } from '../../src/validate/opaquePng.js';
import { FIGURE_PIXELS } from '../../src/validate/resolveImage.js';

/** A PNG of the given size; `pixel` gives each pixel's RGBA. */
function png(width: number, height: number, pixel: (x: number, y: number) => [number, number, number, number], colorType: 2 | 6 = 2): Buffer {
  const image = new PNG({ width, height });
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) image.data.set(pixel(x, y), (y * width + x) * 4);
  return PNG.sync.write(image, { colorType, inputColorType: 6, inputHasAlpha: true });
}

describe('images go into the PDF with no more pixels than the page shows', () => {
  test('a 4000-pixel screenshot becomes 1240 pixels wide (A4 at 150 dpi), its pixels averaged', () => {
    // One-pixel black and white stripes: averaged, they become grey (never black or white), half-bright on average.
    const copy = drawableCopy(
      png(4000, 400, (x) => (x % 2 ? [255, 255, 255, 255] : [0, 0, 0, 255])),
      FIGURE_PIXELS,
    );
    const image = PNG.sync.read(copy!);
    expect([image.width, image.height]).toEqual([1240, 124]);
    const row = Array.from({ length: image.width }, (_, x) => image.data[(60 * image.width + x) * 4]!);
    expect(Math.min(...row)).toBeGreaterThan(90);
    expect(Math.max(...row)).toBeLessThan(165);
    expect(Math.abs(row.reduce((a, b) => a + b, 0) / row.length - 127.5)).toBeLessThan(2);
  });

  test('a tall image fits the page height; a photo keeps enough pixels to fill its box', () => {
    const tall = PNG.sync.read(
      drawableCopy(
        png(500, 2000, () => [10, 20, 30, 255]),
        FIGURE_PIXELS,
      )!,
    );
    expect([tall.width, tall.height]).toEqual([439, 1754]);
    const photo = PNG.sync.read(
      drawableCopy(
        png(900, 1600, () => [10, 20, 30, 255]),
        { width: 150, height: 200, fit: 'cover' },
      )!,
    );
    expect([photo.width, photo.height]).toEqual([150, 267]);
  });

  test('an image within the budget goes in as it is; one with transparency gets an opaque copy of the same size', () => {
    expect(
      drawableCopy(
        png(1200, 500, () => [1, 2, 3, 255]),
        FIGURE_PIXELS,
      ),
    ).toBeUndefined();
    const copy = PNG.sync.read(
      drawableCopy(
        png(300, 200, () => [0, 0, 0, 0], 6),
        FIGURE_PIXELS,
      )!,
    );
    expect([copy.width, copy.height, copy.data[0], copy.data[3]]).toEqual([300, 200, 255, 255]);
  });
});
