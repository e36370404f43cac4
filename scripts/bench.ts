/**
 * `npm run bench`: how fast careerpdf builds, measured in fresh processes, beside the engines a
 * user would pick instead (Typst; Chromium printing HTML) on the same JSON Resume, with the
 * speed issue's bars judged PASS/FAIL. Flags: --runs N (default 5), --role ID, --data DIR,
 * --json (figures as JSON on stdout; progress stays on stderr), --resources (only the oversized
 * inputs: 2,000 work entries, tables of 2,000 and 5,000 rows — wall time, peak memory, how it ended),
 * --png-bomb (only the hostile image case: `check` and `build` of a data folder with a 48 KB PNG
 * of 20000 × 20000 pixels), --cli PATH (the careerpdf entry to measure, e.g. another checkout's
 * bin/careerpdf.js, to compare two versions with the same bench; default this checkout's),
 * --quick (careerpdf's own figures only: no Typst or Chromium, no oversized inputs),
 * --fit (only the cost of `build --fit`: the example data's resume at its own budget and at a
 * budget of one page, with and without --fit), --tagging (only the cost of tagged PDF/UA-1: each
 * document of --role rendered tagged and untagged in one warm process, ms and bytes; see
 * bench/taggingCost.ts).
 *
 * What "cold" means here: a new `node` process for every measurement, running compiled
 * JavaScript (dist/, as `npm run build:pdf` does), writing into a new output folder; the OS file
 * cache is warm (one discarded warm-up run of each command first). Measurements are interleaved
 * round by round, and the engines compared to careerpdf run in pairs with a rotating order, so
 * that load on the machine falls on all of them alike.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import { FIT_STEPS } from '../src/fit/tighten.js';
import { ensureTypst } from './bench/benchTools.js';
import { writeDataFolder } from './bench/hugeInputs.js';
import { compileRunners, REPORT_USAGE, RUNNERS } from './bench/compile.js';
import { CHROMIUM } from './bench/paths.js';
import { measureWatchEdit } from './bench/watchEdit.js';
import { measureTaggingCost, taggingReport } from './bench/taggingCost.js';
import { median, pairRatios, rotate, verdict, type Bar, type Verdict } from './bench/stats.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** A JSON Resume with no projects: the resume every engine renders. */
const BENCH_RESUME = path.join(ROOT, 'test/fixtures/bench/resume.json');
/** The posting `match` reads in the bench (the example data's roles have none of their own). */
const MATCH_POSTING = path.join(ROOT, 'test/fixtures/postings/data-engineer-ko.md');

