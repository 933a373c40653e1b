import type { ImportCounts } from '../../core/import/import-report.js';
import type { CampaignImport, CampaignImportRepository } from '../../core/nudges/campaign-import-repository.js';
import type { Prisma } from '../database.js';

/** JSON with sorted keys: jsonb stores keys in its own order, so stored and new values are compared this way. */
const canonical = (v: unknown): string =>
  JSON.stringify(JSON.parse(JSON.stringify(v ?? null)), (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x,
  );

export class PrismaCampaignImportRepository implements CampaignImportRepository {
  constructor(private readonly db: Prisma) {}

  organizationsByKey(keys: string[]) {
    return this.db.organization.findMany({ where: { key: { in: keys } }, select: { id: true, key: true } });
  }

  async campaignIdByKey(key: string): Promise<string | null> {
    const row = await this.db.nudgeCampaign.findUnique({ where: { key }, select: { id: true } });
    return row?.id ?? null;
  }

  async importCampaigns(campaigns: CampaignImport[], now: Date): Promise<ImportCounts> {
    const report: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
    await this.db.$transaction(async (tx) => {
      for (const c of campaigns) {
        const { target, variants, startsAt, endsAt } = c;
        const fields = { name: c.name, target, variants, schedule: c.schedule, startsAt, endsAt };
        const existing = await tx.nudgeCampaign.findUnique({ where: { key: c.key } });
        const status = c.status ?? existing?.status ?? 'ACTIVE';
        if (!existing) {
          await tx.nudgeCampaign.create({ data: { key: c.key, ...fields, status, updatedAt: now } });
          report.created++;
          continue;
        }
        const same =
          existing.name === fields.name &&
          existing.schedule === fields.schedule &&
          existing.status === status &&
          existing.startsAt?.getTime() === startsAt?.getTime() &&
          existing.endsAt?.getTime() === endsAt?.getTime() &&
          canonical(existing.target) === canonical(target) &&
          canonical(existing.variants) === canonical(variants);
        if (same) {
          report.unchanged++;
          continue;
        }
        await tx.nudgeCampaign.update({ where: { id: existing.id }, data: { ...fields, status, updatedAt: now } });
        report.updated++;
      }
    });
    return report;
  }
}
