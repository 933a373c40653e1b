import type { ProcessedEvents } from '../../core/processed-events.js';
import type { Prisma } from '../database.js';

const isUniqueViolation = (e: unknown) => (e as { code?: unknown } | null)?.code === 'P2002';

/** ProcessedEvent's primary key (source, eventId) decides who was first. */
export class PrismaProcessedEvents implements ProcessedEvents {
  constructor(private readonly prisma: Prisma) {}

  async firstTime(source: string, id: string, forgetAfterMs?: number): Promise<boolean> {
    try {
      await this.prisma.processedEvent.create({ data: { source, eventId: id } });
      return true;
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      if (forgetAfterMs === undefined) return false;
      const now = new Date();
      const taken = await this.prisma.processedEvent.updateMany({
        where: { source, eventId: id, receivedAt: { lt: new Date(now.getTime() - forgetAfterMs) } },
        data: { receivedAt: now },
      });
      return taken.count === 1;
    }
  }

  async prune(olderThan: Date, prefix = ''): Promise<number> {
    const r = await this.prisma.processedEvent.deleteMany({ where: { source: { startsWith: prefix }, receivedAt: { lt: olderThan } } });
    return r.count;
  }
}
