import { z } from 'zod';
import { normaliseSkill } from '../people/person.js';
import { CsvFileError, parseCsv } from '../import/csv.js';
import { keyColumn, listOf, required, text, validateRows, type ImportReport } from '../import/import-report.js';
import { parseDate } from '../time.js';
import type { KlusImportRepository } from './klus-import-repository.js';

export const KLUS_COLUMNS = ['key', 'title', 'description', 'skills', 'hours', 'starts_on', 'ends_on', 'organization', 'owner_email'] as const;

const date = (name: string) =>
  z.string().transform((v, ctx) => {
    if (v.trim() === '') return null;
    const d = parseDate(v);
    if (!d) ctx.addIssue({ code: 'custom', message: `${name} must be YYYY-MM-DD` });
    return d;
  });

const row = z
  .object({
    key: keyColumn,
    title: required('title'),
    description: text(4000),
    skills: text(2000).transform((s) => [...new Set(listOf(s).map(normaliseSkill))]),
    hours: z
      .string()
      .trim()
      .refine((v) => v === '' || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 40), 'hours must be a whole number from 1 to 40')
      .transform((v) => (v === '' ? null : Number(v))),
    starts_on: date('starts_on'),
    ends_on: date('ends_on'),
    organization: text(200),
    owner_email: z.string().trim().toLowerCase().pipe(z.email('owner_email is not a valid e-mail address')),
  })
  .refine((r) => !r.starts_on || !r.ends_on || r.ends_on >= r.starts_on, { message: 'ends_on must not be before starts_on', path: ['ends_on'] });

export async function importKlussen(klussen: KlusImportRepository, file: Buffer | string): Promise<ImportReport> {
  const rows = validateRows(parseCsv(file, KLUS_COLUMNS), row, (r) => r.key);
  const ownerBy = await klussen.ownerIds(rows.map((r) => r.value.owner_email));
  const unknown = rows.filter((r) => !ownerBy.has(r.value.owner_email));
  if (unknown.length) {
    throw new CsvFileError(
      unknown.map((r) => ({ line: r.line, message: `owner_email ${r.value.owner_email} is not a known person (import people first)` })),
    );
  }
  const counts = await klussen.importKlussen(
    rows.map(({ value: r }) => ({
      key: r.key,
      title: r.title,
      description: r.description,
      skills: r.skills,
      hoursPerWeek: r.hours,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      organization: r.organization,
      ownerId: ownerBy.get(r.owner_email)!,
    })),
  );
  return { kind: 'klussen', ...counts };
}
