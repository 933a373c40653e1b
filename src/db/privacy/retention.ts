import type { RetentionRepository } from '../../core/privacy/retention-repository.js';
import type { Prisma } from '../database.js';

export class PrismaRetentionRepository implements RetentionRepository {
  constructor(private readonly db: Prisma) {}

  deleteOutbox(cutoff: Date, limit: number): Promise<number> {
    return this.db.$executeRaw`
      DELETE FROM "OutboxMessage" WHERE id IN (
        SELECT id FROM "OutboxMessage"
        WHERE status IN ('SENT', 'CANCELLED', 'FAILED') AND coalesce("sentAt", "createdAt") < ${cutoff}
        LIMIT ${limit})`;
  }

  deleteEngagementEvents(cutoff: Date, limit: number): Promise<number> {
    return this.db.$executeRaw`
      DELETE FROM "EngagementEvent" WHERE id IN (SELECT id FROM "EngagementEvent" WHERE "occurredAt" < ${cutoff} LIMIT ${limit})`;
  }

  deleteScheduleRuns(cutoff: Date, limit: number): Promise<number> {
    return this.db.$executeRaw`
      DELETE FROM "ScheduleRun" WHERE id IN (
        SELECT r.id FROM "ScheduleRun" r
        WHERE r."fireAt" < ${cutoff}
          AND EXISTS (SELECT 1 FROM "ScheduleRun" n WHERE n.job = r.job AND n."fireAt" > r."fireAt")
        LIMIT ${limit})`;
  }

  deleteAuditLog(cutoff: Date, limit: number): Promise<number> {
    return this.db.$executeRaw`
      DELETE FROM "AuditLog" WHERE id IN (SELECT id FROM "AuditLog" WHERE at < ${cutoff} LIMIT ${limit})`;
  }

  async leaversBefore(cutoff: Date, limit: number): Promise<string[]> {
    const rows = await this.db.person.findMany({
      where: { erasedAt: null, deactivatedAt: { lt: cutoff } },
      select: { id: true },
      orderBy: { deactivatedAt: 'asc' },
      take: limit,
    });
    return rows.map((r) => r.id);
  }

  async forgetInactive(cutoff: Date) {
    const rows = await this.db.$queryRaw<{ id: string }[]>`
      SELECT p.id FROM "Person" p
      WHERE p."erasedAt" IS NULL AND p."createdAt" < ${cutoff}
        AND NOT EXISTS (SELECT 1 FROM "ChannelIdentity" i WHERE i."personId" = p.id AND i."lastSeenAt" >= ${cutoff})
        AND (EXISTS (SELECT 1 FROM "Reflection" r WHERE r."personId" = p.id)
          OR EXISTS (SELECT 1 FROM "Goal" g WHERE g."personId" = p.id)
          OR EXISTS (SELECT 1 FROM "PromptDelivery" d WHERE d."personId" = p.id))`;
    const ids = rows.map((r) => r.id);
    if (ids.length === 0) return { inactivePeople: 0, reflections: 0, goals: 0, promptDeliveries: 0 };
    return this.db.$transaction(async (tx) => {
      const reflections = (await tx.reflection.deleteMany({ where: { personId: { in: ids } } })).count;
      const goals = (await tx.goal.deleteMany({ where: { personId: { in: ids } } })).count;
      const promptDeliveries = (await tx.promptDelivery.deleteMany({ where: { personId: { in: ids } } })).count;
      await tx.download.deleteMany({ where: { personId: { in: ids } } });
      return { inactivePeople: ids.length, reflections, goals, promptDeliveries };
    });
  }
}
