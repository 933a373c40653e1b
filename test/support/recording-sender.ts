import type { Message } from '../../src/core/messages.js';
import type { DeliveryTarget, Platform, Sender, SendResult } from '../../src/core/ports.js';

/** A Sender fake that records what it was asked to send and answers from a script (default: ok). */
export class RecordingSender implements Sender {
  readonly calls: { target: DeliveryTarget; message: Message; key: string; at: number }[] = [];
  constructor(
    readonly platform: Platform,
    private readonly answer: (key: string, attempt: number) => SendResult | Promise<SendResult> = () => ({ ok: true, ref: { ts: '1' } }),
  ) {}
  async send(target: DeliveryTarget, message: Message, key: string): Promise<SendResult> {
    this.calls.push({ target, message, key, at: Date.now() });
    return this.answer(key, this.calls.filter((c) => c.key === key).length);
  }
}
