import { randomUUID } from 'node:crypto';
import type { Message } from '../core/messages.js';
import { respectsPause } from '../core/outbox.js';
import type { Actor } from '../core/people/person.js';
import type { DeliveryTarget, Logger, Platform, Sender, SendResult } from '../core/ports.js';
import type { Prisma } from '../db/database.js';
import type { Metrics } from '../server/metrics.js';
import { backoffMs, MAX_ATTEMPTS } from './backoff.js';
import type { ClaimedMessage, OutboxStore } from './outbox-store.js';
import { resolveRecipient } from './recipient.js';
import { BucketPool, TokenBucket } from './token-bucket.js';

export interface OutboxWorkerOptions {
  senders: Sender[];
  /** Messages per second per platform and tenant/workspace. */
  rates: Partial<Record<Platform, number>>;
  concurrency: number;
  leaseMs?: number;
  pollMs?: number;
  sendTimeoutMs?: number;
  workerId?: string;
}

export type Compose = (row: ClaimedMessage, actor: Actor) => Promise<Message | null>;

/**
 * Delivers outbox rows: claims due rows (lease + SKIP LOCKED), paces them per platform bucket, sends through the
 * platform's Sender and records the outcome. A crash loses nothing: unfinished rows return when their lease ends.
 */
export class OutboxWorker {
  readonly id: string;
  private running = false;
  private inFlight = 0;
  private wake: (() => void) | undefined;
  private loop: Promise<void> | undefined;
  private readonly senders: Map<Platform, Sender>;
  private readonly buckets: BucketPool;
  private readonly leaseMs: number;
  private readonly pollMs: number;

  constructor(
    private readonly db: Prisma,
    private readonly store: OutboxStore,
    private readonly compose: Compose,
    private readonly logger: Logger,
    private readonly metrics: Metrics | undefined,
    private readonly opts: OutboxWorkerOptions,
  ) {
    this.id = opts.workerId ?? `worker-${randomUUID()}`;
    this.senders = new Map(opts.senders.map((s) => [s.platform, s]));
    this.leaseMs = opts.leaseMs ?? 60_000;
    this.pollMs = opts.pollMs ?? 1000;
    this.buckets = new BucketPool((key) => {
      const rate = opts.rates[key.split(':')[0] as Platform] ?? 10;
      return new TokenBucket(rate);
    });
  }

  start() {
    if (this.running || this.senders.size === 0) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops claiming and waits (bounded) for sends in flight; their rows are finished or return via the lease. */
  async stop(timeoutMs = 10_000) {
    this.running = false;
    this.wake?.();
    await this.loop;
    const until = Date.now() + timeoutMs;
    while (this.inFlight > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    this.buckets.stop();
  }

  /** Ask the worker to look now (new rows were enqueued). */
  nudge() {
    this.wake?.();
  }

  private async run() {
    const platforms = [...this.senders.keys()];
    while (this.running) {
      const free = this.opts.concurrency - this.inFlight;
      let claimed: ClaimedMessage[] = [];
      if (free > 0) {
        try {
          claimed = await this.store.claim(this.id, free, this.leaseMs, platforms);
        } catch (err) {
          this.logger.warn('outbox claim failed; retrying', { err });
        }
      }
      for (const row of claimed) {
        this.inFlight++;
        void this.process(row).finally(() => {
          this.inFlight--;
          this.wake?.();
        });
      }
      if (claimed.length > 0 && this.inFlight < this.opts.concurrency) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.pollMs);
        this.wake = () => {
          clearTimeout(timer);
          this.wake = undefined;
          resolve();
        };
      });
    }
  }

  private async process(row: ClaimedMessage) {
    const sender = this.senders.get(row.platform)!;
    try {
      const recipient = row.personId ? await resolveRecipient(this.db, row) : null;
      if (!recipient) return await this.finish(row, 'FAILED', 'unreachable: no reachable chat identity');
      if (recipient.actor.person.paused && respectsPause(row.kind)) return await this.finish(row, 'CANCELLED', 'person paused');
      const message = await this.compose(row, recipient.actor);
      if (!message) return await this.finish(row, 'CANCELLED', 'no longer applies');
      await this.buckets.get(`${row.platform}:${row.tenantId}`).take();
      const result = await this.sendWithTimeout(sender, recipient.target, message, row.idempotencyKey);
      await this.record(row, result, recipient.identityId);
    } catch (err) {
      this.logger.warn('outbox delivery error', { id: String(row.id), kind: row.kind, err });
      await this.record(row, { ok: false, kind: 'retry', reason: err instanceof Error ? err.message : String(err) }, null);
    }
  }

  private async sendWithTimeout(sender: Sender, target: DeliveryTarget, message: Message, key: string): Promise<SendResult> {
    const ms = this.opts.sendTimeoutMs ?? 30_000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<SendResult>((resolve) => {
      timer = setTimeout(() => resolve({ ok: false, kind: 'retry', reason: `timeout after ${ms} ms` }), ms);
    });
    try {
      return await Promise.race([sender.send(target, message, key), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async record(row: ClaimedMessage, result: SendResult, identityId: string | null) {
    const platform = row.platform;
    if (result.ok) {
      this.metrics?.outboxSent.inc({ platform, result: 'sent' });
      return this.store.sent(row.id, this.id, result.ref);
    }
    if (result.kind === 'permanent') {
      this.metrics?.outboxSent.inc({ platform, result: 'failed' });
      if (result.unreachable && identityId) {
        await this.db.channelIdentity.update({
          where: { id: identityId },
          data: { unreachableAt: new Date(), unreachableReason: result.reason.slice(0, 500) },
        });
      }
      return this.store.finish(row.id, this.id, 'FAILED', result.reason);
    }
    if (row.attempts >= MAX_ATTEMPTS) {
      this.metrics?.outboxSent.inc({ platform, result: 'failed' });
      return this.store.finish(row.id, this.id, 'FAILED', `gave up after ${row.attempts} attempts: ${result.reason}`);
    }
    this.metrics?.outboxSent.inc({ platform, result: 'retry' });
    return this.store.retry(row.id, this.id, result.retryAfterMs ?? backoffMs(row.attempts), result.reason);
  }

  private finish(row: ClaimedMessage, status: 'FAILED' | 'CANCELLED', reason: string) {
    this.metrics?.outboxSent.inc({ platform: row.platform, result: status === 'FAILED' ? 'failed' : 'cancelled' });
    return this.store.finish(row.id, this.id, status, reason);
  }
}
