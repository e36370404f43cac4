import crypto from 'node:crypto';
import fs from 'node:fs';

/**
 * What a build read, as the loader read it: every file (the hash of its bytes, or that it was
 * looked for and not there) and every folder whose listing decided what was read. It is the one
 * list of a build's inputs: the build cache compares it with the disk (cache/unchanged.ts), the
 * manifest records it, watch watches exactly these paths (like typst watches what its last
 * compile read). A file that was missing and appears is a change, like any other.
 */
export interface InputRecord {
  /** Absolute path. */
  path: string;
  kind: 'file' | 'listing';
  /** `sha256:<hex>` of the bytes or of the sorted names, or what is there instead (`missing`, `not-a-file`, …). */
  state: string;
}

export class InputLog {
  private readonly records = new Map<string, InputRecord>();

  /** A file read: its bytes decide the document. */
  file(file: string, bytes: Uint8Array): void {
    this.records.set(`file ${file}`, { path: file, kind: 'file', state: digest(bytes) });
  }

  /** A file looked for and not read (absent, not a regular file, too large, unreadable): as it is now. */
  unread(file: string): void {
    this.records.set(`file ${file}`, { path: file, kind: 'file', state: currentState({ path: file, kind: 'file' }) });
  }

  /** A folder listed: which names it holds decides which files are read. */
  listing(dir: string, names: readonly string[] | undefined): void {
    this.records.set(`listing ${dir}`, { path: dir, kind: 'listing', state: names ? listingDigest(names) : 'missing' });
  }

  /** Every record, in path order (deterministic manifests). */
  list(): InputRecord[] {
    return [...this.records.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.kind < b.kind ? -1 : 1));
  }
}

const digest = (bytes: Uint8Array | string): string => `sha256:${crypto.createHash('sha256').update(bytes).digest('hex')}`;
const listingDigest = (names: readonly string[]): string => digest([...names].sort().join('\0'));

/** No input is read past 20 MB (an image): a larger file is told by its size, never read to be hashed. */
const HASHED_BYTES = 64 * 1024 * 1024;

/** The state of a recorded path on disk now, measured the way the loader recorded it; never blocks on a FIFO. */
export function currentState(record: Pick<InputRecord, 'path' | 'kind'>): string {
  try {
    const stat = fs.statSync(record.path);
    if (record.kind === 'listing') return stat.isDirectory() ? listingDigest(fs.readdirSync(record.path)) : 'not-a-folder';
    if (!stat.isFile()) return 'not-a-file';
    return stat.size > HASHED_BYTES ? `too-large:${stat.size}` : digest(fs.readFileSync(record.path));
  } catch {
    return 'missing';
  }
}

let active: InputLog | undefined;

/**
 * Runs `read` with `log` collecting what the loaders read (see noteRead and friends). The log
 * is filled even when `read` throws: a build that failed on bad input still watches that input.
 */
export function readingInto<T>(log: InputLog, read: () => T): T {
  const outer = active;
  active = log;
  try {
    return read();
  } finally {
    active = outer;
  }
}

/** Called by the readers of files and folders (load/readSourceFile.ts, the listings, the images). */
export const noteRead = {
  file: (file: string, bytes: Uint8Array) => active?.file(file, bytes),
  unread: (file: string) => active?.unread(file),
  listing: (dir: string, names: readonly string[] | undefined) => active?.listing(dir, names),
};
