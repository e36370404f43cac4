import type { Problem } from '../core/problems.js';
import type { YamlSource } from '../load/parseYaml.js';
import type { PixelBudget } from './opaquePng.js';
import { resolveImage, type ImageResolution } from './resolveImage.js';
import type { Resume } from './schema/resume.js';

/** The photo fills a 72 × 96 pt box (compose/resume/Header.tsx): 150 × 200 pixels at 150 dpi. */
const PHOTO_PIXELS: PixelBudget = { width: 150, height: 200, fit: 'cover' };

/** What the resume draws as its photo: the file (or its opaque, scaled-down copy), or nothing. */
export type Photo = string | Buffer;

/**
 * The resume's `basics.image`, checked like a portfolio image and located at its line: a
 * missing file or a URL (never fetched) is a warning and the resume is drawn without a photo;
 * a path leaving the data folder, or a file that is not PNG or JPEG, is an error.
 */
export function checkPhoto(resume: Resume, source: YamlSource, dataDir: string, drawImages = true): { photo?: Photo; problems: Problem[] } {
  const url = resume.basics?.image;
  if (!url) return { problems: [] };
  const { image, problem } = resolveImage(url, { pageDir: dataDir, dataDir, assetsRoot: dataDir }, source.locate(['basics', 'image']), {
    instead: 'the resume is drawn without a photo',
    budget: PHOTO_PIXELS,
    drawable: drawImages,
  });
  const problems = problem ? [{ ...problem, path: 'basics.image' }] : [];
  return { photo: drawable(image), problems };
}

const drawable = (image: ImageResolution): Photo | undefined => (image.kind === 'file' ? (image.data ?? image.path) : undefined);