const { values: flags } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    role: { type: 'string', default: 'data-engineer' },
    data: { type: 'string', default: 'data' },
    json: { type: 'boolean', default: false },
    resources: { type: 'boolean', default: false },
    'png-bomb': { type: 'boolean', default: false },
    cli: { type: 'string' },
    quick: { type: 'boolean', default: false },
    fit: { type: 'boolean', default: false },
    tagging: { type: 'boolean', default: false },
  },
});
const CLI = flags.cli ? path.resolve(flags.cli) : path.join(ROOT, 'bin/careerpdf.js');
const runs = Number(flags.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs expects a whole number ≥ 1, got ${flags.runs}`);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'careerpdf-bench-'));
let folders = 0;
function freshDir(name: string): string {
  const dir = path.join(work, `${name}-${++folders}`);
  fs.mkdirSync(dir);
  return dir;
}
const progress = (line: string) => process.stderr.write(`${line}\n`);

interface Sample {
  ms: number;
  /** The sum of the peaks of every node process of the command. */
  maxRssMiB: number;
  stdout: string;
  /** The exit code: 0, or 1 where the run is expected to refuse its input (measure's `exits`). */
  code: number;
  stderr: string;
}

/**
 * Runs `node <args>` in a new process and times it from spawn to exit. Peak memory is summed
 * over the node processes of the run (each reports its own maxRSS at exit, see reportUsage.ts).
 */
async function measure(args: string[], exits: readonly number[] = [0]): Promise<Sample> {
  const usageFile = path.join(work, `usage-${++folders}`);
  // The measured processes run plain node with the probe only: no loader the bench itself may run under (tsx).
  // Nor NODE_EXTRA_CA_CERTS, which some machines set (this one does): node parses that CA bundle
  // on every start (20 ms idle, 85 ms under load measured here), and careerpdf never opens TLS.
  const { NODE_EXTRA_CA_CERTS: _caBundle, ...inherited } = process.env;
  const env = { ...inherited, NODE_OPTIONS: `--require ${REPORT_USAGE}`, BENCH_USAGE_FILE: usageFile };
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const ms = performance.now() - started;
  if (code === null || !exits.includes(code)) throw new Error(`node ${args.join(' ')} exited with ${code}:\n${stderr}${stdout}`);
  const reports = fs.readdirSync(work).filter((name) => name.startsWith(`${path.basename(usageFile)}.`));
  const maxRssKiB = reports.reduce((sum, name) => sum + (JSON.parse(fs.readFileSync(path.join(work, name), 'utf8')) as { maxRssKiB: number }).maxRssKiB, 0);
  return { ms, maxRssMiB: maxRssKiB / 1024, stdout, code, stderr };
}

// ---- the commands measured ------------------------------------------------------------------

/** A cold build must render: `--force` bypasses a build cache, where the CLI has one. */
async function coldFlags(): Promise<string[]> {
  const help = await measure([CLI, 'build', '--help']);
  return help.stdout.includes('--force') ? ['--force'] : [];
}

type Command = () => string[];

interface Engine {
  name: 'careerpdf' | 'typst' | 'chromium';
  /** A command writing the bench resume's PDF to `out`. */
  command: (out: string) => string[];
  /** Where its PDF lands for a given `out`. */
  pdf: (out: string) => string;
}

function engines(cold: string[], withTypst: boolean, withChromium: boolean): Engine[] {
  const runner = (name: string) => (out: string) => [path.join(RUNNERS, `engines/${name}.js`), BENCH_RESUME, path.join(out, `${name}.pdf`)];
  const list: Engine[] = [
    // The bench resume has no projects and there is no role: only the resume is built.
    {
      name: 'careerpdf',
      command: (out) => [CLI, 'build', '--data', path.dirname(BENCH_RESUME), '--out', out, ...cold],
      pdf: (out) => onlyPdf(path.join(out, 'master')),
    },
  ];
  if (withTypst) list.push({ name: 'typst', command: runner('typst'), pdf: (out) => path.join(out, 'typst.pdf') });
  if (withChromium) list.push({ name: 'chromium', command: runner('chromium'), pdf: (out) => path.join(out, 'chromium.pdf') });
  return list;
}

function onlyPdf(dir: string): string {
  const pdfs = fs.readdirSync(dir).filter((name) => name.endsWith('.pdf'));
  if (pdfs.length !== 1) throw new Error(`expected one PDF (the resume) in ${dir}, found ${pdfs.length}: ${pdfs.join(', ')}`);
  return path.join(dir, pdfs[0]!);
}

// ---- what the builds wrote --------------------------------------------------------------------

interface DocumentFigure {
  role: string;
  kind: string;
  file: string;
  bytes: number;
  pages?: number;
  /** The CLI's own per-document time (render + verify), median over the cold --all runs. */
  renderMs?: number;
}

interface Manifest {
  role: string;
  documents: { kind: string; file: string; bytes: number; pages?: number }[];
}

const readManifests = (out: string): Manifest[] =>
  fs
    .readdirSync(out)
    .map((role) => path.join(out, role, 'manifest.json'))
    .filter((file) => fs.existsSync(file))
    .map((file) => JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest);

/** The CLI prints one line per document: its path, pages, size, then "<n> ms". */
function cliDocumentMs(stdout: string, file: string): number | undefined {
  const line = stdout.split('\n').find((l) => l.includes(file));
  const ms = line?.match(/(\d+) ms\b/);
  return ms ? Number(ms[1]) : undefined;
}

function documentFigures(out: string, allStdouts: string[]): DocumentFigure[] {
  return readManifests(out).flatMap((manifest) =>
    manifest.documents.map((doc) => {
      const times = allStdouts.map((stdout) => cliDocumentMs(stdout, doc.file)).filter((ms): ms is number => ms !== undefined);
      return { role: manifest.role, kind: doc.kind, file: doc.file, bytes: doc.bytes, pages: doc.pages, renderMs: times.length ? median(times) : undefined };
    }),
  );
}

// ---- oversized inputs (issue 11: bounded time and memory) -------------------------------------

interface ResourceCase {
  name: string;
  ms: number;
  peakRssMiB: number;
  /** What the build did: the pages it wrote, or the first line of its refusal. */
  outcome: string;
}

/** One build of a generated data folder; a refusal (exit 1) is an outcome. */
async function resourceCase(name: string, parts: Parameters<typeof writeDataFolder>[1]): Promise<ResourceCase> {
  const data = writeDataFolder(freshDir('huge'), parts);
  const sample = await measure([CLI, 'build', '--data', data, '--out', freshDir('huge-out'), '--force'], [0, 1]);
  const outcome =
    sample.code === 0
      ? sample.stdout
          .split('\n')
          .filter((line) => line.includes('.pdf'))
          .map((line) => line.replace(/^.*\//, ''))
          .join('; ')
      : `refused: ${sample.stderr.split('\n')[0]!.replace(/^error \S+\s+/, '')}`;
  return { name, ms: sample.ms, peakRssMiB: sample.maxRssMiB, outcome };
}

const resourceCases = async (): Promise<ResourceCase[]> => [
  await resourceCase('2,000 work entries', { workEntries: 2000 }),
  await resourceCase('a 2,000-row table', { tableRows: 2000 }),
  await resourceCase('a 5,000-row table', { tableRows: 5000 }),
];

function resourceReport(cases: readonly ResourceCase[]): string {
  const w = [24, 9, 10];
  const lines = [
    'oversized inputs (one cold build each); targets: under 10 s and 500 MB, or a clear refusal under 1 s',
    row(['input', 'wall', 'peak RSS', ''], w),
  ];
  for (const c of cases) lines.push(`${row([c.name, seconds(c.ms), `${c.peakRssMiB.toFixed(0)} MB`], w)}  ${c.outcome.slice(0, 160)}`);
  return `${lines.join('\n')}\n`;
}

// ---- the cost of fit (issue 12) ---------------------------------------------------------------

interface FitCase {
  name: string;
  /** The resume's own time as the CLI prints it (render, fit and verify), median, without and with --fit. */
  withoutMs: number;
  withMs: number;
  /** Layouts fit added: from its note `(n extra renders)`; when the minimums could not fit it, the whole bisection and the minimums (4). */
  extraRenders: number;
  /** What fit said: what it changed, or why it could not. */
  outcome: string;
}

/** The example data with the role's resume budget set to `pages` (the role file's `pages: resume:` line rewritten). */
function dataWithBudget(pages: number): string {
  const dir = freshDir('fit-data');
  fs.cpSync(path.resolve(ROOT, flags.data!), dir, { recursive: true });
  const roleFile = path.join(dir, 'roles', `${flags.role}.yaml`);
  const text = fs.readFileSync(roleFile, 'utf8');
  const budget = /^(pages:\s*\n\s+resume:\s*)\d+/m;
  if (!budget.test(text)) throw new Error(`${roleFile} has no "pages:\n  resume: N" to rewrite`);
  fs.writeFileSync(roleFile, text.replace(budget, `$1${pages}`));
  return dir;
}

/** The role's resume built cold, without and with --fit, `runs` rounds interleaved. */
async function fitCase(name: string, data: string, role = flags.role!): Promise<FitCase> {
  const build = (fit: boolean) => [CLI, 'build', '--data', data, '--role', role, '--out', freshDir('fit-out'), '--force', ...(fit ? ['--fit'] : [])];
  const resumeMs = (sample: Sample) => {
    const line = sample.stdout.split('\n').find((l) => /resume\.pdf/.test(l));
    return Number(line?.match(/(\d+) ms\b/)?.[1] ?? Number.NaN);
  };
  const without: number[] = [];
  const withFit: Sample[] = [];
  for (let round = 0; round < runs; round++) {
    without.push(resumeMs(await measure(build(false))));
    withFit.push(await measure(build(true)));
  }
  const stdout = withFit.at(-1)!.stdout;
  const note = stdout.match(/^ {2}((?:fitted to|last page pulled back|fit:).*)$/m)?.[1];
  const impossible = stdout.match(/warning: (the resume does not fit[^;\n]*)/)?.[1];
  return {
    name,
    withoutMs: median(without),
    withMs: median(withFit.map(resumeMs)),
    extraRenders: Number(note?.match(/\((\d+) extra renders\)/)?.[1] ?? (impossible ? Math.log2(FIT_STEPS) + 1 : 0)),
    outcome: note ?? impossible ?? 'fits as it is: nothing tightened',
  };
}

const fitCases = async (): Promise<FitCase[]> => [
  await fitCase(`${flags.role} resume, its own budget`, path.resolve(ROOT, flags.data!)),
  await fitCase(`${flags.role} resume, a budget of 1 page`, dataWithBudget(1)),
  // Not the example data: a resume a third over one page, which fit brings to one (the most renders fit does).
  await fitCase('test/fixtures/fit, a third over 1 page', path.join(ROOT, 'test/fixtures/fit'), 'classic'),
];

function fitReport(cases: readonly FitCase[]): string {
  const w = [44, 12, 12, 14];
  const lines = [
    `build --fit (resume's own time as the CLI prints it, median of ${runs}; fit renders at most 4 more times)`,
    row(['case', 'without', 'with --fit', 'extra renders'], w),
  ];
  for (const c of cases) lines.push(`${row([c.name, `${c.withoutMs} ms`, `${c.withMs} ms`, String(c.extraRenders)], w)}  ${c.outcome}`);
  return `${lines.join('\n')}\n`;
}

