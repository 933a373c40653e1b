import { z } from 'zod';
import { CsvFileError, type CsvRow, type RowError } from './csv.js';

export interface ImportReport {
  kind: string;
  created: number;
  updated: number;
  unchanged: number;
  /** People only: how many left (`active` = nee) and came back with this file. */
  deactivated?: number;
  reactivated?: number;
}

/** What a store reports back after writing validated rows; the use case names the kind. */
export type ImportCounts = Omit<ImportReport, 'kind'>;

export const formatReport = (r: ImportReport) =>
  `${r.kind}: ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged` +
  (r.deactivated ? `, ${r.deactivated} deactivated` : '') +
  (r.reactivated ? `, ${r.reactivated} reactivated` : '');

/** Validates every row; throws one CsvFileError listing all bad rows by line, so nothing half-valid is stored. */
export function validateRows<S extends z.ZodType>(rows: CsvRow[], schema: S, uniqueBy?: (v: z.output<S>) => string) {
  const errors: RowError[] = [];
  const out: { line: number; value: z.output<S> }[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const parsed = schema.safeParse(row.values);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = issue.path.length ? `${issue.path.join('.')}: ` : '';
        errors.push({ line: row.line, message: `${column}${issue.message}` });
      }
      continue;
    }
    if (uniqueBy) {
      const key = uniqueBy(parsed.data);
      const first = seen.get(key);
      if (first !== undefined) {
        errors.push({ line: row.line, message: `duplicate of line ${first} (${key})` });
        continue;
      }
      seen.set(key, row.line);
    }
    out.push({ line: row.line, value: parsed.data });
  }
  if (errors.length) throw new CsvFileError(errors);
  return out;
}

/** Same values? (Dates by instant, arrays by content.) Re-importing an unchanged row must write nothing. */
export function sameValues(existing: Record<string, unknown>, wanted: Record<string, unknown>): boolean {
  return Object.entries(wanted).every(([k, v]) => {
    const e = existing[k];
    if (v instanceof Date && e instanceof Date) return v.getTime() === e.getTime();
    if (Array.isArray(v) && Array.isArray(e)) return v.length === e.length && v.every((x, i) => x === e[i]);
    return (e ?? null) === (v ?? null);
  });
}

export const text = (max: number) => z.string().trim().max(max, `at most ${max} characters`);
export const required = (name: string, max = 200) => z.string().trim().min(1, `${name} is required`).max(max, `at most ${max} characters`);
export const listOf = (s: string) =>
  s
    .split('|')
    .map((x) => x.trim())
    .filter(Boolean);

/** The `key` column of workshops and klussen: stable, URL- and CLI-friendly. */
export const keyColumn = z
  .string()
  .trim()
  .regex(/^[\w.-]{1,100}$/, 'key must be 1–100 letters, digits, dots, dashes or underscores');
