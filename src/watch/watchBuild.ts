import path from 'node:path';
import { watch } from 'chokidar';
import { affectedBy, mergeAffected, type Affected } from './affectedBy.js';

export interface WatchOptions {
  dataDir: string;
  /** Theme folders to watch besides the data folder. */
  themeDirs: string[];
  /** Rebuilds what the changes made stale; must not throw for bad input (it reports and returns). */
  rebuild(affected: Affected, changed: string[]): Promise<void>;
  /** Saves arriving within this many ms are built together (editors write a file in several steps). */
  debounceMs?: number;
}

/**
 * Watches the data folder and the themes; after each burst of saves calls `rebuild` once with
 * what the saved files make stale. Rebuilds never overlap: saves during one queue the next.
 * Resolves with a function that stops watching.
 */
export async function watchBuild(options: WatchOptions): Promise<() => Promise<void>> {
  const dataDir = path.resolve(options.dataDir);
  const watcher = watch([dataDir, ...options.themeDirs], { ignoreInitial: true, ignored: (file) => /(^|[/\\])\.|~$|\.swp$/.test(path.basename(file)) && file !== dataDir });
  let pending: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const flush = () => {
    const changed = [...new Set(pending)];
    pending = [];
    running = running.then(() => options.rebuild(mergeAffected(changed.map((file) => affectedBy(file, dataDir))), changed));
  };
  watcher.on('all', (_event, file) => {
    pending.push(path.resolve(file));
    clearTimeout(timer);
    timer = setTimeout(flush, options.debounceMs ?? 60);
  });
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return async () => {
    clearTimeout(timer);
    await watcher.close();
    await running;
  };
}