// ---- the run ----------------------------------------------------------------------------------

interface Summary {
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** The highest peak resident memory of any run. */
  peakRssMiB: number;
  samplesMs: number[];
}

const summarize = (samples: Sample[]): Summary => ({
  medianMs: median(samples.map((s) => s.ms)),
  minMs: Math.min(...samples.map((s) => s.ms)),
  maxMs: Math.max(...samples.map((s) => s.ms)),
  peakRssMiB: Math.max(...samples.map((s) => s.maxRssMiB)),
  samplesMs: samples.map((s) => Math.round(s.ms)),
});

async function main() {
  if (flags.resources) {
    await compileRunners();
    const cases = await resourceCases();
    fs.rmSync(work, { recursive: true, force: true });
    process.stdout.write(flags.json ? `${JSON.stringify(cases, null, 2)}\n` : resourceReport(cases));
    return;
  }
  const loadAtStart = os.loadavg()[0]!;
  progress(`compiling the bench's runners into ${path.relative(ROOT, RUNNERS)}/ …`);
  await compileRunners();
  const cold = await coldFlags();
  const withChromium = !flags.quick && fs.existsSync(CHROMIUM);
  if (!withChromium && !flags.quick) progress(`note: ${CHROMIUM} is absent, so Chromium is skipped (on Debian: apt-get install chromium)`);
  const typst = flags.quick ? { ok: false as const, reason: '--quick' } : ensureTypst(progress);
  if (!typst.ok) progress(`note: Typst is skipped: ${typst.reason}`);
  const compared = engines(cold, typst.ok, withChromium);

  const roleBuild: Command = () => [CLI, 'build', '--data', flags.data!, '--role', flags.role!, '--out', freshDir('role'), ...cold];
  const allBuild = (out: string) => [CLI, 'build', '--data', flags.data!, '--all', '--out', out, ...cold];
  const rebuild = (out: string) => [CLI, 'build', '--data', flags.data!, '--all', '--out', out];
  // The posting issue's bar: `match` renders nothing, so its cold start is the whole of it.
  const match: Command = () => [CLI, 'match', '--data', flags.data!, '--role', flags.role!, '--posting', MATCH_POSTING];

  progress('warm-up (not counted) …');
  await measure(roleBuild());
  await measure(allBuild(freshDir('all')));
  await measure(match());
  for (const engine of compared) await measure(engine.command(freshDir(engine.name)));

  const samples = { role: [] as Sample[], all: [] as Sample[], rebuild: [] as Sample[], match: [] as Sample[] };
  const engineSamples = new Map<Engine['name'], Sample[]>(compared.map((e) => [e.name, []]));
  let lastAll = '';
  const engineBytes = new Map<Engine['name'], number>();
  for (let round = 0; round < runs; round++) {
    progress(`round ${round + 1}/${runs} …`);
    samples.role.push(await measure(roleBuild()));
    lastAll = freshDir('all');
    samples.all.push(await measure(allBuild(lastAll)));
    samples.rebuild.push(await measure(rebuild(lastAll)));
    samples.match.push(await measure(match()));
    for (const engine of rotate(compared, round)) {
      const out = freshDir(engine.name);
      engineSamples.get(engine.name)!.push(await measure(engine.command(out)));
      engineBytes.set(engine.name, fs.statSync(engine.pdf(out)).size);
    }
  }

  progress('watch: one-line edits to PDF …');
  const watchMs = await measureWatchEdit(CLI, flags.data!, flags.role!, runs);

  if (!flags.quick) progress('oversized inputs …');
  const resources = flags.quick ? [] : await resourceCases();

  progress('fit: its cost …');
  const fit = await fitCases();

  const documents = documentFigures(
    lastAll,
    samples.all.map((s) => s.stdout),
  );
  const engineSummaries = compared.map((engine) => ({
    name: engine.name,
    ...summarize(engineSamples.get(engine.name)!),
    pdfBytes: engineBytes.get(engine.name)!,
  }));
  const careerpdfMs = engineSamples.get('careerpdf')!.map((s) => s.ms);
  const ratioTo = (name: Engine['name']) =>
    engineSamples.has(name)
      ? median(
          pairRatios(
            careerpdfMs,
            engineSamples.get(name)!.map((s) => s.ms),
          ),
        )
      : undefined;
  const careerpdfRuns = [...samples.role, ...samples.all, ...samples.rebuild, ...samples.match, ...engineSamples.get('careerpdf')!];
  const largest = (kind: string) => {
    const sizes = documents.filter((d) => d.kind === kind).map((d) => d.bytes);
    return sizes.length ? Math.max(...sizes) : undefined;
  };

  const bars: Bar[] = [
    {
      name: 'resume cold ÷ Typst cold (median of pairs)',
      measured: ratioTo('typst'),
      compare: '<=',
      limit: 4,
      unit: '×',
      note: typst.ok ? undefined : 'Typst could not be installed',
    },
    {
      name: 'resume cold ÷ Chromium cold (median of pairs)',
      measured: ratioTo('chromium'),
      compare: '<=',
      limit: 0.5,
      unit: '×',
      note: withChromium ? undefined : `${CHROMIUM} absent`,
    },
    { name: 'cold build --all (median wall)', measured: summarize(samples.all).medianMs / 1000, compare: '<', limit: 2.0, unit: 's' },
    { name: 'rebuild --all, nothing changed (median wall)', measured: summarize(samples.rebuild).medianMs / 1000, compare: '<', limit: 0.4, unit: 's' },
    { name: 'match --posting, cold (median wall)', measured: summarize(samples.match).medianMs / 1000, compare: '<', limit: 0.5, unit: 's' },
    { name: 'watch: one-line edit saved → resume PDF written (median)', measured: median(watchMs), compare: '<', limit: 250, unit: 'ms' },
    {
      name: 'peak memory, any careerpdf run (processes summed)',
      measured: Math.max(...careerpdfRuns.map((s) => s.maxRssMiB)),
      compare: '<',
      limit: 300,
      unit: 'MB',
    },
    { name: 'largest resume PDF', measured: kib(largest('resume')), compare: '<', limit: 150, unit: 'KB' },
    {
      name: 'largest portfolio PDF',
      measured: mib(largest('portfolio')),
      compare: '<',
      limit: 1.5,
      unit: 'MB',
      note: largest('portfolio') === undefined ? 'no portfolio built yet' : undefined,
    },
  ];

  const result = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
    },
    // Other work on the machine slows every measurement: the 1-minute load average, before and after.
    loadAverage: { start: loadAtStart, end: os.loadavg()[0]! },
    cli: path.relative(ROOT, CLI) || CLI,
    runs,
    cold: { freshProcess: true, freshOutDir: true, forceFlag: cold.length > 0 },
    careerpdf: {
      role: { id: flags.role, ...summarize(samples.role) },
      all: { documents: documents.length, ...summarize(samples.all) },
      rebuild: summarize(samples.rebuild),
      match: summarize(samples.match),
      watchEditMs: watchMs,
      documents,
    },
    sameResume: { resume: path.relative(ROOT, BENCH_RESUME), engines: engineSummaries, ratios: { typst: ratioTo('typst'), chromium: ratioTo('chromium') } },
    bars: bars.map((bar) => ({ ...bar, verdict: verdict(bar) })),
    resources,
    fit,
  };
  fs.rmSync(work, { recursive: true, force: true });
  process.stdout.write(
    flags.json ? `${JSON.stringify(result, null, 2)}\n` : `${report(result)}\n${flags.quick ? '' : resourceReport(resources)}\n${fitReport(fit)}`,
  );
}

