/**
 * The resolutions a preview rasterises a page at (`preview --dpi`): below 10 dpi nothing is
 * legible; an A4 page at 300 dpi is already 2480 × 3508 pixels (35 MB of canvas) per thumbnail.
 * A module of its own, so that the command line reads it without loading the rasteriser.
 */
export const DPI_RANGE = { min: 10, max: 300 } as const;
