import type { Logger } from '../../core/ports.js';
import type { Prisma } from '../../db/database.js';

const isUniqueViolation = (e: unknown) => (e as { code?: unknown } | null)?.code === 'P2002';

/**
 * Slack redelivers an event it thinks we missed (`X-Slack-Retry-Num`) and a client can send an interaction
 * twice; the first insert of its id wins. Bolt itself does no deduplication.
 */
export class ProcessedEvents {
  constructor(
    private readonly prisma: Prisma,
    private readonly logger: Logger,
  ) {}

  /**
   * True the first time `source`/`id` is seen. With `forgetAfterMs`, an id seen longer ago than that counts as new
   * again (taken over atomically, so two concurrent repeats still yield one winner). When the database fails we
   * process rather than drop input.
   */
  async firstTime(source: string, id: string, forgetAfterMs?: number): Promise<boolean> {
    try {
      await this.prisma.processedEvent.create({ data: { source, eventId: id } });
      return true;
    } catch (e) {
      if (isUniqueViolation(e)) {
        if (forgetAfterMs === undefined) return false;
        const now = new Date();
        const taken = await this.prisma.processedEvent.updateMany({
          where: { source, eventId: id, receivedAt: { lt: new Date(now.getTime() - forgetAfterMs) } },
          data: { receivedAt: now },
        });
        return taken.count === 1;
      }
      this.logger.warn('slack dedup unavailable; processing anyway', { source, err: e });
      return true;
    }
  }

  /** Retries come within minutes; a day of ids is plenty and keeps the table small. */
  async prune(olderThan: Date, prefix: string): Promise<number> {
    const r = await this.prisma.processedEvent.deleteMany({
      where: { source: { startsWith: prefix }, receivedAt: { lt: olderThan } },
    });
    return r.count;
  }
}
