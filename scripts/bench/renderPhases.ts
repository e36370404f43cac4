/**
 * Where one cold process spends its time before and during its first render, phase by phase:
 * `node dist/bench/renderPhases.js [--data DIR] [--role ID]` prints one JSON object.
 *
 * Compiled with code splitting (see compileRunners), so that each `await import` below really
 * loads its modules at that point and its time is the import's: node start, React-PDF's
 * import, the rest of careerpdf's, then load + validate, font loading, first and later renders.
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
const { prepare, themeFor, makeResume, renderPdf, registerFonts, creationDate, verifyDocument } = await import('./renderPhasesPipeline.js');
mark("import careerpdf's own modules and their other packages");

const prepared = prepare({ dataDir: flags.data!, roles: [flags.role!] });
const context = (roleId: string) => ({ roleId, resume: prepared.resume, role: prepared.roles.get(roleId), theme: themeFor(prepared, roleId), dataDir: prepared.folder.dir, creationDate: creationDate(prepared.resume) });
const document = makeResume(context(flags.role!))!;
mark('load + validate + tailor + compose (data → element tree)');

// React-PDF opens a font (fontkit.open: read + parse) on first use; opening here every face the
// resume uses separates that cost from the render's. The weights are the theme's, in both
// families of the font stack (Pretendard, then PretendardJP for Hanja).
registerFonts();
const theme = themeFor(prepared, flags.role!);
const weights = [...new Set(Object.values(theme.weights))];
const faces = ['Pretendard', 'PretendardJP'].flatMap((fontFamily) => weights.map((fontWeight) => ({ fontFamily, fontWeight })));
await Promise.all(faces.map((face) => Font.load(face)));
mark(`open the fonts (${faces.length} faces: ${faces.map((f) => `${f.fontFamily} ${f.fontWeight}`).join(', ')})`);

const first = await renderPdf(document.element);
mark('first render (layout, PDF writing, font subsetting), fonts already open');
verifyDocument({ file: 'resume.pdf', pdf: first, content: document.content, pageBudget: document.pageBudget });
mark('verify the first PDF');
await renderPdf(makeResume(context(flags.role!))!.element);
mark('second render of the same resume');
await renderPdf(makeResume(context(flags.role!))!.element);
mark('third render of the same resume');

const opened = Object.values(Font.getRegisteredFonts()).flatMap((family) => family.sources.filter((s) => s.data).map((s) => `${s.fontFamily} ${s.fontWeight}`));
process.stdout.write(`${JSON.stringify({ phases, pdfBytes: first.length, facesOpenAfterRenders: opened })}\n`);