// ---- hostile input: the PNG bomb ------------------------------------------------------------

/** A data folder whose one portfolio page shows a 48 KB 1-bit PNG claiming 20000 × 20000 pixels (1.6 GB as RGBA). */
function pngBombData(): string {
  const dir = freshDir('png-bomb');
  fs.mkdirSync(path.join(dir, 'projects'));
  fs.writeFileSync(path.join(dir, 'resume.yaml'), 'basics:\n  name: 홍길동\n');
  fs.writeFileSync(path.join(dir, 'projects', 'bomb.md'), '# 폭탄\n\n그림입니다.\n\n![폭탄](bomb.png)\n');
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    let c = 0xffffffff;
    for (const b of body) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    const framed = Buffer.alloc(body.length + 8);
    framed.writeUInt32BE(data.length, 0);
    body.copy(framed, 4);
    framed.writeUInt32BE((c ^ 0xffffffff) >>> 0, body.length + 4);
    return framed;
  };
  const side = 20000;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 1; // 1-bit greyscale
  const rows = Buffer.alloc((1 + side / 8) * side);
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  fs.writeFileSync(path.join(dir, 'projects', 'bomb.png'), png);
  return dir;
}

/** `--png-bomb`: wall time and peak memory of `check` and `build` refusing the bomb (exit 1), against the bar of 1 s and 150 MB. */
async function pngBombCase() {
  await compileRunners();
  const data = pngBombData();
  const bombBytes = fs.statSync(path.join(data, 'projects', 'bomb.png')).size;
  const samples = { check: [] as Sample[], build: [] as Sample[] };
  for (let round = 0; round < runs; round++) {
    samples.check.push(await measure([CLI, 'check', '--data', data], [1]));
    samples.build.push(await measure([CLI, 'build', '--data', data, '--out', freshDir('png-bomb-out')], [1]));
  }
  const lines = [`PNG bomb (${size(bombBytes)}, 20000 × 20000 px), ${runs} runs each; both must refuse it (exit 1)`];
  for (const [name, runsOf] of Object.entries(samples)) {
    const s = summarize(runsOf);
    const bar: Bar = { name: `${name}: median wall / peak RSS`, measured: s.medianMs / 1000, compare: '<', limit: 1, unit: 's' };
    lines.push(
      `  ${verdict(bar)}/${s.peakRssMiB < 150 ? 'PASS' : 'FAIL'}  ${name.padEnd(6)} ${seconds(s.medianMs)} median (${seconds(s.minMs)}–${seconds(s.maxMs)}), peak ${s.peakRssMiB.toFixed(0)} MB  (under 1 s and 150 MB)`,
    );
  }
  fs.rmSync(work, { recursive: true, force: true });
  process.stdout.write(
    flags.json
      ? `${JSON.stringify({ date: new Date().toISOString(), bombBytes, check: summarize(samples.check), build: summarize(samples.build) }, null, 2)}\n`
      : `${lines.join('\n')}\n`,
  );
}

