import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The example data's highlight the measurement edits: one line of the resume, which the portfolio and answers do not show. */
const LINE = '로그 품질을 60~70%에서 95% 이상으로 향상';
const EDITS = [`${LINE} (1)`, LINE];

/**
 * `build --watch` on a copy of the data folder: from the save of a one-line edit to the end of
 * the rebuild it triggers (the line `built … in`), `runs` times, the edit and its undo in turn.
 * Each rebuild must have rendered the resume (else it measured nothing).
 */
export async function measureWatchEdit(cli: string, dataDir: string, role: string, runs: number): Promise<number[]> {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'careerpdf-watch-'));
  fs.cpSync(dataDir, data, { recursive: true });
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'careerpdf-watch-out-'));
  const resume = path.join(data, 'resume.yaml');
  const original = fs.readFileSync(resume, 'utf8');
  if (!original.includes(LINE)) throw new Error(`the watch bench edits "${LINE}", which ${resume} does not hold`);
  // A process group of its own: a launcher may hand the watch to a second node (the old startup snapshot did), and both must stop.
  const child = spawn(process.execPath, [cli, 'build', '--watch', '--role', role, '--data', data, '--out', out], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', () => {});
  const waitFor = (pattern: RegExp, from: number) =>
    new Promise<string>((resolve, reject) => {
      const started = Date.now();
      const poll = setInterval(() => {
        const fresh = output.slice(from);
        if (pattern.test(fresh)) return (clearInterval(poll), resolve(fresh));
        if (Date.now() - started > 60_000) clearInterval(poll), reject(new Error(`watch bench: timed out waiting for ${pattern}:\n${output}`));
      }, 2);
    });
  try {
    await waitFor(/watching /, 0);
    const samples: number[] = [];
    for (let run = 0; run < runs * 2; run++) {
      const mark = output.length;
      const saved = performance.now();
      fs.writeFileSync(resume, original.replace(LINE, EDITS[run % 2]!));
      const rebuilt = await waitFor(/built \d+ documents?.* in /, mark);
      const ms = performance.now() - saved;
      if (!/-resume\.pdf\s+\d+ pages\s+\S+ KB\s+\d+ ms/.test(rebuilt)) throw new Error(`watch bench: the edit did not render the resume:\n${rebuilt}`);
      samples.push(ms);
    }
    return samples;
  } finally {
    await stop(child);
    fs.rmSync(data, { recursive: true, force: true });
    fs.rmSync(out, { recursive: true, force: true });
  }
}

/** Ctrl-C to the watcher's process group; what has not exited 5 s later is killed (a watcher that ignores SIGINT must not hang the bench). */
async function stop(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null) return;
  const exited = new Promise<boolean>((resolve) => child.once('exit', () => resolve(true)));
  process.kill(-child.pid, 'SIGINT');
  const timer = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5_000).unref());
  const stopped = await Promise.race([exited, timer]);
  // The group may outlive its leader (a child the launcher started): kill whatever is left of it.
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // nothing left
  }
  if (!stopped) process.stderr.write('note: the watcher did not stop on SIGINT within 5 s; killed\n');
  child.stdout?.destroy();
  child.stderr?.destroy();
}
