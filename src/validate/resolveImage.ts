import fs from 'node:fs';
import path from 'node:path';
import type { Problem, SourceLocation } from '../core/problems.js';
import { displayPath, isInside } from '../core/paths.js';
import { noteRead } from '../load/inputLog.js';
import { drawableCopy, uprightJpegCopy, type PixelBudget } from './opaquePng.js';
import { sniffImage } from './sniffImage.js';

/** How an image reference of a page will be drawn: the file, or a labelled placeholder frame. */
export type ImageResolution =
  /** `data`: a copy drawn instead of the file (see opaquePng): a PNG's opaque and no larger than the page needs, a JPEG's turned upright by its EXIF orientation. width and height are as drawn upright. */
  | { kind: 'file'; path: string; width: number; height: number; data?: Buffer }
  | { kind: 'placeholder'; reason: 'missing' | 'remote' | 'refused' | 'unsupported' | 'damaged' | 'unreadable'; label: string };

export interface ImageRoots {
  /** The page's folder: relative paths resolve against it. */
  pageDir: string;
  /** The data folder: nothing outside it (or the assets root) is read. */
  dataDir: string;
  /** Where site-root paths (`/static/...`) resolve; by default the data folder. */
  assetsRoot: string;
}

/** Images larger than this are refused: a portfolio figure this big is a mistake. */
const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

/**
 * Images with more pixels than this are refused from their header, before any decoding: 40 MP
 * is a 7700 × 5200 camera photo, decoded ~160 MB; a page never shows more than ~2480 × 3508
 * (A4 at 300 dpi, 8.7 MP). A 48 KB PNG can claim 20000 × 20000 (400 MP, 1.6 GB decoded).
 */
const MAX_MEGAPIXELS = 40;

const formatMegapixels = (mp: number) => (mp >= 10 ? Math.round(mp).toLocaleString('en-US') : mp.toFixed(1));

/**
 * Resolves one image reference of a page. Never touches the network and never reads outside the
 * data folder and the assets root. The problem (if any) says what will be drawn instead.
 */
/**
 * A figure is drawn at most as large as an A4 page's width and height (595 × 842 pt); at 150 dpi
 * that is 1240 × 1754 pixels. More pixels only make the PDF bigger.
 */
export const FIGURE_PIXELS: PixelBudget = { width: 1240, height: 1754, fit: 'contain' };

export interface ResolveOptions {
  /** What the message says is drawn instead of an unusable image. */
  instead?: string;
  /** The most pixels the drawing can use (a larger PNG is scaled down in its drawable copy). */
  budget?: PixelBudget;
  /** false: the file is checked from its bytes' structure only, no drawable copy is decoded (`check` draws nothing). */
  drawable?: boolean;
}

