import { stringify } from 'csv-stringify/sync';
import type { Locale } from '../messages.js';

/** One cell of a download: text, a number (written in the reader's format) or nothing. */
export type CsvCell = string | number | null | undefined;

export const CSV_MIME = 'text/csv; charset=utf-8';

// No grouping: Dutch Excel reads "1.234" as 1,234 (a decimal), so thousands separators would change the figure.
const numberFormats: Record<Locale, Intl.NumberFormat> = {
  nl: new Intl.NumberFormat('nl-NL', { useGrouping: false, maximumFractionDigits: 10 }),
  en: new Intl.NumberFormat('en-GB', { useGrouping: false, maximumFractionDigits: 10 }),
};

/** A number as the reader's spreadsheet expects it: "12,5" for Dutch, "12.5" for English. */
export const csvNumber = (n: number, locale: Locale) => numberFormats[locale].format(n);

/**
 * Every CSV the product writes, as Dutch Excel opens it straight into columns (README "Downloads"): a UTF-8 BOM
 * (else Excel guesses Windows-1252 and "Financiën" breaks), semicolons (the Dutch list separator), CRLF records,
 * decimal commas for Dutch readers, and formula injection neutralised: a cell starting with = + - @ tab or CR (or
 * their full-width forms) gets a leading apostrophe, so Excel shows the text instead of running it. Negative
 * numbers stay numbers.
 */
export function excelCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[], locale: Locale = 'nl'): string {
  return stringify([[...header], ...rows.map((r) => [...r])], {
    bom: true,
    delimiter: ';',
    record_delimiter: '\r\n',
    escape_formulas: true,
    cast: { number: (n) => csvNumber(n, locale) },
  });
}
