import type { Logger } from '../core/ports.js';
import type { Metrics } from '../metrics.js';
import { backoffMs, MAX_ATTEMPTS, MAX_THROTTLED_ATTEMPTS } from './backoff.js';
import type { Delivery } from './deliver.js';
import type { ClaimedMessage, OutboxQueue } from './outbox-queue.js';
import { SentBatch } from './sent-batch.js';

/**
 * What a delivery attempt did to its row: sent (recorded in batches), retried after the platform's Retry-After or
 * a backoff, failed for good (the person marked unreachable when the platform says so), or cancelled.
 */
export class Outcomes {
  private readonly sent: SentBatch;

  constructor(
    private readonly store: OutboxQueue,
    private readonly workerId: string,
    logger: Logger,
    private readonly metrics: Metrics | undefined,
  ) {
    this.sent = new SentBatch(store, workerId, logger);
  }

  async record(row: ClaimedMessage, result: Delivery, identityId: string | null) {
    const platform = row.platform;
    if (result.ok) {
      this.metrics?.outboxSent.inc({ platform, result: 'sent' });
      if ('conversationRef' in result && result.conversationRef !== undefined && identityId) {
        await this.store.keepConversation(identityId, result.conversationRef);
      }
      return this.sent.add(row.id, result.ref);
    }
    if (result.kind === 'skip') return this.finish(row, 'CANCELLED', result.reason);
    if (result.kind === 'permanent') {
      if (result.unreachable && identityId) {
        await this.store.markUnreachable(identityId, result.reason);
      }
      return this.finish(row, 'FAILED', result.reason);
    }
    // Being throttled is not failing: a message told to wait (429 + Retry-After) may wait many times.
    const cap = result.retryAfterMs !== undefined ? MAX_THROTTLED_ATTEMPTS : MAX_ATTEMPTS;
    if (row.attempts >= cap) return this.finish(row, 'FAILED', `gave up after ${row.attempts} attempts: ${result.reason}`);
    this.metrics?.outboxSent.inc({ platform, result: 'retry' });
    return this.store.retry(row.id, this.workerId, result.retryAfterMs ?? backoffMs(row.attempts), result.reason);
  }

  finish(row: ClaimedMessage, status: 'FAILED' | 'CANCELLED', reason: string) {
    this.metrics?.outboxSent.inc({ platform: row.platform, result: status === 'FAILED' ? 'failed' : 'cancelled' });
    return this.store.finish(row.id, this.workerId, status, reason);
  }

  /** Writes the deliveries not yet recorded (on stop). */
  flush() {
    return this.sent.flush();
  }
}
