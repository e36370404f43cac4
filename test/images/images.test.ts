import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createCanvas } from '@napi-rs/canvas';
import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';
import { describe, expect, test, vi } from 'vitest';
import type { SourceLocation } from '../../src/core/problems.js';
import { checkData } from '../../src/pipeline/check.js';
import { MASTER, prepare } from '../../src/pipeline/prepare.js';
import { rasterize } from '../../src/preview/rasterize.js';
import { uprightJpegCopy } from '../../src/validate/opaquePng.js';
import { resolveImage } from '../../src/validate/resolveImage.js';
import { pdfPagesText, squash } from '../helpers/pdf.js';
import { runCli, runCliInProcess, tempDir } from '../helpers/cli.js';

/*
 * Hostile and broken images (issue 11, item 4): every one is a located problem, found from the
 * file's structure before any decoding, in `check` and in `build`; never a silent omission, a
 * node abort or a hang. The broken files are made here, from a valid PNG or JPEG.
 */

const at: SourceLocation = { file: 'projects/p.md', line: 5, col: 1 };

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  let c = 0xffffffff;
  for (const b of body) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE((c ^ 0xffffffff) >>> 0);
  return Buffer.concat([head, body, crc]);
}
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
function pngOf(width: number, height: number, bitDepth: number, colorType: number, idat: Buffer, before: Buffer[] = []): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = bitDepth;
  header[9] = colorType;
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), ...before, chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}

function redPng(): Buffer {
  const image = new PNG({ width: 40, height: 20 });
  for (let i = 0; i < image.data.length; i += 4) image.data.set([200, 30, 30, 255], i);
  return PNG.sync.write(image, { colorType: 2 });
}

/** A JPEG stored 60 × 40 with a red top-left quarter (blue elsewhere, or the quarters top-right, bottom-left, bottom-right as given), and an EXIF orientation tag. */
function orientedJpeg(orientation: number, quarters = ['#0000ff', '#0000ff', '#0000ff']): Buffer {
  const canvas = createCanvas(60, 40);
  const context = canvas.getContext('2d');
  ['#ff0000', ...quarters].forEach((colour, i) => {
    context.fillStyle = colour;
    context.fillRect((i % 2) * 30, Math.floor(i / 2) * 20, 30, 20);
  });
  const jpeg = canvas.encodeSync('jpeg', 95);
  // APP1 "Exif": a little-endian TIFF header and one IFD entry, 0x0112 (orientation), SHORT.
  const tiff = Buffer.from([0x49, 0x49, 0x2a, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, orientation, 0, 0, 0, 0, 0, 0, 0]);
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]), payload]);
  return Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)]);
}

/** A data folder whose one page shows `name`, and whose resume's photo is `photo` (when given). */
function dataWith(name: string, bytes?: Buffer, photo?: string): string {
  const dir = tempDir('careerpdf-images-');
  fs.mkdirSync(path.join(dir, 'projects'));
  fs.writeFileSync(path.join(dir, 'resume.yaml'), `basics:\n  name: 홍길동\n${photo ? `  image: ${photo}\n` : ''}`);
  fs.writeFileSync(path.join(dir, 'projects', 'p.md'), `# 그림\n\n설명입니다.\n\n![그림](${name})\n`);
  if (bytes) fs.writeFileSync(path.join(dir, 'projects', name), bytes);
  return dir;
}

const resolveIn = (dir: string, name: string) => resolveImage(name, { pageDir: dir, dataDir: dir, assetsRoot: dir }, at);

describe('dimensions from the header, before decoding', () => {
  test('a 48 KB PNG of 20000 × 20000 pixels is refused with its size and the limit, at once', async () => {
    const row = Buffer.alloc(1 + 20000 / 8);
    const bomb = pngOf(20000, 20000, 1, 0, zlib.deflateSync(Buffer.concat(Array.from({ length: 20000 }, () => row)), { level: 9 }));
    expect(bomb.length).toBeLessThan(100_000);
    const dir = dataWith('bomb.png', bomb);
    const started = performance.now();
    const { image, problem } = resolveIn(path.join(dir, 'projects'), 'bomb.png');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(image.kind).toBe('placeholder');
    expect(problem).toMatchObject({ severity: 'error', at, message: 'image bomb.png is 20000 × 20000 px = 400 MP, over the limit of 40 MP' });
    expect(problem!.hint).toContain('scale it down, e.g. to 2480 px wide');
  });

  test('a PNG whose header claims 2147483647 × 1 is refused, not a node abort (check and build: exit 1)', async () => {
    const dir = dataWith('claim.png', pngOf(2147483647, 1, 8, 2, zlib.deflateSync(Buffer.alloc(10))));
    const check = await runCliInProcess(['check', '--data', dir]);
    expect(check.code, check.stderr).toBe(1);
    expect(check.stderr).toContain('p.md:5:1: image claim.png is 2147483647 × 1 px = 2,147 MP, over the limit of 40 MP');
    const build = await runCliInProcess(['build', '--data', dir, '--out', tempDir()]);
    expect(build.code, build.stderr).toBe(1);
  });
});

