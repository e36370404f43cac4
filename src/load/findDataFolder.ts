import fs from 'node:fs';
import path from 'node:path';

/** The names a data folder's resume may have; one of them makes a folder a data folder. */
export const RESUME_FILES = ['resume.yaml', 'resume.yml', 'resume.json'] as const;

/** The data folder and output folder a command works on, and how the data folder was chosen. */
export interface DataFolderChoice {
  /** Absolute. */
  dataDir: string;
  /** Absolute. */
  outDir: string;
  /**
   * `option`: --data; `found`: the working directory or a folder above it holds resume.yaml (or
   * data/resume.yaml); `none`: nothing found, so the working directory itself (which has no resume).
   */
  how: 'option' | 'found' | 'none';
}

/**
 * Which data folder a command reads and where its output goes — the one place every command
 * (build, check, explain, answers, preview, and what reads the data folder next) asks.
 *
 * - `--data DIR` wins. Else, like git finds its repository, the working directory and each
 *   folder above it are tried in turn: the first that holds a resume (`resume.yaml`, `.yml`,
 *   `.json`) is the data folder, or the first whose `data/` holds one (the project clone's
 *   layout, so `data/` stays the default there, from any of its subfolders). Nothing found: the
 *   working directory, whose missing resume the loader then reports, naming that folder.
 * - `--out DIR` wins. Else `out/` in the data folder's project folder (see projectFolderOf):
 *   `~/me/resume.yaml` builds into `~/me/out/`, the clone's `data/` into the clone's `out/`.
 */
export function findDataFolder(flags: { data?: string; out?: string }, cwd = process.cwd()): DataFolderChoice {
  const chosen = flags.data !== undefined ? { dataDir: path.resolve(cwd, flags.data), how: 'option' as const } : searchUpwards(path.resolve(cwd));
  const outDir = flags.out !== undefined ? path.resolve(cwd, flags.out) : path.join(projectFolderOf(chosen.dataDir), 'out');
  return { ...chosen, outDir };
}

/**
 * The folder the output goes in: the data folder itself (its `out/` sits beside resume.yaml and
 * is not read as data: the loader reads only the resume, roles/, projects/, answers/ and the
 * images the pages name), or, for a data folder named `data`, the folder holding it — the clone's
 * `data/` and `out/` side by side.
 */
export function projectFolderOf(dataDir: string): string {
  return path.basename(dataDir) === 'data' ? path.dirname(dataDir) : dataDir;
}

function searchUpwards(start: string): Pick<DataFolderChoice, 'dataDir' | 'how'> {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (holdsResume(dir)) return { dataDir: dir, how: 'found' };
    const nested = path.join(dir, 'data');
    if (holdsResume(nested)) return { dataDir: nested, how: 'found' };
    if (path.dirname(dir) === dir) return { dataDir: start, how: 'none' };
  }
}

/** A resume file of any kind is there (a FIFO named resume.yaml counts: the loader refuses it with a message). */
const holdsResume = (dir: string): boolean => RESUME_FILES.some((name) => exists(path.join(dir, name)));

const exists = (file: string): boolean => {
  try {
    fs.lstatSync(file);
    return true;
  } catch {
    return false;
  }
};
