import fs from 'node:fs';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { currentState, type InputRecord } from '../load/inputLog.js';

export interface WatchOptions {
  /** What the first build read. */
  read: readonly InputRecord[];
  /** Builds again after the given paths changed; resolves with what that build read (also when it failed). */
  rebuild(changed: string[]): Promise<readonly InputRecord[]>;
  /** Saves arriving within this many ms are built together (editors write a file in several steps). */
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

  const follow = async (read: readonly InputRecord[]) => {
    const targets = watchTargets(read);
    await watcher?.close();
    if (stopped) return;
    watcher = watch([...targets.paths], { ignoreInitial: true, depth: 0 });
    watcher.on('all', (event, file) => {
      const changed = path.resolve(file);
      if (targets.matters(changed, event)) noteChange(changed);
    });
    await new Promise<void>((resolve) => watcher!.once('ready', () => resolve()));
    // Saved while the build ran or the watcher started: no event will come, the disk tells.
    for (const record of read) if (currentState(record) !== record.state) noteChange(record.path);
  };
  const noteChange = (file: string) => {
    pending.add(file);
    clearTimeout(timer);
    timer = setTimeout(flush, options.debounceMs ?? 60);
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
    await running;
    await watcher?.close();
  };
}

/**
 * The paths to give the watcher for a set of reads, and which changed paths matter: a read
 * file, a name added to or removed from a listed folder, or a folder on the way to a path that
 * is not there yet.
 */
export function watchTargets(read: readonly InputRecord[]): { paths: Set<string>; matters(file: string, event?: string): boolean } {
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
