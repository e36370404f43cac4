/**
 * Where one cold process spends its time, phase by phase, building every document of one role:
 * `node dist/bench/renderPhases.js [--data DIR] [--role ID]` prints one JSON object.
 *
 * Compiled with code splitting (see compileRunners), so that each `await import` below really
 * loads its modules at that point and its time is the import's: node start, React-PDF's
 * import, the rest of careerpdf's, load + validate, font opening, then each document kind
 * composed, rendered and verified for the first time in the process, then all of them again.
 */
import { parseArgs } from 'node:util';

const { values: flags } = parseArgs({ options: { data: { type: 'string', default: 'data' }, role: { type: 'string', default: 'data-engineer' } } });
/** Each phase with its duration and its end on the monotonic clock that CPU profiles use (µs). */
const phases: { phase: string; ms: number; endUs: number }[] = [];
let last = 0;
/** Records the time since the previous mark (the first: since the process started). */
const mark = (phase: string) => {
  const now = performance.now();
  phases.push({ phase, ms: Math.round((now - last) * 10) / 10, endUs: Number(process.hrtime.bigint() / 1000n) });
  last = now;
};

mark('node start, until the first line of the script');
const { Font } = await import('@react-pdf/renderer');
mark('import @react-pdf/renderer (and React)');
const { prepare, themeFor, DOCUMENT_MAKERS, renderDocument, registerFonts, creationDate, verifyDocument } = await import('./renderPhasesPipeline.js');
mark("import careerpdf's own modules and their other packages");

const roleId = flags.role!;
const prepared = prepare({ dataDir: flags.data!, roles: [roleId] });
// The role's context as src/pipeline/build.ts makes it.
const context = {
  roleId,
  resume: prepared.resume,
  role: prepared.roles.get(roleId),
  theme: themeFor(prepared, roleId),
  photo: prepared.photo,
  creationDate: creationDate(prepared.resume),
  projects: prepared.projects,
  application: prepared.applications.get(roleId),
};
mark('load + validate the data folder');

// React-PDF opens a font (fontkit.open: read + parse) on first use; opening here the faces the
// theme names, in both families of the font stack (Pretendard, then PretendardJP for Hanja),
// separates that cost from the first render's.
registerFonts();
const weights = [...new Set(Object.values(context.theme.weights))];
const faces = ['Pretendard', 'PretendardJP'].flatMap((fontFamily) => weights.map((fontWeight) => ({ fontFamily, fontWeight })));
await Promise.all(faces.map((face) => Font.load(face)));
mark(`open the theme's fonts (${faces.length} faces)`);

const sizes: Record<string, number> = {};
for (const pass of ['first', 'again']) {
  for (const make of Object.values(DOCUMENT_MAKERS)) {
    const document = make(context);
    if (!document) continue;
    mark(`${pass}: compose ${document.kind} (tailor + element tree)`);
    const pdf = await renderDocument(document);
    mark(`${pass}: render ${document.kind} (layout, PDF writing, images, font subsets)`);
    verifyDocument({ file: `${document.kind}.pdf`, pdf, outline: document.outline, drawn: document.drawn, pageBudget: document.pageBudget });
    mark(`${pass}: verify ${document.kind}`);
    sizes[document.kind] = pdf.length;
  }
}

const opened = Object.values(Font.getRegisteredFonts()).flatMap((family) =>
  family.sources.filter((s) => s.data && s.src.includes('/')).map((s) => `${s.fontFamily} ${s.fontWeight}`),
);
process.stdout.write(`${JSON.stringify({ phases, pdfBytes: sizes, facesOpenAfterRenders: opened })}\n`);
