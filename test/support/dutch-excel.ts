import { parse } from 'csv-parse/sync';
import { expect } from 'vitest';

/**
 * Reads a CSV download as Dutch Excel (Windows, regional settings nl-NL) opens it by double-click: the UTF-8 BOM
 * tells it the encoding, the list separator is ";", records end in CRLF. Fails when Excel would show something
 * else than a table: no BOM, one column only, bare LF line ends, or a cell Excel would run as a formula.
 * Returns the cells as text, the header row first.
 */
export function readAsDutchExcel(data: string | Uint8Array): string[][] {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  expect([...bytes.slice(0, 3)], 'a UTF-8 BOM').toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.slice(3));
  expect(text.endsWith('\r\n'), 'the last record ends in CRLF').toBe(true);
  expect(/(?<!\r)\n/.test(text.replace(/"(?:[^"]|"")*"/g, '')), 'no bare LF between records').toBe(false);
  const rows = parse(text, { delimiter: ';', record_delimiter: '\r\n', relax_column_count: false }) as string[][];
  expect(rows[0]!.length, 'more than one column (semicolons)').toBeGreaterThan(1);
  for (const row of rows) for (const cell of row) expect(isFormula(cell), `a formula in ${JSON.stringify(cell)}`).toBe(false);
  return rows;
}

/** A cell Excel would evaluate: it starts with = + - @ (or a full-width one) and is not a plain number. */
export const isFormula = (cell: string) => /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\t\r]/.test(cell) && excelNumber(cell) === null;

/** The number Dutch Excel reads in a cell ("12,5" → 12.5; "12.5" is not a number there), or null for text. */
export const excelNumber = (cell: string): number | null => (/^-?\d+(,\d+)?$/.test(cell) ? Number(cell.replace(',', '.')) : null);