export function resolveImage(url: string, roots: ImageRoots, at: SourceLocation, options: ResolveOptions = {}): { image: ImageResolution; problem?: Problem } {
  const { instead = 'a placeholder frame is drawn', budget = FIGURE_PIXELS, drawable = true } = options;
  const placeholder = (reason: Extract<ImageResolution, { kind: 'placeholder' }>['reason'], problem: Omit<Problem, 'at' | 'code'>) => ({
    image: { kind: 'placeholder' as const, reason, label: url },
    problem: { ...problem, at, code: `image-${reason}` },
  });
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
    return /^https?:/i.test(url)
      ? placeholder('remote', {
          severity: 'warning',
          message: `remote image ${url} is not fetched (builds never use the network); ${instead}`,
          hint: 'download it into the data folder and use a local path',
        })
      : placeholder('remote', {
          severity: 'warning',
          message: `image ${shorten(url)} is not a file path; only local PNG and JPEG files are drawn`,
          hint: 'save the image as a PNG or JPEG file in the data folder',
        });
  }
  const relative = decodePath(url.replace(/[?#].*$/, ''));
  const file = relative.startsWith('/') ? path.join(roots.assetsRoot, relative) : path.resolve(roots.pageDir, relative);
  const allowed = (target: string) => isInside(roots.dataDir, target) || isInside(roots.assetsRoot, target);
  const refused = () =>
    placeholder('refused', {
      severity: 'error',
      message: `image ${url} is outside the data folder (${displayPath(file)}); it is not read`,
      hint: `keep images inside ${displayPath(roots.dataDir)} (site-root paths like /static/… resolve against ${displayPath(roots.assetsRoot)})`,
    });
  if (!allowed(file)) return refused();
  if (!fs.existsSync(file)) {
    noteRead.unread(file);
    return placeholder('missing', {
      severity: 'warning',
      message: `image ${url} not found (looked for ${displayPath(file)}); ${instead}`,
      hint: relative.startsWith('/')
        ? `site-root paths resolve against the assets root ${displayPath(roots.assetsRoot)}/ (set it with --assets <dir>)`
        : `relative paths resolve against ${displayPath(roots.pageDir)}/`,
    });
  }
  // A symbolic link inside the folder may still point outside it.
  if (!allowed(fs.realpathSync(file))) return refused();
  const read = readImageFile(file);
  if ('unreadable' in read) {
    noteRead.unread(file);
    return placeholder('unreadable', { severity: 'error', message: `image ${url} cannot be read: ${read.unreadable}; ${instead}`, hint: read.hint });
  }
  const bytes = read.bytes;
  noteRead.file(file, bytes);
  const sniffed = sniffImage(bytes);
  if (sniffed.format === 'unsupported') {
    return placeholder('unsupported', {
      severity: 'error',
      message: `image ${url} is ${sniffed.kind}, not PNG or JPEG; PDFs here can only show PNG and JPEG`,
      hint: 'convert it to PNG (diagrams, screenshots) or JPEG (photos)',
    });
  }
  if (sniffed.format === 'damaged') {
    return placeholder('damaged', {
      severity: 'warning',
      message: `image ${url} is a damaged ${sniffed.kind}: ${sniffed.damage}; ${instead}`,
      hint: 'export or download the image again (--strict makes this an error)',
    });
  }
  if (sniffed.width === 0 || sniffed.height === 0)
    return placeholder('unsupported', {
      severity: 'error',
      message: `image ${url} has no pixels (${sniffed.width}×${sniffed.height})`,
      hint: 'export the image again',
    });
  const megapixels = (sniffed.width * sniffed.height) / 1e6;
  if (megapixels > MAX_MEGAPIXELS) {
    const suggestedWidth = Math.max(1, Math.floor(sniffed.width * Math.min(1, 2480 / Math.max(sniffed.width, sniffed.height))));
    return placeholder('unsupported', {
      severity: 'error',
      message: `image ${url} is ${sniffed.width} × ${sniffed.height} px = ${formatMegapixels(megapixels)} MP, over the limit of ${MAX_MEGAPIXELS} MP`,
      hint: `scale it down, e.g. to ${suggestedWidth} px wide (a page shows at most ~2480 px: A4 at 300 dpi)`,
    });
  }
  if (!drawable) return { image: { kind: 'file', path: file, width: sniffed.width, height: sniffed.height } };
  let data: Buffer;
  try {
    // A PNG that needs no copy is drawn from its own bytes too: given the path, React-PDF would open it again, and the path
    // in the model is the drawable text's (a folder named with an emoji comes out without it, and the image went missing).
    if (sniffed.format === 'png') data = drawableCopy(bytes, budget) ?? bytes;
    // A JPEG is drawn as it is, but from its bytes, not its path: the model holds what it draws (see compose/shared/imageSource.ts).
    else data = sniffed.orientation ? uprightJpegCopy(bytes, sniffed.orientation, budget) : bytes;
  } catch (err) {
    // The structure was whole (every chunk's CRC matched, the segments reached EOI), yet the pixels do not decode.
    return placeholder('damaged', {
      severity: 'warning',
      message: `image ${url} is a damaged ${sniffed.format.toUpperCase()}: its pixels do not decode (${(err as Error).message}); ${instead}`,
      hint: 'export or download the image again (--strict makes this an error)',
    });
  }
  return { image: { kind: 'file', path: file, width: sniffed.width, height: sniffed.height, data } };
}

/** Markdown percent-encodes non-ASCII in URLs (`이미지.png` → `%EC%9D%B4…`): file names want the characters. */
function decodePath(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

const shorten = (url: string) => (url.length > 60 ? `${url.slice(0, 57)}…` : url);

/**
 * An image file's bytes, or why they cannot be had. Only a regular file is read (a FIFO would
 * block forever, a device such as /dev/zero never ends): it is opened without blocking and
 * checked on the opened descriptor, so nothing can swap the file between the check and the read;
 * then at most MAX_IMAGE_BYTES are read.
 */
function readImageFile(file: string): { bytes: Buffer } | { unreadable: string; hint: string } {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { unreadable: `it is ${fileKind(stat)}, not an image file`, hint: 'point at a PNG or JPEG file' };
    if (stat.size > MAX_IMAGE_BYTES)
      return {
        unreadable: `it is ${(stat.size / 1024 / 1024).toFixed(1)} MB, over the limit of ${MAX_IMAGE_BYTES / 1024 / 1024} MB`,
        hint: 'export it smaller (1200–2000 px wide is plenty for a page)',
      };
    const bytes = Buffer.alloc(stat.size);
    let filled = 0;
    while (filled < bytes.length) {
      const got = fs.readSync(fd, bytes, filled, bytes.length - filled, filled);
      if (got === 0) break; // the file shrank since fstat
      filled += got;
    }
    return { bytes: bytes.subarray(0, filled) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') return { unreadable: 'permission denied', hint: `let your user read it (chmod u+r ${displayPath(file)})` };
    return { unreadable: `${code ?? 'error'} (${(err as Error).message})`, hint: 'point at a PNG or JPEG file you can open' };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function fileKind(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a regular file';
}
