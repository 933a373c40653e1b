import type { Activity } from 'botbuilder';
import type { Database } from '../../db/database.js';

/**
 * Teams delivers an activity again when the bot was slow to answer. Messages and install events are processed
 * once (ProcessedEvent's primary key decides, also between two bot processes). Invokes are not deduplicated:
 * they need an answer every time, and the core's actions are idempotent (signing up twice says "already").
 */
const ONCE = new Set(['message', 'conversationUpdate', 'installationUpdate']);

export class ProcessedActivities {
  constructor(private readonly db: Database) {}

  /** True when this activity was seen before; records it otherwise. */
  async seenBefore(a: Activity): Promise<boolean> {
    if (!ONCE.has(a.type) || !a.id) return false;
    const created = await this.db.prisma.processedEvent.createMany({
      data: [{ source: 'teams', eventId: `${a.conversation?.id ?? ''}|${a.id}` }],
      skipDuplicates: true,
    });
    return created.count === 0;
  }
}
