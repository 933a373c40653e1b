import type { Message } from '../../src/core/messages.js';
import type { DeliveryTarget, Platform, Sender, SendResult } from '../../src/core/ports.js';

/**
 * A Sender that posts each message as JSON to a fake chat API over real HTTP, and reads the answer the way the
 * Slack and Teams senders do: 2xx ok (with a ref), 429 retry after Retry-After, 5xx and network errors retry,
 * 403/404 permanent. Used where a test or benchmark needs real network I/O without a chat SDK.
 */
export class HttpSender implements Sender {
  constructor(
    readonly platform: Platform,
    private readonly baseUrl: string,
  ) {}

  async send(target: DeliveryTarget, message: Message, idempotencyKey: string): Promise<SendResult> {
    let res: Response;
    try {
      res = await fetch(`${this.baseUrl}/deliver`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ key: idempotencyKey, tenant: target.tenantId, user: target.userId, text: message.text }),
      });
    } catch (err) {
      return { ok: false, kind: 'retry', reason: `network: ${(err as Error).message}` };
    }
    const body = await res.text();
    if (res.ok) return { ok: true, ref: JSON.parse(body) as unknown };
    if (res.status === 429) {
      const after = Number(res.headers.get('retry-after') ?? '1');
      return { ok: false, kind: 'retry', reason: 'rate limited', retryAfterMs: after * 1000 };
    }
    if (res.status >= 500) return { ok: false, kind: 'retry', reason: `HTTP ${res.status}` };
    return { ok: false, kind: 'permanent', reason: `HTTP ${res.status}`, unreachable: res.status === 403 || res.status === 404 };
  }
}
