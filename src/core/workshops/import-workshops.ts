import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Prisma } from '../../db/database.js';
import { applyWorkshopChange } from '../../db/workshops/workshop-changes.js';
import { include, toWorkshop } from '../../db/workshops/workshops.js';
import { parseCsv } from '../import/csv.js';
import { keyColumn, listOf, required, sameValues, text, validateRows, type ImportReport } from '../import/import-report.js';
import { ensureOrganizations } from '../organizations/organizations.js';
import { parseDateTime } from '../time.js';

export const WORKSHOP_COLUMNS = ['key', 'title', 'description', 'starts_at', 'ends_at', 'location', 'capacity', 'organization', 'tags'] as const;

const rowSchema = (timeZone: string) => {
  const when = (name: string) =>
    z
      .string()
      .transform((v, ctx) => {
        const d = parseDateTime(v, timeZone);
        if (!d) ctx.addIssue({ code: 'custom', message: `${name} must be YYYY-MM-DD HH:mm or ISO 8601` });
        return d ?? new Date(0);
      });
  return z
    .object({
      key: keyColumn,
      title: required('title'),
      description: text(4000),
      starts_at: when('starts_at'),
      ends_at: when('ends_at'),
      location: text(500),
      capacity: z
        .string()
        .trim()
        .regex(/^\d+$/, 'capacity must be a whole number')
        .transform(Number)
        .refine((n) => n >= 1 && n <= 10_000, 'capacity must be from 1 to 10000'),
      organization: text(1000),
      tags: text(1000).transform((s) => [...new Set(listOf(s).map((t) => t.toLowerCase()))]),
    })
    .refine((r) => r.ends_at.getTime() > r.starts_at.getTime(), { message: 'ends_at must be after starts_at', path: ['ends_at'] });
};

const isUrl = (s: string) => /^https?:\/\/\S+$/i.test(s);

export async function importWorkshops(db: Prisma, file: Buffer | string, opts: { timezone: string }): Promise<ImportReport> {
  const rows = validateRows(parseCsv(file, WORKSHOP_COLUMNS), rowSchema(opts.timezone), (r) => r.key);
  const report: ImportReport = { kind: 'workshops', created: 0, updated: 0, unchanged: 0 };
  await db.$transaction(
    async (tx) => {
      const orgNames = rows.flatMap((r) => listOf(r.value.organization));
      const orgs = await ensureOrganizations(tx, orgNames);
      for (const { value: r } of rows) {
        const online = isUrl(r.location);
        const wanted = {
          title: r.title,
          description: r.description,
          startsAt: r.starts_at,
          endsAt: r.ends_at,
          location: online ? 'Online' : r.location || null,
          onlineUrl: online ? r.location : null,
          capacity: r.capacity,
          tags: r.tags,
        };
        const openTo = listOf(r.organization).map((n) => orgs.get(n)!).sort();
        const existing = await tx.workshop.findUnique({ where: { key: r.key }, include });
        if (!existing) {
          await tx.workshop.create({
            data: { key: r.key, ...wanted, icsToken: randomUUID(), openTo: { create: openTo.map((organizationId) => ({ organizationId })) } },
          });
          report.created++;
          continue;
        }
        const currentOpenTo = existing.openTo.map((o) => o.organizationId).sort();
        const sameOpenTo = currentOpenTo.join() === openTo.join();
        if (sameValues(existing, wanted) && sameOpenTo) {
          report.unchanged++;
          continue;
        }
        // Calendar clients replace an event only when its SEQUENCE rises.
        const row = await tx.workshop.update({ where: { id: existing.id }, data: { ...wanted, icsSequence: { increment: 1 } }, include });
        if (!sameOpenTo) {
          await tx.workshopOpenTo.deleteMany({ where: { workshopId: existing.id } });
          await tx.workshopOpenTo.createMany({ data: openTo.map((organizationId) => ({ workshopId: existing.id, organizationId })) });
        }
        // People signed up hear about the change, reminders follow a new time, new seats go to the waitlist.
        await applyWorkshopChange(tx, toWorkshop(existing), toWorkshop(row), new Date());
        report.updated++;
      }
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return report;
}
