import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatProblems } from '../../src/cli/formatProblems.js';
import { problemsOf, type Problem } from '../../src/core/problems.js';
import { checkData } from '../../src/pipeline/check.js';
import { prepare } from '../../src/pipeline/prepare.js';
import { copyData, repoRoot, runCli, runCliInProcess, tempDir } from '../helpers/cli.js';

/*
 * Seeded, bounded fuzzing of the inputs a user writes: the resume, a role with an application,
 * the answer blocks and a portfolio page (test/fixtures/fuzz/) get byte flips, deleted,
 * duplicated and re-indented lines, truncation, random Unicode and stray YAML/markdown syntax.
 * Most runs go through the pipeline in this process (check, and prepare for the master); a few
 * through the CLI's build, which also renders. Every run must end as a user can act on: problems
 * (exit 1) or none (exit 0), never a crash, a stack trace or a hang.
 *
 * Reproduce a failure with the seed it prints: FUZZ_SEED=<n> npx vitest run test/fuzz
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20261122);
const IN_PROCESS_RUNS = Number(process.env.FUZZ_RUNS ?? 120);
const CLI_RUNS = Number(process.env.FUZZ_CLI_RUNS ?? 2);
/** One check of this small folder takes ~60 ms; far beyond this is a pathological input. */
const SLOW_MS = 5_000;

const base = path.join(repoRoot, 'test/fixtures/fuzz');
const FILES = ['resume.yaml', 'roles/dev.yaml', 'answers/blocks.yaml', 'projects/pipeline.md'];
const originals = new Map(FILES.map((f) => [f, fs.readFileSync(path.join(base, f))]));

/** mulberry32: a small seeded PRNG, so that every failure can be replayed. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { int, pick: <T>(items: readonly T[]): T => items[int(items.length)]! };
}
type Random = ReturnType<typeof random>;

/** Characters that have broken text pipelines: Hangul jamo, Hanja, emoji sequences, combining marks, RTL, controls, NUL, BOM, lone surrogates. */
const UNICODE = [
  '가',
  'ᄀ',
  '申',
  '😀',
  '👨‍👩‍👧',
  '🇰🇷',
  '\u0301',
  '\u202e',
  '\u0007',
  '\u0000',
  '\ufeff',
  '\ud800',
  'ཀ',
  '─',
  '\u00a0',
  '\u3000',
  '\u200b',
  '\t',
  '\r',
  '\u2028',
];
const SYNTAX = [
  ': ',
  '- ',
  '&a ',
  '*a',
  '*b',
  '<<: *a',
  '[',
  ']',
  '{',
  '}',
  '"',
  "'",
  '#',
  '---\n',
  '|\n',
  '>-\n',
  '!!binary ',
  '? ',
  '%YAML 1.2\n',
  '{{x}}',
  '{{',
  '**',
  '`',
  '```\n',
  '> ',
  '|---|',
  '![x](',
  '](',
  '[^1]',
  '<div>',
  '[TODO: x]',
  '\\',
];

type Mutation = (bytes: Buffer, r: Random) => Buffer;

const lines = (bytes: Buffer) => bytes.toString('utf8').split('\n');
const joined = (items: string[]) => Buffer.from(items.join('\n'));
const insertAt = (bytes: Buffer, r: Random, text: string) => {
  const at = r.int(bytes.length + 1);
  return Buffer.concat([bytes.subarray(0, at), Buffer.from(text), bytes.subarray(at)]);
};

const MUTATIONS: Record<string, Mutation> = {
  flipByte: (bytes, r) => {
    const copy = Buffer.from(bytes);
    if (copy.length > 0) copy[r.int(copy.length)] = r.int(256);
    return copy;
  },
  deleteLine: (bytes, r) => {
    const l = lines(bytes);
    l.splice(r.int(l.length), 1);
    return joined(l);
  },
  duplicateLine: (bytes, r) => {
    const l = lines(bytes);
    const i = r.int(l.length);
    l.splice(i, 0, l[i]!);
    return joined(l);
  },
  reindent: (bytes, r) => {
    const l = lines(bytes);
    const i = r.int(l.length);
    l[i] = r.pick([' ', '  ', '    ', '\t', '']) + (r.int(2) === 0 ? l[i]!.trimStart() : l[i]!);
    return joined(l);
  },
  truncate: (bytes, r) => bytes.subarray(0, r.int(bytes.length + 1)),
  unicode: (bytes, r) => insertAt(bytes, r, r.pick(UNICODE).repeat(1 + r.int(3))),
  syntax: (bytes, r) => insertAt(bytes, r, r.pick(SYNTAX)),
  swapLines: (bytes, r) => {
    const l = lines(bytes);
    const i = r.int(l.length);
    const j = r.int(l.length);
    [l[i], l[j]] = [l[j]!, l[i]!];
    return joined(l);
  },
};

