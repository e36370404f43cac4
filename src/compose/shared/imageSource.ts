/**
 * What `<Image src>` gets for a resolved image file: its bytes (a PNG's drawable copy, an upright
 * JPEG, or the JPEG as it is) as `{ data, format }`, which React-PDF keeps decoded for the
 * process keyed by the bytes: as a bare Buffer it was decoded again in every document that shows
 * it. Never the path: React-PDF would keep the decoded file by its path, and a replaced photo
 * would be drawn stale in watch; and the document model holds the bytes the cache hashes.
 * (The path is left only for a resolution made without drawing, which is never rendered.)
 */
export const imageSource = (image: { path: string; data?: Buffer }) =>
  image.data ? { data: image.data, format: image.data[0] === 0xff ? ('jpg' as const) : ('png' as const) } : image.path;
