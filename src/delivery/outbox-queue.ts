import type { Platform } from '../core/ports.js';
import type { Recipient } from './recipient.js';

export interface ClaimedMessage {
  id: bigint;
  idempotencyKey: string;
  kind: string;
  personId: string | null;
  platform: Platform;
  tenantId: string;
  broadcastId: string | null;
  payload: Record<string, unknown>;
  attempts: number;
  /** When the message was meant to go: its kind's expiry counts from here. */
  dueAt: Date;
  /** The person and their identity on the row's platform, read by the claim itself; null when there is none. */
  recipient: Recipient | null;
  /** The person left (deactivated): the row is cancelled, never sent. */
  personLeft?: boolean;
}

/** How many workers hold rows of each platform bucket right now: they share that bucket's rate. */
export interface BucketShare {
  platform: Platform;
  tenantId: string;
  workers: number;
}

/**
 * The outbox table as a work queue: what the worker needs of it, implemented in src/db/outbox. Claiming uses a
 * lease, so several workers and replicas share the rows and each row has one owner at a time; every state change
 * names the lease holder, so a worker that lost its lease changes nothing.
 */
export interface OutboxQueue {
  claim(workerId: string, limit: number, leaseMs: number, platforms: Platform[]): Promise<ClaimedMessage[]>;
  sent(id: bigint, workerId: string, ref: unknown): Promise<void>;
  /** Records many deliveries at once (one round trip per batch, not per row). */
  sentMany(workerId: string, rows: { id: bigint; ref: unknown }[]): Promise<void>;
  retry(id: bigint, workerId: string, delayMs: number, error: string): Promise<void>;
  /** Hands claimed rows back without counting an attempt (their bucket is busy, or the worker stops). */
  release(workerId: string, rows: { id: bigint; delayMs: number }[]): Promise<void>;
  finish(id: bigint, workerId: string, status: 'FAILED' | 'CANCELLED', reason: string): Promise<void>;
  shares(): Promise<BucketShare[]>;
  /** Soonest moment a row becomes due, so an idle worker can sleep until then. */
  nextDue(platforms: Platform[]): Promise<Date | null>;
  /** The sender had to open the conversation first: keep its reference so the next send need not. */
  keepConversation(identityId: string, conversationRef: unknown): Promise<void>;
  /** The platform says this identity cannot be reached (app removed, user gone). */
  markUnreachable(identityId: string, reason: string): Promise<void>;
}