/** A data folder with one file mutated 1–3 times; returns what was done, for the failure message. */
function mutate(dir: string, r: Random): string {
  for (const [f, bytes] of originals) fs.writeFileSync(path.join(dir, f), bytes);
  const file = r.pick(FILES);
  let bytes: Buffer = originals.get(file)!;
  const applied: string[] = [];
  for (let n = 1 + r.int(3); n > 0; n--) {
    const name = r.pick(Object.keys(MUTATIONS));
    bytes = MUTATIONS[name]!(bytes, r);
    applied.push(name);
  }
  fs.writeFileSync(path.join(dir, file), bytes);
  return `${file}: ${applied.join(', ')}`;
}

/** What the CLI would do with the outcome: print problems and exit 1 or 0. Anything else thrown is a bug. */
const outcome = problemsOf;

describe(`fuzzing (seed ${SEED})`, () => {
  test(
    `${IN_PROCESS_RUNS} mutated inputs through check and prepare: problems or none, never a crash or a hang`,
    () => {
      const dir = copyData(base);
      const r = random(SEED);
      const kinds = new Map<string, number>();
      for (let i = 0; i < IN_PROCESS_RUNS; i++) {
        const what = mutate(dir, r);
        const context = `run ${i} (FUZZ_SEED=${SEED}) ${what}`;
        const started = performance.now();
        let problems: Problem[];
        try {
          problems = [...outcome(() => checkData({ dataDir: dir })), ...outcome(() => prepare({ dataDir: dir, roles: ['master'] }).warnings)];
        } catch (err) {
          const kept = path.join(tempDir('careerpdf-fuzz-failure-'), 'data');
          fs.cpSync(dir, kept, { recursive: true });
          throw new Error(`${context}: threw ${(err as Error).stack}\nthe input is kept in ${kept}`);
        }
        expect(performance.now() - started, context).toBeLessThan(SLOW_MS);
        for (const p of problems) {
          expect(p.message, context).toMatch(/\S/);
          expect(['error', 'warning'], context).toContain(p.severity);
          kinds.set(p.code, (kinds.get(p.code) ?? 0) + 1);
        }
        // The printed form is what the user sees: it must not fail on any input either.
        expect(typeof formatProblems(problems), context).toBe('string');
      }
      // The mutations reach the parsers and the checks, not just one kind of problem.
      expect(kinds.size).toBeGreaterThan(5);
    },
    60_000 + IN_PROCESS_RUNS * 200,
  );

  test(
    `${CLI_RUNS} mutated inputs through the CLI's build (which renders): exit 0 or 1 with a message, no stack trace`,
    async () => {
      const r = random(SEED ^ 0x5eed);
      for (let i = 0; i < CLI_RUNS; i++) {
        const dir = copyData(base);
        const what = mutate(dir, r);
        const run = await runCliInProcess(['build', '--all', '--data', dir, '--out', tempDir('careerpdf-out-')]);
        const context = `CLI run ${i} (FUZZ_SEED=${SEED}) ${what}\n${run.stderr}`;
        expect([0, 1], context).toContain(run.code);
        expect(run.stderr, context).not.toMatch(/internal error|\n\s+at .+:\d+:\d+\)?\n/);
        expect(run.code === 0 ? run.stdout : run.stderr, context).toMatch(/built \d+ documents?|error/);
      }
    },
    60_000 + CLI_RUNS * 30_000,
  );
});

