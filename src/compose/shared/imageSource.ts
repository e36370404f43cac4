/**
 * What `<Image src>` gets for a resolved image file. A drawable copy (PNG, or an upright JPEG) goes in as
 * `{ data, format }`, which React-PDF keeps decoded for the process (keyed by its bytes): as a
 * bare Buffer it was decoded again in every document that shows it — every role's portfolio. A
 * file drawn as it is goes in by path, kept the same way.
 */
export const imageSource = (image: { path: string; data?: Buffer }) => (image.data ? { data: image.data, format: image.data[0] === 0xff ? ('jpg' as const) : ('png' as const) } : image.path);
