import type { AuditEntry, AuditQuery, AuditRecord, AuditRepository } from '../../core/audit/audit-repository.js';
import type { Prisma } from '../database.js';

export class PrismaAuditRepository implements AuditRepository {
  constructor(private readonly db: Prisma) {}

  async record(entry: AuditRecord): Promise<void> {
    await this.db.auditLog.create({
      data: {
        actor: entry.actor,
        actorId: entry.actorId ?? null,
        action: entry.action,
        subject: entry.subject ?? null,
        details: entry.details ?? undefined,
      },
    });
  }

  async list(q: AuditQuery): Promise<AuditEntry[]> {
    const action = q.action;
    const rows = await this.db.auditLog.findMany({
      where: {
        ...(q.since ? { at: { gte: q.since } } : {}),
        ...(action ? { OR: [{ action }, { action: { startsWith: `${action}.` } }] } : {}),
      },
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      take: q.limit,
    });
    return rows.reverse().map((r) => ({ at: r.at, actor: r.actor, action: r.action, subject: r.subject, details: r.details }));
  }
}
