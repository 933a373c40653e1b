import type { ConsoleInbox } from '../../delivery/console-inbox.js';
import type { Prisma } from '../database.js';

export class PrismaConsoleInbox implements ConsoleInbox {
  constructor(private readonly db: Prisma) {}

  async due(personId: string, now: Date, limit: number) {
    const rows = await this.db.outboxMessage.findMany({
      where: { personId, platform: 'CONSOLE', status: 'PENDING', nextAttemptAt: { lte: now } },
      orderBy: { id: 'asc' },
      take: limit,
    });
    return rows.map((r) => ({ id: r.id, kind: r.kind, payload: r.payload as Record<string, unknown>, dueAt: r.dueAt }));
  }

  async settle(id: bigint, outcome: 'SENT' | 'CANCELLED', now: Date, reason = 'no longer applies') {
    const claimed = await this.db.outboxMessage.updateMany({
      where: { id, status: 'PENDING' },
      data: outcome === 'SENT' ? { status: 'SENT', sentAt: now, attempts: { increment: 1 } } : { status: 'CANCELLED', lastError: reason },
    });
    return claimed.count === 1;
  }
}
