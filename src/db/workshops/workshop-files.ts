import { randomUUID } from 'node:crypto';
import { sameValues, type ImportCounts } from '../../core/import/import-report.js';
import type { WorkshopFilesRepository, WorkshopImport } from '../../core/workshops/workshop-files-repository.js';
import type { Prisma } from '../database.js';
import { ensureOrganizations } from '../organizations/organizations.js';
import { applyWorkshopChange } from './workshop-changes.js';
import { include, toWorkshop } from './workshops.js';

export class PrismaWorkshopFilesRepository implements WorkshopFilesRepository {
  constructor(private readonly db: Prisma) {}

  async importWorkshops(rows: WorkshopImport[]): Promise<ImportCounts> {
    const report: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
    await this.db.$transaction(
      async (tx) => {
        const orgs = await ensureOrganizations(tx, rows.flatMap((r) => r.openTo));
        for (const r of rows) {
          const wanted = {
            title: r.title,
            description: r.description,
            startsAt: r.startsAt,
            endsAt: r.endsAt,
            location: r.location,
            onlineUrl: r.onlineUrl,
            capacity: r.capacity,
            tags: r.tags,
          };
          const openTo = r.openTo.map((n) => orgs.get(n)!).sort();
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

  async signupList(key: string) {
    const w = await this.db.workshop.findUnique({ where: { key } });
    if (!w) return null;
    const signups = await this.db.signup.findMany({
      where: { workshopId: w.id, status: { in: ['CONFIRMED', 'WAITLISTED'] } },
      include: { person: { include: { organization: true } }, signedUpBy: { select: { name: true } } },
      orderBy: [{ status: 'asc' }, { waitlistSeq: 'asc' }, { confirmedAt: 'asc' }],
    });
    return {
      workshop: { key: w.key, title: w.title, startsAt: w.startsAt },
      signups: signups.map((s) => ({
        person: s.person
          ? { name: s.person.name, email: s.person.email, organizationName: s.person.organization?.name ?? null, department: s.person.department }
          : null,
        status: s.status as 'CONFIRMED' | 'WAITLISTED',
        attended: s.attended,
        signedUpBy: s.signedUpBy?.name ?? null,
      })),
    };
  }
}
