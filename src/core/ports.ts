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
  | { ok: true; ref?: unknown }
  /** Retry this one message later; `retryAfterMs` when the platform said how long (429 Retry-After). */
  | { ok: false; kind: 'retry'; reason: string; retryAfterMs?: number }
  /** Never retry; `unreachable` marks the person as unreachable on this platform (app removed, user gone). */
  | { ok: false; kind: 'permanent'; reason: string; unreachable?: boolean };

/** A platform's way of delivering one proactive message; implemented by the channel adapters. */
export interface Sender {
  readonly platform: Platform;
  send(target: DeliveryTarget, message: Message, idempotencyKey: string): Promise<SendResult>;
}
