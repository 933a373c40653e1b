import { sameValues, type ImportCounts } from '../../core/import/import-report.js';
import type { KlusImport, KlusImportRepository } from '../../core/klussen/klus-import-repository.js';
import type { Prisma } from '../database.js';
import { ensureOrganizations } from '../organizations/organizations.js';

export class PrismaKlusImportRepository implements KlusImportRepository {
  constructor(private readonly db: Prisma) {}

  async ownerIds(emails: string[]): Promise<Map<string, string>> {
    const owners = await this.db.person.findMany({
      where: { email: { in: emails }, erasedAt: null },
      select: { id: true, email: true },
    });
    return new Map(owners.map((o) => [o.email!, o.id]));
  }

  async importKlussen(rows: KlusImport[]): Promise<ImportCounts> {
    const report: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
    await this.db.$transaction(
      async (tx) => {
        const orgs = await ensureOrganizations(tx, rows.map((r) => r.organization));
        for (const r of rows) {
          const wanted = {
            title: r.title,
            description: r.description,
            skills: r.skills,
            hoursPerWeek: r.hoursPerWeek,
            startsOn: r.startsOn,
            endsOn: r.endsOn,
            organizationId: r.organization ? orgs.get(r.organization)! : null,
            ownerId: r.ownerId,
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
}