/*
 * The open file system and the environment: each data file swapped in turn for another kind of
 * file, and the build run under an odd PATH or SOURCE_DATE_EPOCH. What cannot hang runs in
 * process; what can (a FIFO blocks its reader) runs in a child with a timeout, so a hang is a
 * failure in seconds, never a stuck suite.
 */
describe(`file kinds and the environment (seed ${SEED})`, () => {
  const KINDS: Record<string, (file: string, dir: string) => void> = {
    'a link to a copy elsewhere': (file) => {
      const copy = path.join(tempDir('careerpdf-fuzz-link-'), path.basename(file));
      fs.copyFileSync(file, copy);
      fs.rmSync(file);
      fs.symlinkSync(copy, file);
    },
    'a dangling link': (file) => {
      fs.rmSync(file);
      fs.symlinkSync(path.join(path.dirname(file), 'nowhere'), file);
    },
    'a link to itself': (file) => {
      fs.rmSync(file);
      fs.symlinkSync(path.basename(file), file);
    },
    'a folder': (file) => {
      fs.rmSync(file);
      fs.mkdirSync(file);
    },
    'unreadable (mode 000)': (file) => fs.chmodSync(file, 0o000),
    'a copy under a 250-byte name': (file) => {
      const ext = path.extname(file);
      fs.copyFileSync(file, path.join(path.dirname(file), `${'가'.repeat(Math.floor((250 - Buffer.byteLength(ext)) / 3))}${ext}`));
    },
  };

  test('every data file as every kind: check and prepare give problems or none, never a throw', () => {
    const r = random(SEED ^ 0xf11e);
    for (const file of FILES) {
      for (const [kind, make] of Object.entries(KINDS)) {
        const dir = copyData(base);
        make(path.join(dir, file), dir);
        const context = `${file} as ${kind} (FUZZ_SEED=${SEED})`;
        let problems: Problem[] = [];
        expect(
          () =>
            (problems = [
              ...outcome(() => checkData({ dataDir: dir })),
              ...outcome(() => prepare({ dataDir: dir, roles: [r.pick(['master', 'dev'])] }).warnings),
            ]),
          context,
        ).not.toThrow();
        expect(typeof formatProblems(problems), context).toBe('string');
      }
    }
  });

  // Passes once the reader refuses what is not a regular file before opening it (issue 11, item 1).
  test('a FIFO as the resume, a role file and a page: each refused, exit 1 within seconds, not a hang', () => {
    const dir = copyData(base);
    const fifos = ['resume.yaml', 'roles/dev.yaml', 'projects/pipeline.md'];
    for (const file of fifos) {
      fs.rmSync(path.join(dir, file));
      execFileSync('mkfifo', [path.join(dir, file)]);
    }
    const run = runCli(['check', '--data', dir], { timeoutMs: 8_000 });
    expect(run.code, run.code === null ? 'hung (killed after 8 s)' : run.stderr).toBe(1);
    for (const file of fifos) expect(run.stderr).toContain(`${file}:1:1: `);
    expect(run.stderr).not.toMatch(/internal error/);
  }, 40_000);

  // In process: a real process with an odd PATH is test/cli/brokenPath.test.ts.
  test('an odd PATH (a file, a missing folder, an empty entry) and an odd SOURCE_DATE_EPOCH: a build, or a message and exit 1; never exit 70', async () => {
    const r = random(SEED ^ 0xe4f);
    const oddPath = ['/etc/passwd', '/no/such/folder', '', process.env.PATH ?? ''].join(path.delimiter);
    const dir = copyData(base);
    const run = await runCliInProcess(['build', '--data', dir, '--out', tempDir('careerpdf-out-')], { env: { PATH: oddPath } });
    expect(run.code, run.stderr).toBe(0);
    const epoch = r.pick(['abc', '-1', '1.5', '1e9', '99999999999999999999', ' 12 34 ']);
    const dated = await runCliInProcess(['build', '--data', dir, '--out', tempDir('careerpdf-out-')], { env: { SOURCE_DATE_EPOCH: epoch } });
    expect(dated.code, `SOURCE_DATE_EPOCH=${epoch}: ${dated.stderr}`).toBe(1);
    expect(dated.stderr).toContain('SOURCE_DATE_EPOCH is');
  }, 120_000);
});
