import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { packageRoot } from '../core/paths.js';

/*
 * Why a startup snapshot: before it rendered anything, a cold `careerpdf build` spent ~0.35 s of
 * CPU compiling and running the top-level code of React-PDF, React, fontkit, pdfkit, zod, yaml
 * and the markdown parser (hyphenation patterns, Unicode tables, AES tables…), and its first
 * render ~0.25 s more decoding the body font's tables. `npm run compile` does that once and
 * saves the heap as a V8 startup snapshot (scripts/compileSnapshot.mjs, snapshotEntry.ts);
 * node deserialises it in ~0.15 s. The bench resume: 1.05 → 0.74 s (README, Performance).
 *
 * Node loads a snapshot only as it starts (`node --snapshot-blob`). So the CLI starts as
 * before, and when a build must render (after the build cache said so, before the renderer
 * is loaded and anything is printed) it hands the whole command to a node started from the
 * snapshot: stdio inherited, exit code and signals passed through. Commands that do not
 * render, a build with nothing to render, and any doubt about the blob (missing, older than
 * the compiled CLI, built by another node or in another folder, failed to load) stay in the
 * first process, as before. The output is the same either way (test/snapshot/).
 */

/** Signals passed on to the snapshot process; SIGTSTP and SIGCONT keep Ctrl-Z and `fg` working. */
const RELAYED_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGTSTP', 'SIGCONT'];

/** What the snapshot process tells the launcher once careerpdf's code runs in it. */
const STARTED = 'careerpdf:started';

/** A snapshot loads only into the node that built it (node checks): its version, platform and CPU name the file. */
export const snapshotBlobName = (): string => `careerpdf-node${process.versions.node}-${process.platform}-${process.arch}.blob`;

export const snapshotDir = (root: string): string => path.join(root, 'dist', 'snapshot');

/** Compiled output the snapshot was built from: a blob older than either is stale. */
const SOURCES = ['dist/careerpdf.js', 'package.json'];

/** What a hand-over needs: the blob, and the tool that ties the new process's life to this one's. */
export interface SnapshotLaunch {
  blob: string;
  setpriv: string;
}

/**
 * The snapshot to run the command from, or undefined to go on in this process: node started
 * with options of its own (--inspect, --import, --cpu-prof… are meant for the process doing
 * the work, and a snapshot process ignores some), CAREERPDF_SNAPSHOT=0, no way to have the
 * snapshot process killed with this one (below), or no blob for this node as new as the
 * compiled CLI.
 */
export function snapshotToUse(root: string, execArgv: readonly string[], env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): SnapshotLaunch | undefined {
  if (env.CAREERPDF_SNAPSHOT === '0' || execArgv.length > 0) return undefined;
  const setpriv = parentDeathSignalTool(platform, env);
  const blob = path.join(snapshotDir(root), snapshotBlobName());
  const built = modifiedMs(blob);
  if (!setpriv || built === undefined) return undefined;
  return SOURCES.every((source) => (modifiedMs(path.join(root, source)) ?? Infinity) <= built) ? { blob, setpriv } : undefined;
}

/**
 * `kill -9` of careerpdf must stop the build (test/safety): the snapshot process must die with
 * the launcher even while it renders, when its event loop cannot notice anything. Linux does
 * that for a process that asks (PR_SET_PDEATHSIG); node cannot ask, util-linux's setpriv can,
 * and then runs node. Without it (other systems) the command stays in the first process.
 */
export function parentDeathSignalTool(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string | undefined {
  if (platform !== 'linux') return undefined;
  return (env.PATH ?? '')
    .split(path.delimiter)
    .filter(Boolean)
    .map((dir) => path.join(dir, 'setpriv'))
    .find((file) => fs.statSync(file, { throwIfNoEntry: false })?.isFile());
}

/**
 * BuildEvents.beforeRender of the compiled CLI: runs this process's command again in a node
 * started from the snapshot, and ends this process as that one ended. Returns, having done
 * nothing visible, when there is no usable snapshot or it did not start.
 */
export async function renderInSnapshot(): Promise<void> {
  const launch = snapshotToUse(packageRoot, process.execArgv, process.env);
  if (launch && (await runFromSnapshot(launch, path.join(packageRoot, 'bin', 'careerpdf.js'), process.argv.slice(2)))) process.exit();
}

function modifiedMs(file: string): number | undefined {
  return fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs;
}

/**
 * Runs `script` (bin/careerpdf.js of this package: the snapshot process checks that it is
 * where the snapshot was built) with `args` in a node started from the snapshot and
 * settles this process as it ended: same exit code, or killed by the same signal. Resolves
 * false, having printed nothing of its own, when the snapshot did not start (the caller then
 * runs the command itself): node refuses a blob it cannot read, with a message on stderr.
 *
 * The snapshot process gets a session of its own, so that a signal the terminal sends to the
 * foreground group (Ctrl-C) reaches it once, through this process, not twice; its stdio is
 * still the terminal. `setpriv` (parentDeathSignalTool) makes the kernel kill it if this
 * process dies first.
 */
export function runFromSnapshot({ blob, setpriv }: SnapshotLaunch, script: string, args: readonly string[]): Promise<boolean> {
  return new Promise((resolve) => {
    const node = [process.execPath, '--snapshot-blob', blob, '--', script, ...args];
    const child = spawn(setpriv, ['--pdeathsig', 'KILL', '--', ...node], { stdio: ['inherit', 'inherit', 'inherit', 'ipc'], detached: true });
    let started = false;
    let signalled = false;
    child.on('message', (message) => {
      if (message === STARTED) started = true;
    });
    const relay = (signal: NodeJS.Signals) => {
      signalled = true;
      if (signal !== 'SIGTSTP') return void child.kill(signal);
      // Ctrl-Z: both stop, as the shell expects of its job. SIGTSTP would not stop the
      // snapshot process: in a session of its own, no terminal stops it.
      child.kill('SIGSTOP');
      process.kill(process.pid, 'SIGSTOP');
    };
    for (const signal of RELAYED_SIGNALS) process.on(signal, relay);
    const settle = (ran: boolean) => {
      for (const signal of RELAYED_SIGNALS) process.off(signal, relay);
      resolve(ran);
    };
    child.on('error', () => settle(false));
    // 'close', not 'exit': the IPC channel is read to its end, so a STARTED sent is seen.
    child.on('close', (code, signal) => {
      if (!started && !signalled) return settle(false);
      settle(true);
      if (signal) {
        process.kill(process.pid, signal);
        // Still here: a signal node ignores (SIGPIPE). Exit as a shell reports a signal.
        process.exitCode = 128 + (os.constants.signals[signal] ?? 0);
      } else process.exitCode = code ?? 1;
    });
  });
}

/**
 * In the snapshot process, first: tells the launcher (the process that started this one) that
 * careerpdf runs here, and waits until the message is out (a launcher that missed it would
 * run the command a second time). False, and nothing started, when the snapshot was built in
 * another folder than the launcher's (the project was moved: its paths are the old ones) or
 * the launcher is gone; the launcher then runs the command itself. True without a launcher
 * (node started from the blob by hand).
 */
export async function followLauncher(packageRoot: string): Promise<boolean> {
  const send = process.send?.bind(process);
  if (!send || !process.channel) return true;
  // The channel must not keep this process alive once the command is done.
  process.channel.unref();
  if (path.resolve(process.argv[1] ?? '', '../..') !== packageRoot) return false;
  return new Promise((resolve) => send(STARTED, undefined, {}, (err) => resolve(!err)));
}
