import type { Message } from '../../src/core/messages.js';
import type { DeliveryTarget, Platform, SendResult } from '../../src/core/ports.js';
import { RecordingSender } from './recording-sender.js';

/**
 * A Sender fake that can also change and delete what it posted (Sender.update / Sender.remove), recording every
 * call. Each post gets a ref `{ id: n }`, so tests can see which message an update addressed.
 */
export class EditingSender extends RecordingSender {
  readonly updates: { target: DeliveryTarget; ref: unknown; message: Message }[] = [];
  readonly removals: { target: DeliveryTarget; ref: unknown }[] = [];
  private posted = 0;

  /** `hold` may keep a send waiting (a message in flight) until the test lets it go. */
  constructor(platform: Platform, hold?: (key: string) => Promise<void>) {
    super(platform, async (key) => {
      await hold?.(key);
      return { ok: true, ref: { id: ++this.posted } };
    });
  }

  async update(target: DeliveryTarget, ref: unknown, message: Message): Promise<SendResult> {
    this.updates.push({ target, ref, message });
    return { ok: true };
  }

  async remove(target: DeliveryTarget, ref: unknown): Promise<SendResult> {
    this.removals.push({ target, ref });
    return { ok: true };
  }
}

/** Only deletes: a platform that cannot edit in place. */
export class DeletingSender extends RecordingSender {
  readonly removals: { target: DeliveryTarget; ref: unknown }[] = [];
  constructor(platform: Platform) {
    super(platform, (key) => ({ ok: true, ref: { key } }));
  }
  async remove(target: DeliveryTarget, ref: unknown): Promise<SendResult> {
    this.removals.push({ target, ref });
    return { ok: true };
  }
}
