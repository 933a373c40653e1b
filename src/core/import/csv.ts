import { parse } from 'csv-parse/sync';
import { cleanText } from '../chat/clean-input.js';

export interface CsvRow {
  /** Physical line of the file where the record starts (the header is line 1). */
  line: number;
  values: Record<string, string>;
}

export interface RowError {
  line: number;
  message: string;
}

export class CsvFileError extends Error {
  constructor(readonly errors: RowError[]) {
    super(errors.map((e) => `line ${e.line}: ${e.message}`).join('\n'));
    this.name = 'CsvFileError';
  }
}

/** Dutch Excel writes semicolons; others commas. The header line decides. */
function detectDelimiter(text: string): ',' | ';' {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  return (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ',';
}

/**
 * Parses a UTF-8 CSV (with or without BOM) with the expected columns. Unknown or missing header columns and
 * rows with the wrong number of fields are reported by line; nothing is returned unless the whole file is sound.
 * `optional` columns may be left out of the header (older files keep working); their values are then absent, so
 * a use case can tell "not in this file" (keep what is stored) from "empty".
 */
export function parseCsv(input: Buffer | string, columns: readonly string[], optional: readonly string[] = []): CsvRow[] {
  let text = typeof input === 'string' ? input : input.toString('utf8');
  if (text.includes('\uFFFD')) {
    throw new CsvFileError([{ line: 1, message: 'the file is not UTF-8 (save it as "CSV UTF-8")' }]);
  }
  text = text.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new CsvFileError([{ line: 1, message: 'the file is empty' }]);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      trim: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    const err = e as { lines?: number; message: string };
    throw new CsvFileError([{ line: err.lines ?? 1, message: `unreadable CSV: ${err.message.replace(/^Invalid .*?: /, '')}` }]);
  }
  const [head, ...body] = records;
  const header = (head?.record ?? []).map((h) => h.trim().toLowerCase());
  const missing = columns.filter((c) => !header.includes(c));
  const unknown = header.filter((h) => !columns.includes(h) && !optional.includes(h));
  if (missing.length || unknown.length) {
    const parts = [];
    if (missing.length) parts.push(`missing column(s) ${missing.join(', ')}`);
    if (unknown.length) parts.push(`unknown column(s) ${unknown.join(', ')}`);
    const also = optional.length ? `; optional: ${optional.join(',')}` : '';
    throw new CsvFileError([{ line: 1, message: `${parts.join('; ')} (expected: ${columns.join(',')}${also})` }]);
  }
  const errors: RowError[] = [];
  const rows: CsvRow[] = [];
  for (const { record, info } of body) {
    // info.lines is where the record ends; quoted fields may span lines, so step back over their line breaks.
    const line = info.lines - (record.join('').match(/\n/g)?.length ?? 0);
    if (record.length !== header.length) {
      errors.push({ line, message: `expected ${header.length} fields, found ${record.length}` });
      continue;
    }
    // NUL bytes mean UTF-16 ("Unicode text") or a binary file; PostgreSQL could not store them anyway.
    if (record.some((f) => f.includes('\u0000'))) {
      errors.push({ line, message: 'contains a NUL character (save the file as "CSV UTF-8")' });
      continue;
    }
    // Other control characters (bell, escape) are never meant; cleaned as chat text is.
    rows.push({ line, values: Object.fromEntries(header.map((h, i) => [h, cleanText(record[i] ?? '')])) });
  }
  if (errors.length) throw new CsvFileError(errors);
  return rows;
}
