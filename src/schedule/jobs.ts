import type { Core } from '../app.js';
import type { Database } from '../db/database.js';
import type { Job } from './scheduler.js';

/**
 * Every scheduled job of the bot. Features add theirs here; each job only enqueues work (outbox rows,
 * status changes) and finishes quickly.
 */
export function createJobs(_core: Core, db: Database): Job[] {
  const jobs: Job[] = [
    {
      name: 'housekeeping.processed-events',
      cron: '17 3 * * *',
      // Dedup ids only need to outlive the platforms' retry windows (Slack retries within minutes).
      run: async (fireAt) => {
        await db.prisma.processedEvent.deleteMany({ where: { receivedAt: { lt: new Date(fireAt.getTime() - 7 * 86_400_000) } } });
        await db.prisma.download.deleteMany({ where: { expiresAt: { lt: fireAt } } });
      },
    },
  ];
  return jobs;
}
