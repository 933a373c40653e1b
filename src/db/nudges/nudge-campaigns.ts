import { z } from 'zod';
import { targetSchema, variantSchema, type Campaign, type CampaignStatus } from '../../core/nudges/campaign.js';
import type { NudgeCampaign } from '../../generated/prisma/client.js';
import type { Prisma } from '../database.js';
import { isUuid } from '../ids.js';

const variantsSchema = z.array(variantSchema).min(1);

/** A stored campaign as the core sees it. Stored JSON is written only by the validated import, so a bad row is a bug. */
export function toCampaign(row: NudgeCampaign): Campaign {
  const target = targetSchema.safeParse(row.target);
  const variants = variantsSchema.safeParse(row.variants);
  if (!target.success || !variants.success) {
    throw new Error(`campaign ${row.key}: stored target or variants are invalid; import the campaign file again`);
  }
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    target: target.data,
    variants: variants.data,
    schedule: row.schedule,
    status: row.status,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    updatedAt: row.updatedAt,
  };
}

/** Campaign rows: reading them, and the one change chat allows (pause, start), with its audit line. */
export class CampaignRows {
  constructor(private readonly db: Prisma) {}

  async list(): Promise<Campaign[]> {
    const rows = await this.db.nudgeCampaign.findMany({ orderBy: [{ status: 'asc' }, { key: 'asc' }] });
    return rows.map(toCampaign);
  }

  async active(): Promise<Campaign[]> {
    return (await this.db.nudgeCampaign.findMany({ where: { status: 'ACTIVE' }, orderBy: { key: 'asc' } })).map(toCampaign);
  }

  async get(id: string): Promise<Campaign | null> {
    if (!isUuid(id)) return null;
    const row = await this.db.nudgeCampaign.findUnique({ where: { id } });
    return row ? toCampaign(row) : null;
  }

  async setStatus(id: string, status: CampaignStatus, actor: string, now: Date): Promise<Campaign | null> {
    if (!isUuid(id)) return null;
    return this.db.$transaction(async (tx) => {
      const before = await tx.nudgeCampaign.findUnique({ where: { id } });
      if (!before) return null;
      if (before.status === status) return toCampaign(before);
      const row = await tx.nudgeCampaign.update({ where: { id }, data: { status, updatedAt: now } });
      await tx.auditLog.create({
        data: {
          actor,
          actorId: isUuid(actor) ? actor : null,
          action: 'campaign.status',
          subject: row.key,
          details: { from: before.status, to: status },
        },
      });
      return toCampaign(row);
    });
  }
}
