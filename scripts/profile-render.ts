/**
 * `npm run -s bench:profile`: where a cold careerpdf process spends its time, phase by phase
 * (node start, React-PDF's import, careerpdf's import, data → element tree, font opening, first,
second and third render), as medians over --runs N fresh processes (default 3); then one more
 * process under V8's CPU profiler, whose samples are split by phase and attributed to the npm
 * package (or V8/node part) running them. Flags: --data DIR, --role ID, --runs N, --json.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { compileRunners, RUNNERS } from './bench/compile.js';
import { median } from './bench/stats.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: flags } = parseArgs({
  options: {
    data: { type: 'string', default: 'data' },
    role: { type: 'string', default: 'data-engineer' },
    runs: { type: 'string', default: '3' },
    json: { type: 'boolean', default: false },
  },
});

interface PhaseRun {
  phases: { phase: string; ms: number; endUs: number }[];
  pdfBytes: Record<string, number>;
  facesOpenAfterRenders: string[];
}

/** One fresh process of renderPhases.js, optionally under `node --cpu-prof`. */
function runPhases(nodeFlags: string[] = []): PhaseRun {
  // As in the bench: the measured process runs plain node, whatever loader runs this script.
  const { NODE_OPTIONS: _loader, ...env } = process.env;
  const stdout = execFileSync(process.execPath, [...nodeFlags, path.join(RUNNERS, 'renderPhases.js'), '--data', flags.data!, '--role', flags.role!], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
  });
  return JSON.parse(stdout) as PhaseRun;
}

// ---- CPU profile attribution ----------------------------------------------------------------

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** What a sampled frame belongs to: an npm package, a part of node, or V8 itself. */
function owner(frame: { functionName: string; url: string }): string {
  if (!frame.url) return frame.functionName === '(garbage collector)' ? 'V8 garbage collector' : `V8 ${frame.functionName || '(anonymous native)'}`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(frame.url)?.[1];
  if (pkg) return pkg;
  if (frame.url.startsWith('node:internal/modules') || frame.url.startsWith('node:internal/vm')) return 'node module loading';
  if (frame.url.startsWith('node:')) return `node ${frame.url.replace(/^node:(internal\/)?/, '')}`;
  return 'careerpdf';
}

/** Self time (ms) per owner and per function, in each phase (a sample belongs to the phase it falls in). */
function attribute(profile: CpuProfile, phases: PhaseRun['phases']) {
  const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const byPhase = phases.map((p) => ({ phase: p.phase, owners: new Map<string, number>(), functions: new Map<string, number>() }));
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i]!;
    // A sample stands for the time until the next one.
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const phase = byPhase[phases.findIndex((p) => at <= p.endUs)];
    const frame = frames.get(id);
    if (!phase || !frame || frame.functionName === '(idle)') return;
    const who = owner(frame);
    phase.owners.set(who, (phase.owners.get(who) ?? 0) + ms);
    const fn = `${who}: ${frame.functionName || '(anonymous)'}${frame.url ? ` ${path.basename(frame.url)}:${frame.lineNumber + 1}` : ''}`;
    phase.functions.set(fn, (phase.functions.get(fn) ?? 0) + ms);
  });
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, ms]) => ({ name, ms: Math.round(ms) }));
  return byPhase.map((p) => ({ phase: p.phase, owners: top(p.owners, 8), functions: top(p.functions, 8) }));
}

function profiledRun() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'careerpdf-profile-'));
  try {
    const run = runPhases(['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '250']);
    const file = fs.readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
    if (!file) throw new Error('node --cpu-prof wrote no profile');
    return { run, attribution: attribute(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as CpuProfile, run.phases) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Wall time of CLI commands that render nothing: what loading the CLI alone costs. */
function cliStartMs(args: string[]): number {
  const times = [0, 1, 2].map(() => {
    const started = performance.now();
    execFileSync(process.execPath, [path.join(ROOT, 'bin/careerpdf.js'), ...args], { cwd: ROOT, stdio: 'ignore' });
    return performance.now() - started;
  });
  return Math.round(median(times));
}

async function main() {
  await compileRunners();
  const runs = Array.from({ length: Number(flags.runs) }, () => runPhases());
  const phases = runs[0]!.phases.map((p, i) => ({ phase: p.phase, medianMs: Math.round(median(runs.map((r) => r.phases[i]!.ms))) }));
  const profiled = profiledRun();
  const result = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, node: process.version },
    role: flags.role,
    runs: runs.length,
    phases,
    facesOpenAfterRenders: runs[0]!.facesOpenAfterRenders,
    cliWithoutRendering: { '--version': cliStartMs(['--version']), 'schema --help': cliStartMs(['schema', '--help']) },
    profile: profiled.attribution,
  };
  process.stdout.write(flags.json ? `${JSON.stringify(result, null, 2)}\n` : report(result));
}

function report(r: {
  date: string;
  machine: { cpus: number; node: string };
  role?: string;
  runs: number;
  phases: { phase: string; medianMs: number }[];
  facesOpenAfterRenders: string[];
  cliWithoutRendering: Record<string, number>;
  profile: ReturnType<typeof attribute>;
}): string {
  const lines = [
    `cold careerpdf process, resume for ${r.role}  ·  ${r.date.slice(0, 16).replace('T', ' ')} UTC  ·  node ${r.machine.node}, ${r.machine.cpus} cores  ·  median of ${r.runs} processes`,
    '',
  ];
  for (const p of r.phases) lines.push(`  ${String(p.medianMs).padStart(6)} ms  ${p.phase}`);
  lines.push('', `  faces open after the renders: ${r.facesOpenAfterRenders.join(', ')}`);
  lines.push('', 'CLI commands that render nothing (median of 3, wall):');
  for (const [command, ms] of Object.entries(r.cliWithoutRendering)) lines.push(`  ${String(ms).padStart(6)} ms  careerpdf ${command}`);
  lines.push('', 'one more process under the CPU profiler (slower than the above), self time by phase:');
  for (const p of r.profile) {
    const total = p.owners.reduce((sum, o) => sum + o.ms, 0);
    if (total < 20) continue;
    lines.push('', `  ${p.phase}`);
    lines.push(`    by owner:    ${p.owners.map((o) => `${o.name} ${o.ms}`).join(' · ')}`);
    lines.push(...p.functions.map((f, i) => `    ${i === 0 ? 'by function: ' : '             '}${String(f.ms).padStart(4)} ms  ${f.name}`));
  }
  return `${lines.join('\n')}\n`;
}

await main();
