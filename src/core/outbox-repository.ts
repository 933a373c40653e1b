import type { OutboxDraft } from './outbox.js';

export interface OutboxRepository {
  /** Enqueues messages outside any other transaction; an existing idempotency key is left alone. */
  enqueue(drafts: OutboxDraft[]): Promise<number>;
}
