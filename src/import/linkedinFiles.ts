import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import { displayPath } from '../core/paths.js';
import { UserDataError, type Problem } from '../core/problems.js';
import { DATA_FILE_LIMIT, decodeSourceText, listFolder, readFileBytes, readSourceFile, type SizeLimit } from '../load/readSourceFile.js';

/** The CSV files of LinkedIn's data export that the import reads; every other file is never read beyond its name. */
export const LINKEDIN_FILES = [
  'Profile.csv',
  'Email Addresses.csv',
  'PhoneNumbers.csv',
  'Positions.csv',
  'Education.csv',
  'Skills.csv',
  'Certifications.csv',
  'Languages.csv',
  'Projects.csv',
  'Honors.csv',
  'Publications.csv',
  'Volunteering.csv',
] as const;
export type LinkedInFile = (typeof LINKEDIN_FILES)[number];

/** LinkedIn's archive with every message and connection is a few MB; one this large is not an export. */
const ARCHIVE_LIMIT: SizeLimit = { bytes: 64 * 1024 * 1024, what: 'a LinkedIn export archive' };
/** An export holds a few dozen files; a zip of more is something else (or built to exhaust the reader). */
const MAX_ENTRIES = 5000;
/** Each CSV the import reads is held to what a data file may be (a profile's positions are a few KB). */
const CSV_LIMIT: SizeLimit = { ...DATA_FILE_LIMIT, what: 'a LinkedIn CSV' };

export interface LinkedInExport {
  /** The zip or folder, as shown to the user. */
  shown: string;
  /** The files read, by their LinkedIn name: how to show each (`export.zip › Positions.csv`), and its text. */
  files: Map<LinkedInFile, { shown: string; text: string }>;
  /** Files of the export not read (messages, connections, ads…): their names only. */
  unused: string[];
  /** Files of the export's kind that were there but empty. */
  empty: string[];
}

/** A name as LinkedIn's exports vary it (`Email Addresses.csv`, `Email_Addresses.csv`, `phonenumbers.csv`) → the file it is. */
const KNOWN = new Map<string, LinkedInFile>(LINKEDIN_FILES.map((name) => [key(name), name]));
function key(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9.]/g, '');
}
const known = (name: string): LinkedInFile | undefined => KNOWN.get(key(path.posix.basename(name.replace(/\\/g, '/'))));

/**
 * Reads LinkedIn's "Get a copy of your data" export: the zip as downloaded, or the folder it
 * unpacks to. Only the CSV files the import uses are read, each at most CSV_LIMIT; in a zip their
 * sizes are checked before anything is inflated, inflating stops at the size the archive declares,
 * and the checksum is compared, so a zip bomb or a damaged archive is a clear problem, never a
 * process out of memory. Throws UserDataError for anything that is not a readable export.
 */
export async function readLinkedInExport(source: string): Promise<LinkedInExport> {
  const shown = displayPath(source);
  let isFolder = false;
  try {
    isFolder = fs.statSync(source).isDirectory();
  } catch {
    // Not there, or not reachable: the reader says which, located.
  }
  const found = isFolder ? readFolder(source, shown) : await readZip(source, shown);
  if (found.files.size === 0 && found.empty.length === 0) {
    const sample = found.unused.slice(0, 5).join(', ');
    throw new UserDataError([
      {
        severity: 'error',
        code: 'not-linkedin-export',
        at: { file: shown, line: 1, col: 1 },
        message: `${shown} is not a LinkedIn data export: it has none of the files the import reads (${LINKEDIN_FILES.slice(0, 4).join(', ')}, …)${found.unused.length ? `; it has ${sample}${found.unused.length > 5 ? ', …' : ''}` : '; it is empty'}`,
        hint: 'on LinkedIn: Settings → Data privacy → Get a copy of your data; pass the downloaded .zip (or the folder it unpacks to)',
      },
    ]);
  }
  return found;
}

function readFolder(dir: string, shown: string): LinkedInExport {
  const problems: Problem[] = [];
  const result: LinkedInExport = { shown, files: new Map(), unused: [], empty: [] };
  for (const name of listFolder(dir, problems)) {
    const file = known(name);
    if (!file || result.files.has(file)) {
      result.unused.push(name);
      continue;
    }
    const read = readSourceFile(path.join(dir, name), CSV_LIMIT);
    if (read.ok) result.files.set(file, { shown: displayPath(path.join(dir, name)), text: read.text });
    else if (read.problem.code === 'empty') result.empty.push(name);
    else if (read.problem.code === 'too-large')
      // The reader's hint speaks of a data file with a pasted value; this one is LinkedIn's, or was put in its place.
      problems.push({ ...read.problem, hint: "LinkedIn's CSVs are a few KB: export the data again, or leave this file out of the folder" });
    else problems.push(read.problem);
  }
  if (problems.length > 0) throw new UserDataError(problems);
  return result;
}

