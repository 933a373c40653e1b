import type { Logger } from '../core/ports.js';
import type { OutboxQueue } from './outbox-queue.js';

/**
 * Deliveries recorded in batches: one UPDATE per batch instead of one per row, which is what lets one process
 * record well over a thousand deliveries a second. A row sent but not yet recorded is still SENDING under this
 * worker's lease, so a crash before the flush makes it one of the "in flight" rows that may be sent twice.
 */
export class SentBatch {
  private pending: { id: bigint; ref: unknown }[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: OutboxQueue,
    private readonly workerId: string,
    private readonly logger: Logger,
    private readonly maxRows = 100,
    private readonly maxDelayMs = 25,
  ) {}

  add(id: bigint, ref: unknown) {
    this.pending.push({ id, ref });
    if (this.pending.length >= this.maxRows) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.maxDelayMs);
  }

  /** Writes what is pending; on a database error the rows wait for the next flush. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = [];
    this.flushing = this.flushing.then(async () => {
      if (batch.length === 0) return;
      try {
        await this.store.sentMany(this.workerId, batch);
      } catch (err) {
        this.logger.warn('outbox: recording deliveries failed; trying again', { rows: batch.length, err });
        this.pending.unshift(...batch);
        this.timer ??= setTimeout(() => void this.flush(), 1000);
      }
    });
    return this.flushing;
  }

  get size() {
    return this.pending.length;
  }
}