// ---- the printed report -----------------------------------------------------------------------

const kib = (bytes: number | undefined) => (bytes === undefined ? undefined : bytes / 1024);
const mib = (bytes: number | undefined) => (bytes === undefined ? undefined : bytes / 1024 / 1024);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const size = (bytes: number) => (bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(2)} MB`);
const row = (cells: string[], widths: number[]) =>
  `  ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')}`.trimEnd();

function report(r: {
  date: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string };
  loadAverage: { start: number; end: number };
  cli: string;
  runs: number;
  cold: { forceFlag: boolean };
  careerpdf: { role: Summary & { id?: string }; all: Summary & { documents: number }; rebuild: Summary; match: Summary; documents: DocumentFigure[] };
  sameResume: { resume: string; engines: (Summary & { name: string; pdfBytes: number })[]; ratios: Record<string, number | undefined> };
  bars: (Bar & { verdict: Verdict })[];
}): string {
  const lines: string[] = [];
  lines.push(
    `careerpdf bench  ${r.date.slice(0, 16).replace('T', ' ')} UTC  ·  node ${r.machine.node}  ·  ${r.machine.cpus} cores (${r.machine.cpuModel})  ·  ${r.machine.memoryGiB} GiB`,
  );
  lines.push(`measuring ${r.cli}`);
  lines.push(`${r.runs} runs each; cold = a fresh node process and output folder${r.cold.forceFlag ? ', --force' : ''} (OS file cache warm)`);
  lines.push(
    `load average (1 min) ${r.loadAverage.start.toFixed(2)} at the start, ${r.loadAverage.end.toFixed(2)} at the end: above 0.5 or so, other work was slowing these figures`,
  );
  lines.push('');
  const w = [44, 9, 9, 9, 10];
  lines.push(row(['careerpdf, example data', 'median', 'min', 'max', 'peak RSS'], w));
  const summaryRow = (name: string, s: Summary) => row([name, seconds(s.medianMs), seconds(s.minMs), seconds(s.maxMs), `${s.peakRssMiB.toFixed(0)} MB`], w);
  lines.push(summaryRow(`build --role ${r.careerpdf.role.id}`, r.careerpdf.role));
  lines.push(summaryRow(`build --all (${r.careerpdf.all.documents} documents)`, r.careerpdf.all));
  lines.push(summaryRow('build --all again, nothing changed', r.careerpdf.rebuild));
  lines.push(summaryRow(`match --role ${r.careerpdf.role.id} --posting …`, r.careerpdf.match));
  lines.push(row(['  per document, cold --all', seconds(r.careerpdf.all.medianMs / Math.max(1, r.careerpdf.all.documents))], w));
  lines.push('');
  const dw = [44, 10, 6, 22];
  lines.push(row(['documents (cold --all)', 'size', 'pages', 'CLI time, median'], dw));
  for (const d of r.careerpdf.documents)
    lines.push(row([`${d.role}/${d.kind}`, size(d.bytes), String(d.pages ?? ''), d.renderMs !== undefined ? `${d.renderMs} ms` : 'n/a'], dw));
  lines.push('');
  const ew = [44, 9, 9, 9, 10, 9, 14];
  lines.push(`same JSON Resume (${r.sameResume.resume}), one cold process per render, engines in rotating pairs`);
  lines.push(row(['engine', 'median', 'min', 'max', 'peak RSS', 'PDF', 'careerpdf ÷ it'], ew));
  for (const e of r.sameResume.engines) {
    const ratio = r.sameResume.ratios[e.name];
    const rss = e.name === 'chromium' ? `${e.peakRssMiB.toFixed(0)} MB*` : `${e.peakRssMiB.toFixed(0)} MB`;
    lines.push(
      row([e.name, seconds(e.medianMs), seconds(e.minMs), seconds(e.maxMs), rss, size(e.pdfBytes), ratio !== undefined ? `${ratio.toFixed(2)}×` : ''], ew),
    );
  }
  if (r.sameResume.engines.some((e) => e.name === 'chromium')) lines.push("  * the driving node process only; the browser's own processes are not counted");
  else lines.push(`  chromium: skipped (${CHROMIUM} absent)`);
  lines.push('');
  lines.push('bars');
  for (const bar of r.bars) {
    const measured = bar.measured === undefined ? 'n/a' : `${bar.measured.toFixed(2)} ${bar.unit}`;
    lines.push(
      `  ${bar.verdict}  ${bar.name.padEnd(52)} ${measured.padStart(10)}  (${bar.compare === '<' ? 'under' : 'at most'} ${bar.limit} ${bar.unit})${bar.note ? `  ${bar.note}` : ''}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

try {
  if (flags['png-bomb']) await pngBombCase();
  else if (flags.tagging) {
    const costs = await measureTaggingCost(flags.data!, flags.role!, runs);
    process.stdout.write(flags.json ? `${JSON.stringify(costs, null, 2)}\n` : taggingReport(costs));
  } else if (flags.fit) {
    await compileRunners();
    const cases = await fitCases();
    fs.rmSync(work, { recursive: true, force: true });
    process.stdout.write(flags.json ? `${JSON.stringify(cases, null, 2)}\n` : fitReport(cases));
  } else await main();
} catch (err) {
  fs.rmSync(work, { recursive: true, force: true });
  throw err;
}
