import type { Logger } from '../../core/ports.js';
import type { ProcessedEvents } from '../../core/processed-events.js';

/**
 * Slack redelivers an event it thinks we missed (`X-Slack-Retry-Num`) and a client can send an interaction
 * twice; the first record of its id wins. Bolt itself does no deduplication. When the database fails we process
 * rather than drop input.
 */
export class SlackDedup {
  constructor(
    private readonly events: ProcessedEvents,
    private readonly logger: Logger,
  ) {}

  async firstTime(source: string, id: string, forgetAfterMs?: number): Promise<boolean> {
    try {
      return await this.events.firstTime(source, id, forgetAfterMs);
    } catch (e) {
      this.logger.warn('slack dedup unavailable; processing anyway', { source, err: e });
      return true;
    }
  }

  /** Retries come within minutes; a day of ids is plenty and keeps the table small. */
  prune(olderThan: Date, prefix: string): Promise<number> {
    return this.events.prune(olderThan, prefix);
  }
}
