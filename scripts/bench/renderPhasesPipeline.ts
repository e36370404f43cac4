/** The pipeline steps renderPhases times, gathered so that it imports them in one measured step. */
export { prepare, themeFor } from '../../src/pipeline/prepare.js';
export { DOCUMENT_MAKERS } from '../../src/pipeline/documents.js';
export { creationDate } from '../../src/pipeline/creationDate.js';
export { renderDocument } from '../../src/render/renderDocument.js';
export { registerFonts } from '../../src/render/fonts.js';
export { verifyDocument } from '../../src/verify/verifyDocument.js';
