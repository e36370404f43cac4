import v8 from 'node:v8';
import './snapshotNatives.js';
import { Font } from '@react-pdf/renderer';
import { WEIGHTS } from '../core/fonts.js';
import { packageRoot } from '../core/paths.js';
import { BODY_FONT } from '../render/fonts.js';
import { prepareRenderer } from '../render/renderPdf.js';
import { prepareLookupStarts } from '../render/shaping.js';
import { runCli } from './program.js';
import { followLauncher } from './startupSnapshot.js';
// What `build` imports when it renders, loaded now so that the snapshot holds it evaluated
// (the modules of preview and watch stay lazy: pdfjs-dist, the canvas and chokidar are read
// from node_modules when those commands run).
import './commands/build.js';
import '../pipeline/prepare.js';
import '../pipeline/renderRole.js';

/*
 * The entry of the startup snapshot (scripts/compileSnapshot.mjs; why: startupSnapshot.ts).
 * It runs once, at compile time, with no user data and no arguments; the function given to
 * setDeserializeMainFunction runs in every process started from the snapshot.
 */

/**
 * The faces every document of the built-in themes draws with (the body family at the weights
 * compose/styles.ts uses: body, headline, titles, name and sections).
 */
const WARM_FACES = [WEIGHTS.Regular, WEIGHTS.Medium, WEIGHTS.SemiBold, WEIGHTS.Bold].map((fontWeight) => ({ fontFamily: BODY_FONT.fontFamily, fontWeight }));

/** The tables fontkit reads to shape text, measure glyphs and write a subset into the PDF. */
const TABLES = ['cmap', 'head', 'hhea', 'hmtx', 'maxp', 'OS/2', 'post', 'loca', 'cvt ', 'fpgm', 'prep'];

interface FontkitFace {
  [table: string]: unknown;
  GSUB?: { lookupList: { toArray(): unknown[] } };
  GPOS?: { lookupList: { toArray(): unknown[] } };
}

/**
 * fontkit decodes a face's tables when first asked, the GSUB/GPOS lookups most of all: ~0.2 s
 * of CPU in a cold render of the four faces above. Decoded here, the snapshot holds them (~4 MB
 * of snapshot, and of memory in the snapshot process, each), with the lookups' glyph bitmaps
 * of the faster shaping (src/render/shaping.ts). Only tables: no text is shaped,
 * because fontkit keeps each glyph it makes with the characters it was first made for, which
 * pdfkit writes into the PDF's text layer; a glyph made here would change the bytes of a later
 * document. A face not listed loads at run time, as before.
 */
async function warmUpFonts(): Promise<void> {
  await prepareRenderer();
  for (const face of WARM_FACES) {
    await Font.load(face);
    const font = Font.getFont(face)?.data as FontkitFace | undefined;
    if (!font || !('GSUB' in font)) continue;
    for (const table of TABLES) void font[table];
    font.GSUB?.lookupList.toArray();
    font.GPOS?.lookupList.toArray();
    prepareLookupStarts(font as unknown as Parameters<typeof prepareLookupStarts>[0]);
  }
}

warmUpFonts().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

v8.startupSnapshot.setDeserializeMainFunction(async () => {
  if (await followLauncher(packageRoot)) await runCli(process.argv);
});
