import { parse } from 'csv-parse/sync';
import type { Problem } from '../core/problems.js';

/** A column the import reads: the names exports have given it (the first is LinkedIn's current one), and whether a file without it is unusable. */
export interface ColumnSpec {
  names: readonly string[];
  required?: boolean;
}

export interface CsvRow<F extends string> {
  /** The line the row starts on (a quoted field may span lines). */
  line: number;
  /** The trimmed value of each column read; '' when the column or the cell is absent. */
  values: Record<F, string>;
}

/** Rows of a CSV file past this are not a career (or not LinkedIn's): the first are read, and it is said (the header and one more row are parsed to tell). */
export const MAX_ROWS = 2000;

/** Records before the header that are still looked through for it. */
const MAX_PREAMBLE = 5;

const shorten = (cell: string) => (cell.length > 40 ? `${cell.slice(0, 39)}…` : cell);

const clean = (name: string) => name.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * Reads a CSV file (text as decodeSourceText leaves it: no BOM, `\n` breaks) into rows of the
 * columns asked for, found by header name whatever the order, case or spacing. Quoted fields may
 * hold commas, quotes and line breaks. A missing required column, or a file that is not CSV, is a
 * problem at its line; a missing optional column is an empty value. Undefined when unusable.
 */
export function readCsvTable<F extends string>(
  file: { shown: string; text: string },
  columns: Record<F, ColumnSpec>,
  problems: Problem[],
): CsvRow<F>[] | undefined {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(file.text, { relax_column_count: true, skip_empty_lines: true, info: true, to: MAX_ROWS + 2 }) as unknown as typeof records;
  } catch (err) {
    const e = err as Error & { lines?: number };
    problems.push({
      severity: 'error',
      code: 'csv-syntax',
      at: { file: file.shown, line: e.lines ?? 1, col: 1 },
      message: `not readable as CSV: ${e.message.replace(/^Invalid [^:]*: /, '')}`,
      hint: 'export the data from LinkedIn again; if you edited the file, check its quotes (a field with a comma or a line break is written in "…", a " inside as "")',
    });
    return undefined;
  }
  // Some exports open a file with notes before the header ("Notes:", a sentence, a blank line): the header is the first record with every required column.
  const required = Object.values<ColumnSpec>(columns).filter((spec) => spec.required);
  const hasRequired = (record: string[]) => required.every((spec) => spec.names.some((name) => record.map(clean).includes(clean(name))));
  const headerAt = Math.max(
    0,
    records.slice(0, MAX_PREAMBLE + 1).findIndex((r) => hasRequired(r.record)),
  );
  const [header, ...rows] = records.slice(headerAt);
  if (!header) return [];
  const names = header.record.map(clean);
  const index = {} as Record<F, number>;
  const missing: string[] = [];
  for (const [field, spec] of Object.entries(columns) as [F, ColumnSpec][]) {
    const wanted = new Set(spec.names.map(clean));
    index[field] = names.findIndex((name) => wanted.has(name));
    if (index[field] < 0 && spec.required) missing.push(spec.names[0]!);
  }
  if (missing.length > 0) {
    problems.push({
      severity: 'error',
      code: 'csv-missing-column',
      at: { file: file.shown, line: 1, col: 1 },
      message: `no ${missing.map((m) => `"${m}"`).join(', ')} column; the columns are: ${header.record.map((c) => `"${c.trim()}"`).join(', ')}`,
      hint: `LinkedIn writes ${missing.map((m) => `"${m}"`).join(', ')} in the first line; export the data again, or add the column`,
    });
    return undefined;
  }
  if (rows.length > MAX_ROWS) {
    problems.push({
      severity: 'warning',
      code: 'csv-too-long',
      at: { file: file.shown, line: rows[MAX_ROWS - 1]!.info.lines + 1, col: 1 },
      message: `more than ${MAX_ROWS.toLocaleString('en-US')} rows: the first ${MAX_ROWS.toLocaleString('en-US')} are imported`,
    });
  }
  let previousEnd = header.info.lines;
  return rows.slice(0, MAX_ROWS).map(({ record, info }) => {
    const values = {} as Record<F, string>;
    for (const field of Object.keys(columns) as F[]) values[field] = index[field] >= 0 ? (record[index[field]] ?? '').trim() : '';
    const line = previousEnd + 1;
    previousEnd = info.lines;
    // A row longer than the header (an unquoted comma in an edited file) has cells under no column: they would be lost unsaid.
    const beyond = record.slice(header.record.length).filter((cell) => cell.trim() !== '');
    if (beyond.length > 0) {
      problems.push({
        severity: 'warning',
        code: 'csv-extra-cells',
        at: { file: file.shown, line, col: 1 },
        message: `this row has ${record.length} fields, the header ${header.record.length}: ${beyond.map((c) => `"${shorten(c.trim())}"`).join(', ')} under no column, not imported`,
        hint: 'a comma inside a field needs the field in quotes ("Seoul, Korea"); fix the row and import again, or copy the text where it belongs',
      });
    }
    return { line, values };
  });
}
