import type { Random } from '../../support/fuzz.js';

/** One kind of import: its header, a good row, and ways to make a row bad that validation must catch. */
export interface CsvKind {
  columns: string[];
  good(r: Random, n: number): string[];
  /** Each returns a row that is certainly invalid, given the good row `n`. */
  bad: ((r: Random, row: string[]) => string[])[];
  /** The column whose value must be unique in a file (a second row with it is bad). */
  uniqueColumn: number;
}

/** Hostile but valid text: anything people type, without control characters or a NUL (cleaned / refused apart). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const freeText = (r: Random, max: number) => r.text(max).replace(/[\u0000-\u001F\u007F]/g, ' ').replace(/[\uD800-\uDFFF]/g, '').trim().slice(0, max) || 'x';

/** A description over several lines, as a spreadsheet cell with Alt+Enter holds it. */
const multiline = (r: Random) => Array.from({ length: r.int(1, 3) }, () => freeText(r, 100)).join('\n');

const set = (row: string[], i: number, v: string) => row.map((x, j) => (j === i ? v : x));

export const PEOPLE: CsvKind = {
  columns: ['platform', 'platform_user_id', 'email', 'name', 'organization', 'department', 'education_level', 'role', 'locale', 'skills'],
  good: (r, n) => [
    r.pick(['slack', 'teams', '']),
    `U${n}`,
    `p${n}.${r.int(0, 1e6)}@fuzz.example`,
    freeText(r, 150),
    r.pick(['Gemeente Dijkstad', 'Gemeente Lingeveld', '']),
    freeText(r, 40),
    r.pick(['mbo', 'hbo', 'wo', '']),
    r.pick(['employee', 'manager', 'hr', '']),
    r.pick(['nl', 'en', '']),
    `${freeText(r, 20).replace(/\|/g, '')}|excel`,
  ].map((v, i, row) => (i === 1 && row[0] === '' ? '' : v)),
  bad: [
    (r, row) => set(row, 2, r.pick(['geen-mail', '', 'a@', '@b.nl', freeText(r, 30).replace(/@/g, '')])),
    (_r, row) => set(row, 3, ''),
    (r, row) => set(row, 3, 'n'.repeat(r.int(201, 400))),
    (r, row) => set(row, 0, r.pick(['myspace', 'email', 'SLACKS'])),
    (r, row) => set(set(row, 0, 'slack'), 1, r.pick(['', ' '])),
    (r, row) => set(row, 7, r.pick(['baas', 'admin', 'ceo'])),
    (r, row) => set(row, 8, r.pick(['fr', 'de', 'nederlands'])),
    (_r, row) => row.slice(0, -1),
    (_r, row) => [...row, 'extra'],
    (_r, row) => set(row, 3, 'met\u0000nul'),
  ],
  uniqueColumn: 2,
};

export const WORKSHOPS: CsvKind = {
  columns: ['key', 'title', 'description', 'starts_at', 'ends_at', 'location', 'capacity', 'organization', 'tags'],
  good: (r, n) => {
    const day = String(r.int(1, 28)).padStart(2, '0');
    return [`fz-${n}-${r.int(0, 1e6)}`, freeText(r, 150), multiline(r), `2027-04-${day} 09:00`, `2027-04-${day} 11:30`, r.pick(['Zaal 1', 'https://meet.example/x', '']), String(r.int(1, 200)), '', 'fuzz'];
  },
  bad: [
    (r, row) => set(row, 0, r.pick(['met spatie', 'a/b', '', 'ü'.repeat(5)])),
    (_r, row) => set(row, 1, ''),
    (r, row) => set(row, 3, r.pick(['morgen', '2027-13-01 09:00', '31-04-2027'])),
    (_r, row) => set(row, 4, row[3]!.replace('09:00', '08:00')),
    (r, row) => set(row, 6, r.pick(['0', 'tien', '10001', '-3', '2.5'])),
    (_r, row) => row.slice(0, 5),
    (_r, row) => set(row, 2, 'x\u0000'),
  ],
  uniqueColumn: 0,
};

export const KLUSSEN = (ownerEmail: string): CsvKind => ({
  columns: ['key', 'title', 'description', 'skills', 'hours', 'starts_on', 'ends_on', 'organization', 'owner_email'],
  good: (r, n) => [`kfz-${n}-${r.int(0, 1e6)}`, freeText(r, 150), multiline(r), 'excel|archief', String(r.int(1, 40)), '2027-05-01', '2027-06-30', '', ownerEmail],
  bad: [
    (r, row) => set(row, 4, r.pick(['0', '41', 'veel', '1.5'])),
    (r, row) => set(row, 5, r.pick(['mei', '2027-02-30', '01-05-2027'])),
    (_r, row) => set(row, 6, '2027-04-01'),
    (r, row) => set(row, 8, r.pick(['geen', 'a@', ''])),
    (_r, row) => set(row, 1, ''),
    (_r, row) => [...row, ''],
  ],
  uniqueColumn: 0,
});

/** A CSV line as Excel writes it: fields with the separator, a quote or a line break are quoted. */
const line = (fields: string[], sep: string) => fields.map((f) => (/[;,"\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(sep);

/**
 * A file of good rows with bad ones mixed in (and sometimes a repeated good row at the end); returns the text and
 * the physical lines (header = 1) of the bad rows, counting line breaks inside quoted fields as a spreadsheet does.
 */
export function fileWithBadRows(r: Random, kind: CsvKind, offset: number): { text: string; badLines: number[] } {
  const sep = r.pick([';', ',']);
  const eol = r.pick(['\r\n', '\n']);
  const rows: { fields: string[]; bad: boolean }[] = Array.from({ length: r.int(1, 12) }, (_, i) => ({ fields: kind.good(r, offset + i), bad: false }));
  const bad = r.int(rows.length > 1 && r.bool(0.2) ? 0 : 1, 4);
  for (let i = 0; i < bad; i++) rows.splice(r.int(0, rows.length), 0, { fields: r.pick(kind.bad)(r, kind.good(r, offset + 100 + i)), bad: true });
  // A good row again: its unique key repeats, so this later copy is the bad one.
  if (bad === 0 || r.bool(0.2)) rows.push({ fields: [...r.pick(rows.filter((x) => !x.bad)).fields], bad: true });
  let text = `${r.bool() ? '\uFEFF' : ''}${line(kind.columns, sep)}${eol}`;
  let physical = 2;
  const parsing: number[] = [];
  const checking: number[] = [];
  for (const row of rows) {
    // A row with the wrong number of fields or a NUL is refused while reading, before any row is checked.
    const unreadable = row.fields.length !== kind.columns.length || row.fields.some((f) => f.includes('\u0000'));
    if (row.bad) (unreadable ? parsing : checking).push(physical);
    const written = line(row.fields, sep);
    text += `${written}${eol}`;
    physical += 1 + (written.match(/\n/g)?.length ?? 0);
  }
  return { text, badLines: parsing.length ? parsing : checking };
}