async function readZip(file: string, shown: string): Promise<LinkedInExport> {
  const read = readFileBytes(file, ARCHIVE_LIMIT);
  if (!read.ok)
    throw new UserDataError([
      read.problem.code === 'too-large'
        ? { ...read.problem, hint: 'unpack the archive and pass the folder: only the CSV files the import uses are read from it' }
        : read.problem,
    ]);
  const at = { file: shown, line: 1, col: 1 };
  const fail = (message: string, hint: string, code = 'bad-archive'): never => {
    throw new UserDataError([{ severity: 'error', code, at, message, hint }]);
  };
  const damaged = (what: string): never =>
    fail(
      `${shown} is damaged: ${what}`,
      'download the export from LinkedIn again (an interrupted download leaves a broken zip), or pass the folder it unpacks to',
    );
  // yauzl refuses a name that climbs out of the archive or starts at the root: made to write where it should not, not damaged.
  const unsafe = (what: string): never =>
    fail(
      `${shown} holds an entry whose name leads out of the archive (${what.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?')}); a LinkedIn export has none, and careerpdf reads no file of it`,
      "pass LinkedIn's data export as downloaded from LinkedIn; do not unpack this archive with other tools either",
      'unsafe-archive',
    );
  let zip: yauzl.ZipFile;
  try {
    zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.fromBuffer(read.bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, z) => (err ? reject(err) : resolve(z))),
    );
  } catch (err) {
    const reason = (err as Error).message;
    if (/end of central directory record signature not found/i.test(reason))
      return fail(
        `${shown} is not a zip archive${read.bytes.subarray(0, 2).toString('latin1') === 'PK' ? ' (it starts like one but its end is missing: cut off?)' : ''}`,
        "pass LinkedIn's data export as downloaded (a .zip), or the folder it unpacks to",
      );
    return damaged(reason);
  }
  try {
    if (zip.entryCount > MAX_ENTRIES)
      fail(
        `${shown} holds ${zip.entryCount.toLocaleString('en-US')} files, more than a LinkedIn export (${MAX_ENTRIES.toLocaleString('en-US')} at most are read)`,
        "pass LinkedIn's data export as downloaded",
      );
    const result: LinkedInExport = { shown, files: new Map(), unused: [], empty: [] };
    const problems: Problem[] = [];
    // An entry yauzl cannot read: a name leading out of the archive is said as such, anything else is damage.
    for await (const entry of entries(zip, (what) => (UNSAFE_NAME.test(what) ? unsafe(what) : damaged(what)))) {
      // Names are printed: control characters (a terminal's escape sequences) are shown as `?`.
      const name = entry.fileName.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
      if (name.endsWith('/')) continue;
      const linkedIn = known(name);
      if (!linkedIn || result.files.has(linkedIn)) {
        result.unused.push(name);
        continue;
      }
      const entryShown = `${shown} › ${name}`;
      const entryAt = { file: entryShown, line: 1, col: 1 };
      // Checked before a byte is inflated: what the archive says the file holds.
      if (entry.uncompressedSize > CSV_LIMIT.bytes) {
        problems.push({
          severity: 'error',
          code: 'zip-bomb',
          at: entryAt,
          message: `${name} would inflate to ${(entry.uncompressedSize / 1024 / 1024).toFixed(1)} MB (${entry.compressedSize.toLocaleString('en-US')} bytes packed), over the ${CSV_LIMIT.bytes / 1024 / 1024} MB a LinkedIn CSV may hold; it is not inflated`,
          hint: 'this is not a LinkedIn export as downloaded (a zip bomb, or a file put into it): download the export again',
        });
        continue;
      }
      if (entry.isEncrypted() || !entry.canDecodeFileData()) {
        problems.push({
          severity: 'error',
          code: 'bad-archive',
          at: entryAt,
          message: `${name} is encrypted or packed in a way this reader does not know`,
          hint: "unpack the export with your system's tool and pass the folder",
        });
        continue;
      }
      const bytes = await inflate(zip, entry).catch((err: Error) => damaged(`${name}: ${err.message}`));
      if (zlib.crc32(bytes) >>> 0 !== entry.crc32 >>> 0) damaged(`${name}'s checksum does not match its content`);
      const text = decodeSourceText(bytes, entryShown);
      if (text.ok) result.files.set(linkedIn, { shown: entryShown, text: text.text });
      else if (text.problem.code === 'empty') result.empty.push(name);
      else problems.push(text.problem);
    }
    if (problems.length > 0) throw new UserDataError(problems);
    return result;
  } finally {
    zip.close();
  }
}

/** yauzl's messages for an entry name that is absolute or climbs out with `..`. */
const UNSAFE_NAME = /^(absolute path|invalid relative path): /;

/** The archive's entries one by one (yauzl reads the next central directory record only when asked). */
async function* entries(zip: yauzl.ZipFile, refuse: (what: string) => never): AsyncGenerator<yauzl.Entry> {
  for (;;) {
    const next = await new Promise<yauzl.Entry | undefined>((resolve, reject) => {
      const cleanup = () => zip.removeAllListeners('entry').removeAllListeners('end').removeAllListeners('error');
      zip.once('entry', (entry: yauzl.Entry) => (cleanup(), resolve(entry)));
      zip.once('end', () => (cleanup(), resolve(undefined)));
      zip.once('error', (err: Error) => (cleanup(), reject(err)));
      zip.readEntry();
    }).catch((err: Error) => refuse(err.message));
    if (!next) return;
    yield next;
  }
}

/** One entry's bytes; yauzl stops the stream with an error when it inflates to more than the archive declared. */
function inflate(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err) return reject(err);
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', reject);
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}
