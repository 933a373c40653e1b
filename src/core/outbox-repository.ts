import type { OutboxDraft } from './outbox.js';
import type { OutboxWithdrawal } from './people/leaving.js';

export interface OutboxRepository extends OutboxWithdrawal {
  /** Enqueues messages outside any other transaction; an existing idempotency key is left alone. */
  enqueue(drafts: OutboxDraft[]): Promise<number>;
}
