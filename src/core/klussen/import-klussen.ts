import { z } from 'zod';
import { normaliseSkill } from '../people/person.js';
import type { Prisma } from '../../db/database.js';
import { CsvFileError, parseCsv } from '../import/csv.js';
import { keyColumn, listOf, required, sameValues, text, validateRows, type ImportReport } from '../import/import-report.js';
import { ensureOrganizations } from '../organizations/organizations.js';
import { parseDate } from '../time.js';

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

export async function importKlussen(db: Prisma, file: Buffer | string): Promise<ImportReport> {
  const rows = validateRows(parseCsv(file, KLUS_COLUMNS), row, (r) => r.key);
  const owners = await db.person.findMany({
    where: { email: { in: rows.map((r) => r.value.owner_email) }, erasedAt: null },
    select: { id: true, email: true },
  });
  const ownerBy = new Map(owners.map((o) => [o.email!, o.id]));
  const unknown = rows.filter((r) => !ownerBy.has(r.value.owner_email));
  if (unknown.length) {
    throw new CsvFileError(
      unknown.map((r) => ({ line: r.line, message: `owner_email ${r.value.owner_email} is not a known person (import people first)` })),
    );
  }
  const report: ImportReport = { kind: 'klussen', created: 0, updated: 0, unchanged: 0 };
  await db.$transaction(
    async (tx) => {
      const orgs = await ensureOrganizations(tx, rows.map((r) => r.value.organization));
      for (const { value: r } of rows) {
        const wanted = {
          title: r.title,
          description: r.description,
          skills: r.skills,
          hoursPerWeek: r.hours,
          startsOn: r.starts_on,
          endsOn: r.ends_on,
          organizationId: r.organization ? orgs.get(r.organization)! : null,
          ownerId: ownerBy.get(r.owner_email)!,
        };
        const existing = await tx.klus.findUnique({ where: { key: r.key } });
        if (!existing) {
          await tx.klus.create({ data: { key: r.key, ...wanted, status: 'OPEN', publishedAt: new Date() } });
          report.created++;
        } else if (sameValues(existing, wanted)) report.unchanged++;
        else {
          await tx.klus.update({ where: { id: existing.id }, data: wanted });
          report.updated++;
        }
      }
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return report;
}
