import fs from 'node:fs';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { currentState, type InputRecord } from '../load/inputLog.js';

export interface WatchOptions {
  /** What the first build read. */
  read: readonly InputRecord[];
  /** Builds again after the given paths changed; resolves with what that build read (also when it failed). */
  rebuild(changed: string[]): Promise<readonly InputRecord[]>;
  /**
   * Saves arriving within this many ms are built together (editors write a file in several
   * steps, a few ms apart). 20 by default, webpack's aggregateTimeout: a build that still caught a
   * save half-way is built again, since each build ends by comparing what it read with the disk.
   */
  debounceMs?: number;
}

/**
 * Watches exactly what the last build read, like typst watches what its last compile read: each
 * file it read or looked for, and each folder whose listing it used. A path that is not there
 * (a missing image, a deleted data folder) is watched through its nearest existing folder, so
 * that its appearance is a change. After each burst of saves `rebuild` runs once; rebuilds
 * never overlap, and each one's reads become the new set. Resolves with a function that stops.
 */
export async function watchBuild(options: WatchOptions): Promise<() => Promise<void>> {
  let watcher: FSWatcher | undefined;
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  let targets: WatchTargets | undefined;
  /** Which file or folder each watched path was when the watcher started. */
  let identities = new Map<string, string | undefined>();
  /** When the watcher last reported a change (performance.now()). */
  let lastEvent = 0;
  /** Counts the follows: a recheck scheduled by an older one stands down. */
  let generation = 0;
  let recheck: NodeJS.Timeout | undefined;

  const follow = async (read: readonly InputRecord[]) => {
    const next = watchTargets(read);
    const followed = ++generation;
    clearTimeout(recheck);
    // The usual rebuild reads the paths the last one read, each still the same file: the watcher
    // stays (starting one costs ~5–25 ms, and a save in that gap is seen only by the disk check
    // below). A path now another file (an editor that saves by renaming a new file over the old
    // one, a file deleted and written again) gets a new watcher: chokidar's own re-watching of a
    // replaced file can miss the saves after it.
    const kept =
      watcher !== undefined &&
      targets !== undefined &&
      samePaths(targets.paths, next.paths) &&
      [...identities].every(([p, id]) => id !== undefined && identity(p) === id);
    targets = next;
    if (!kept) {
      await watcher?.close();
      if (stopped) return;
      identities = new Map([...next.paths].map((p) => [p, identity(p)]));
      const started = watch([...next.paths], { ignoreInitial: true, depth: 0 });
      watcher = started;
      started.on('all', (event, file) => {
        const changed = path.resolve(file);
        if (started !== watcher || !targets?.matters(changed, event)) return;
        lastEvent = performance.now();
        noteChange(changed);
      });
      await new Promise<void>((resolve) => started.once('ready', () => resolve()));
    }
    // Saved while the build ran or the watcher started: no event will come, the disk tells.
    const compare = () => {
      if (!stopped && followed === generation) for (const record of read) if (currentState(record) !== record.state) noteChange(record.path);
    };
    compare();
    // chokidar drops a path's change that comes within 50 ms of the one it reported: a save in
    // that window is seen only by the disk. A new watcher starts with no such window; a kept
    // one looks again once the window of its last report is over.
    const windowLeft = lastEvent + CHOKIDAR_CHANGE_THROTTLE_MS + 5 - performance.now();
    if (kept && windowLeft > 0) recheck = setTimeout(compare, windowLeft);
  };
  const noteChange = (file: string) => {
    pending.add(file);
    clearTimeout(timer);
    timer = setTimeout(flush, options.debounceMs ?? 20);
  };
  const flush = () => {
    const changed = [...pending];
    pending = new Set();
    running = running.then(async () => {
      if (!stopped) await follow(await options.rebuild(changed));
    });
  };

  await follow(options.read);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    clearTimeout(recheck);
    await running;
    await watcher?.close();
  };
}

/** chokidar 5 reports a path's `change` at most once per this many ms (FSWatcher._emit) and drops the rest. */
const CHOKIDAR_CHANGE_THROTTLE_MS = 50;

const samePaths = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean => a.size === b.size && [...a].every((p) => b.has(p));

/**
 * The file or folder at a path: a save that renames a new file over the old one, or deletes it
 * and writes it again, makes another one. The inode alone does not tell (ext4 gives a file
 * written just after a delete the same number), its birth time does; where the file system
 * keeps none (undefined), the path counts as changed and the watcher is started again.
 */
function identity(target: string): string | undefined {
  try {
    const stat = fs.statSync(target, { bigint: true });
    return stat.birthtimeNs > 0n ? `${stat.dev}:${stat.ino}:${stat.birthtimeNs}` : undefined;
  } catch {
    return 'missing';
  }
}

export interface WatchTargets {
  paths: Set<string>;
  matters(file: string, event?: string): boolean;
}

/**
 * The paths to give the watcher for a set of reads, and which changed paths matter: a read
 * file, a name added to or removed from a listed folder, or a folder on the way to a path that
 * is not there yet.
 */
export function watchTargets(read: readonly InputRecord[]): WatchTargets {
  const paths = new Set<string>();
  const files = new Set<string>();
  const listed = new Set<string>();
  const awaited = new Set<string>();
  for (const record of read) {
    (record.kind === 'listing' ? listed : files).add(record.path);
    const existing = nearestExisting(record.path);
    paths.add(existing);
    // Not there: each folder between the existing one and the path may appear first.
    for (let dir = record.path; dir !== existing && dir !== path.dirname(dir); dir = path.dirname(dir)) awaited.add(dir);
  }
  // In a listed folder a name that comes or goes matters, not a write to a file the build did not read (an editor's swap file).
  return {
    paths,
    matters: (file, event) => files.has(file) || listed.has(file) || (listed.has(path.dirname(file)) && event !== 'change') || awaited.has(file),
  };
}

function nearestExisting(target: string): string {
  let dir = target;
  while (!fs.existsSync(dir) && dir !== path.dirname(dir)) dir = path.dirname(dir);
  return dir;
}
