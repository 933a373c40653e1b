import type { Message } from './messages.js';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

export type Platform = 'SLACK' | 'TEAMS' | 'CONSOLE';

/** Where a proactive message goes: one person's identity on one platform. */
export interface DeliveryTarget {
  platform: Platform;
  tenantId: string;
  userId: string;
  /** Platform-specific stored reference (Slack DM channel id, Teams conversation reference). */
  conversationRef: unknown;
  serviceUrl?: string | null;
}

export type SendResult =
  /** `conversationRef`: the sender had to open the conversation first; keep this so the next send need not. */
  | { ok: true; ref?: unknown; conversationRef?: unknown }
  /** Retry this one message later; `retryAfterMs` when the platform said how long (429 Retry-After). */
  | { ok: false; kind: 'retry'; reason: string; retryAfterMs?: number }
  /** Never retry; `unreachable` marks the person as unreachable on this platform (app removed, user gone). */
  | { ok: false; kind: 'permanent'; reason: string; unreachable?: boolean };

/** A platform's way of delivering one proactive message; implemented by the channel adapters. */
export interface Sender {
  readonly platform: Platform;
  /** Posts a new message; `ref` in the result is what `update` and `remove` need later (kept as deliveredRef). */
  send(target: DeliveryTarget, message: Message, idempotencyKey: string): Promise<SendResult>;
  /**
   * Replaces the content of a message this sender posted earlier (`ref` = the ref its `send` returned), in place
   * and without a new notification: live progress of a broadcast, a recalled message turned into a short notice.
   * Optional: without it the outbox falls back to sending a new message (or skips progress updates).
   */
  update?(target: DeliveryTarget, ref: unknown, message: Message): Promise<SendResult>;
  /** Deletes a message this sender posted earlier. Optional: used to recall a broadcast when `update` is absent. */
  remove?(target: DeliveryTarget, ref: unknown): Promise<SendResult>;
}