test('check decodes no pixels (the header is all it needs); a build makes the drawable copies', async () => {
  const translucent = new PNG({ width: 30, height: 20 });
  const dir = dataWith('clear.png', PNG.sync.write(translucent, { colorType: 6 }), 'photo.jpg');
  fs.writeFileSync(path.join(dir, 'photo.jpg'), orientedJpeg(6));
  const pngReads = vi.spyOn(PNG.sync, 'read');
  const jpegDecodes = vi.spyOn(jpeg, 'decode');
  try {
    expect(checkData({ dataDir: dir }).filter((p) => p.code.startsWith('image'))).toEqual([]);
    expect([pngReads.mock.calls.length, jpegDecodes.mock.calls.length]).toEqual([0, 0]);
    const prepared = prepare({ dataDir: dir, roles: [MASTER] });
    expect([pngReads.mock.calls.length, jpegDecodes.mock.calls.length]).toEqual([1, 1]);
    expect(Buffer.isBuffer(prepared.photo)).toBe(true);
  } finally {
    pngReads.mockRestore();
    jpegDecodes.mockRestore();
  }
});

describe('a damaged PNG or JPEG is a located warning (an error under --strict), never left out silently', () => {
  const good = redPng();
  const jpeg = orientedJpeg(1);
  const cases: [string, string, Buffer, RegExp][] = [
    ['a PNG cut in half', 'half.png', good.subarray(0, good.length >> 1), /damaged PNG: cut short: the IDAT chunk at byte 33 needs \d+ bytes/],
    [
      'a PNG with a bad CRC',
      'crc.png',
      Buffer.from(good.map((b, i) => (i === good.length - 20 ? b ^ 0xff : b))),
      /damaged PNG: the IDAT chunk at byte 33 fails its checksum \(CRC\)/,
    ],
    ['a PNG without IEND', 'noend.png', good.subarray(0, good.length - 12), /damaged PNG: cut short after \d+ bytes: no end chunk \(IEND\)/],
    [
      'garbage after the PNG signature',
      'garbage.png',
      Buffer.concat([SIGNATURE, Buffer.from('not a png at all, only words')]),
      /damaged PNG: no image header \(IHDR\)/,
    ],
    [
      'a PNG of bit depth 3 (not valid PNG)',
      'depth3.png',
      pngOf(4, 4, 3, 0, zlib.deflateSync(Buffer.alloc(12))),
      /damaged PNG: bit depth 3 is not valid for colour type 0 \(valid: 1, 2, 4, 8, 16\)/,
    ],
    ['a JPEG without its end marker', 'cut.jpg', jpeg.subarray(0, jpeg.length - 2), /damaged JPEG: cut short after \d+ bytes: no end marker \(EOI\)/],
    ['a JPEG cut before its image data', 'head.jpg', jpeg.subarray(0, 60), /damaged JPEG: cut short/],
  ];
  test.each(cases)('%s', (_, name, bytes, message) => {
    const dir = path.join(dataWith(name, bytes), 'projects');
    const { image, problem } = resolveIn(dir, name);
    expect(image).toEqual({ kind: 'placeholder', reason: 'damaged', label: name });
    expect(problem).toMatchObject({ severity: 'warning', code: 'image-damaged', at });
    expect(problem!.message).toMatch(message);
  });

  test('check reports it at the image reference; build draws a frame naming the file; --strict refuses', async () => {
    const dir = dataWith('half.png', good.subarray(0, good.length >> 1));
    expect(
      checkData({ dataDir: dir })
        .filter((p) => p.code === 'image-damaged')
        .map((p) => [p.at?.line, p.at?.col]),
    ).toEqual([[5, 1]]);
    const out = tempDir();
    const build = await runCliInProcess(['build', '--data', dir, '--out', out]);
    expect(build.code, build.stderr).toBe(0);
    expect(build.stderr).toMatch(/projects\/p\.md:5:1: image half\.png is a damaged PNG/);
    const text = squash((await pdfPagesText(fs.readFileSync(path.join(out, 'master', '홍길동-portfolio.pdf')))).join(''));
    expect(text).toContain(squash('손상된 이미지 (읽을 수 없음) — 그림'));
    expect(text).toMatch(/half.?png/); // the file name (pdfjs may split the text at the dot)
    const strict = await runCliInProcess(['build', '--data', dir, '--out', tempDir(), '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('nothing was written');
  });

  test('the fixture (a PNG cut in half, a JPEG photo cut short): check warns at both places, exit 0; --strict exit 1', async () => {
    const data = 'test/fixtures/broken/damaged-image';
    const run = await runCliInProcess(['check', '--data', data]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('damaged-image/projects/pipeline.md:5:1: image images/architecture.png is a damaged PNG: cut short');
    expect(run.stderr).toContain('damaged-image/resume.yaml:3:10  basics.image: image photo.jpg is a damaged JPEG: cut short');
    expect(run.stderr).toContain('hint: export or download the image again');
    const strict = await runCliInProcess(['check', '--data', data, '--strict']);
    expect(strict.code, strict.stderr).toBe(1);
  });

  test('the resume photo too: located at basics.image', async () => {
    const dir = dataWith('ok.png', good, 'photo.png');
    fs.writeFileSync(path.join(dir, 'photo.png'), good.subarray(0, 50));
    const photo = checkData({ dataDir: dir }).find((p) => p.code === 'image-damaged');
    expect(photo).toMatchObject({ severity: 'warning', path: 'basics.image', at: { line: 3, col: 10 } });
    expect(photo!.message).toContain('the resume is drawn without a photo');
  });
});

describe('PNG variants: the valid ones are drawn, those with transparency as an 8-bit RGB copy with the right pixels', () => {
  const RED = [255, 0, 0];
  const GREEN = [0, 255, 0];
  const BLUE = [0, 0, 255];
  const WHITE = [255, 255, 255];
  const BLACK = [0, 0, 0];
  const palette = (...colours: number[][]) => chunk('PLTE', Buffer.from(colours.flat()));
  /** Rows of packed samples, each after its filter byte (0: none). */
  const rows = (...packed: number[][]) => zlib.deflateSync(Buffer.from(packed.flatMap((row) => [0, ...row])));
  const cases: [string, Buffer, number[][]][] = [
    ['1-bit greyscale', pngOf(8, 1, 1, 0, rows([0xaa])), [WHITE, BLACK, WHITE, BLACK, WHITE, BLACK, WHITE, BLACK]],
    ['2-bit palette', pngOf(8, 1, 2, 3, rows([0x1b, 0x1b]), [palette(RED, GREEN, BLUE, WHITE)]), [RED, GREEN, BLUE, WHITE, RED, GREEN, BLUE, WHITE]],
    ['4-bit palette', pngOf(4, 1, 4, 3, rows([0x01, 0x23]), [palette(RED, GREEN, BLUE, WHITE)]), [RED, GREEN, BLUE, WHITE]],
    ['16-bit RGB', pngOf(2, 1, 16, 2, rows([0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff])), [RED, BLUE]],
    ['8-bit palette with tRNS', pngOf(2, 1, 8, 3, rows([0, 1]), [palette(RED, BLUE), chunk('tRNS', Buffer.from([0, 255]))]), [WHITE, BLUE]],
    ['8-bit grey with alpha', pngOf(2, 1, 8, 4, rows([0, 0, 0, 255])), [WHITE, BLACK]],
  ];
  test.each(cases)('%s', (name, bytes, expected) => {
    const dir = path.join(dataWith('v.png', bytes), 'projects');
    const { image, problem } = resolveIn(dir, 'v.png');
    expect(problem).toBeUndefined();
    if (image.kind !== 'file') throw new Error(`expected the file drawn, got ${JSON.stringify(image)}`);
    // Without transparency, pdfkit embeds them as they are, and they render right (looked at, rasterised at 80 dpi):
    // drawn from the file's own bytes, never from its path (see resolveImage).
    if (!/tRNS|alpha/.test(name)) return expect(image.data).toEqual(bytes);
    if (!image.data) throw new Error('expected a drawable copy');
    expect([image.data[24], image.data[25]]).toEqual([8, 2]); // 8-bit RGB
    const copy = PNG.sync.read(image.data);
    expect(Array.from({ length: copy.width }, (_, x) => [...copy.data.subarray(x * 4, x * 4 + 3)])).toEqual(expected);
  });
});

describe('an image that is not a readable regular file is a located problem, never a hang or exit 70', () => {
  test('a folder, a FIFO and an unreadable file named .png', async () => {
    const dir = path.join(dataWith('x.png'), 'projects');
    fs.mkdirSync(path.join(dir, 'folder.png'));
    expect(resolveIn(dir, 'folder.png').problem).toMatchObject({
      severity: 'error',
      code: 'image-unreadable',
      message: expect.stringContaining('it is a folder, not an image file'),
    });
    execFileSync('mkfifo', [path.join(dir, 'fifo.png')]);
    expect(resolveIn(dir, 'fifo.png').problem!.message).toContain('it is a named pipe (FIFO), not an image file');
    fs.writeFileSync(path.join(dir, 'secret.png'), redPng());
    fs.chmodSync(path.join(dir, 'secret.png'), 0);
    // root reads any file: the permission case needs an unprivileged user.
    if (process.getuid?.() !== 0) expect(resolveIn(dir, 'secret.png').problem!.message).toContain('cannot be read: permission denied');
  });

  test('a FIFO as the photo: check ends with exit 1', async () => {
    const dir = dataWith('ok.png', redPng(), 'photo.png');
    execFileSync('mkfifo', [path.join(dir, 'photo.png')]);
    const run = runCli(['check', '--data', dir], { timeoutMs: 20_000 });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain('resume.yaml:3:10  basics.image: image photo.png cannot be read: it is a named pipe (FIFO)');
  });

  test('a symbolic link to /dev/zero is refused (it leaves the data folder)', async () => {
    const dir = path.join(dataWith('x.png'), 'projects');
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.png'));
    expect(resolveIn(dir, 'zero.png').problem).toMatchObject({ severity: 'error', code: 'image-refused' });
  });
});

describe('EXIF orientation', () => {
  // Stored: red top left, green top right, blue bottom left, white bottom right. Drawn upright, per orientation: [top left, top right, bottom left, bottom right].
  const upright: Record<number, string[]> = {
    2: ['green', 'red', 'white', 'blue'],
    3: ['white', 'blue', 'green', 'red'],
    4: ['blue', 'white', 'red', 'green'],
    5: ['red', 'blue', 'green', 'white'],
    6: ['blue', 'red', 'white', 'green'],
    7: ['white', 'green', 'blue', 'red'],
    8: ['green', 'white', 'red', 'blue'],
  };
  const colourName = ([r, g, b]: Uint8Array) => (r! > 200 && g! > 200 && b! > 200 ? 'white' : r! > 200 ? 'red' : g! > 200 ? 'green' : b! > 200 ? 'blue' : '?');
  test.each(Object.entries(upright))('orientation %s: the copy is turned upright, without the tag', (orientation, corners) => {
    const copy = uprightJpegCopy(orientedJpeg(Number(orientation), ['#00ff00', '#0000ff', '#ffffff']), Number(orientation), {
      width: 1000,
      height: 1000,
      fit: 'contain',
    });
    const decoded = jpeg.decode(copy, { useTArray: true });
    expect([decoded.width, decoded.height]).toEqual(Number(orientation) > 4 ? [40, 60] : [60, 40]);
    const at = (x: number, y: number) => colourName(decoded.data.subarray((y * decoded.width + x) * 4));
    const [w, h] = [decoded.width - 5, decoded.height - 5];
    expect([at(4, 4), at(w, 4), at(4, h), at(w, h)]).toEqual(corners);
    expect(copy.includes(Buffer.from('Exif'))).toBe(false);
  });

  test('orientation 6 (turn a quarter clockwise): the layout box is portrait and the red corner lands top right', async () => {
    const dir = dataWith('turned.jpg', orientedJpeg(6));
    expect(resolveIn(path.join(dir, 'projects'), 'turned.jpg').image).toMatchObject({ kind: 'file', width: 40, height: 60 });
    const out = tempDir();
    const build = await runCliInProcess(['build', '--data', dir, '--out', out]);
    expect(build.code, build.stderr).toBe(0);
    const pages = await rasterize(fs.readFileSync(path.join(out, 'master', '홍길동-portfolio.pdf')), { dpi: 50 });
    const coloured = pages
      .map((png) => PNG.sync.read(png))
      .map((page) => {
        const red: [number, number][] = [];
        const blue: [number, number][] = [];
        for (let y = 0; y < page.height; y++) {
          for (let x = 0; x < page.width; x++) {
            const [r, g, b] = page.data.subarray((y * page.width + x) * 4);
            if (r! > 180 && g! < 80 && b! < 80) red.push([x, y]);
            if (b! > 180 && r! < 80 && g! < 80) blue.push([x, y]);
          }
        }
        return { red, blue };
      });
    const { red, blue } = coloured.find((c) => c.blue.length > 50)!;
    if (process.env.DUMP_EXIF) fs.writeFileSync(process.env.DUMP_EXIF, pages[coloured.findIndex((c) => c.blue.length > 50)]!);
    const all = [...red, ...blue];
    const [minX, maxX] = [Math.min(...all.map((p) => p[0])), Math.max(...all.map((p) => p[0]))];
    const [minY, maxY] = [Math.min(...all.map((p) => p[1])), Math.max(...all.map((p) => p[1]))];
    expect(maxY - minY).toBeGreaterThan(maxX - minX); // drawn portrait
    const centre = [red.reduce((s, p) => s + p[0], 0) / red.length, red.reduce((s, p) => s + p[1], 0) / red.length];
    expect(centre[0]).toBeGreaterThan((minX + maxX) / 2); // right half
    expect(centre[1]).toBeLessThan((minY + maxY) / 2); // top half
  });
});
