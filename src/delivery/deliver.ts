import type { Message } from '../core/messages.js';
import { editOf } from '../core/outbox.js';
import type { DeliveryTarget, Sender, SendResult } from '../core/ports.js';

/** What one delivery attempt came to: the sender's answer, or "nothing to do here" (the row is cancelled). */
export type Delivery = SendResult | { ok: false; kind: 'skip'; reason: string };

/**
 * One row through its platform's sender. A plain row posts a new message. An edit row (`payload.edit`, see
 * core/outbox.ts) changes an earlier message in place when the sender can, and otherwise falls back as the row
 * asks: post the composed message after all, or skip.
 */
export async function deliver(
  sender: Sender,
  target: DeliveryTarget,
  message: Message,
  idempotencyKey: string,
  payload: Record<string, unknown>,
): Promise<Delivery> {
  const edit = editOf(payload);
  if (!edit) return sender.send(target, message, idempotencyKey);
  const known = edit.ref !== null && edit.ref !== undefined;
  if (known && sender.update) {
    const r = await sender.update(target, edit.ref, message);
    // The message keeps its identity: later edits address the same reference.
    return r.ok ? { ok: true, ref: r.ref ?? edit.ref } : r;
  }
  if (known && edit.mode === 'retract' && sender.remove) {
    const r = await sender.remove(target, edit.ref);
    return r.ok ? { ok: true, ref: edit.ref } : r;
  }
  if (edit.fallback === 'send') return sender.send(target, message, idempotencyKey);
  return { ok: false, kind: 'skip', reason: known ? `${sender.platform.toLowerCase()} sender cannot update messages` : 'no earlier message to update' };
}

/** `work`, or a retryable timeout after `ms` (the row is retried; a late answer changes nothing). */
export async function withTimeout(work: Promise<Delivery>, ms: number): Promise<Delivery> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Delivery>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, kind: 'retry', reason: `timeout after ${ms} ms` }), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
