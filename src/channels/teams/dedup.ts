import type { InboundActivity } from './activity-types.js';
import type { ProcessedEvents } from '../../core/processed-events.js';

/**
 * Teams delivers an activity again when the bot was slow to answer. Messages and install events are processed
 * once (also between two bot processes). Invokes are not deduplicated: they need an answer every time, and the
 * core's actions are idempotent (signing up twice says "already").
 */
const ONCE = new Set(['message', 'conversationUpdate', 'installationUpdate']);

export class ProcessedActivities {
  constructor(private readonly events: ProcessedEvents) {}

  /** True when this activity was seen before; records it otherwise. */
  async seenBefore(a: InboundActivity): Promise<boolean> {
    if (!ONCE.has(a.type) || !a.id) return false;
    return !(await this.events.firstTime('teams', `${a.conversation?.id ?? ''}|${a.id}`));
  }
}
