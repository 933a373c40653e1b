import type { BroadcastFailuresRepository } from '../../core/broadcasts/broadcast-failures-repository.js';
import type { Prisma } from '../database.js';

export class PrismaBroadcastFailuresRepository implements BroadcastFailuresRepository {
  constructor(private readonly db: Prisma) {}

  async failures(broadcastId: string) {
    const b = await this.db.broadcast.findUnique({ where: { id: broadcastId } });
    if (!b) return null;
    const rows = await this.db.outboxMessage.findMany({
      where: { broadcastId: b.id, status: 'FAILED' },
      include: { person: { include: { organization: true } } },
      orderBy: { id: 'asc' },
    });
    return {
      title: b.title,
      failures: rows.map((r) => ({
        person: r.person
          ? {
              name: r.person.name,
              email: r.person.email,
              erased: !!r.person.erasedAt,
              organizationName: r.person.organization?.name ?? null,
              department: r.person.department,
            }
          : null,
        platform: r.platform,
        attempts: r.attempts,
        lastError: r.lastError,
        lastAttemptAt: r.nextAttemptAt,
      })),
    };
  }
}
