import { randomUUID } from 'node:crypto';
import type { Message } from '../core/messages.js';
import { editOf } from '../core/outbox.js';
import { relayed } from '../core/team/relay.js';
import type { Actor } from '../core/people/person.js';
import type { Logger, Platform, Sender } from '../core/ports.js';
import type { Metrics } from '../metrics.js';
import { deliver, withTimeout } from './deliver.js';
import { expiredFor } from './expiry.js';
import type { ClaimedMessage, OutboxQueue } from './outbox-queue.js';
import { burstFor, ConversationSpacing, RateGate } from './pacer.js';
import type { Recipient } from './recipient.js';
import { Outcomes } from './outcomes.js';

export interface OutboxWorkerOptions {
  senders: Sender[];
  /** Messages per second per platform and tenant/workspace (10 when missing); Infinity = no limit. */
  rates: Partial<Record<Platform, number>>;
  /** Messages per second per conversation (Slack channel, Teams chat); missing = no limit. */
  conversationRates?: Partial<Record<Platform, number>>;
  /**
   * Changes and deletions of earlier messages per second per workspace/tenant, in a bucket of their own: Slack
   * limits chat.update and chat.delete far below chat.postMessage (Tier 3). Missing = as `rates`.
   */
  editRates?: Partial<Record<Platform, number>>;
  /** Sends in flight at once in this process. */
  concurrency: number;
  /** Whether a person's pause holds back a kind: a property of each kind, from the features' registry. */
  respectsPause: (kind: string) => boolean;
  /**
   * How long after its due moment a kind still makes sense (ms; undefined = no limit): a property of each kind,
   * from the same registry. Older rows are cancelled, never sent days late.
   */
  expiresAfter?: (kind: string) => number | undefined;
  leaseMs?: number;
  pollMs?: number;
  sendTimeoutMs?: number;
  workerId?: string;
  /** How much of a bucket's future one process holds in memory; rows beyond it go back for later. */
  lookaheadMs?: number;
}

export type Compose = (row: ClaimedMessage, actor: Actor) => Promise<Message | null>;

interface Held {
  row: ClaimedMessage;
  recipient: Recipient;
  conversation: string;
  /** Local time by which the lease has surely ended (measured from before the claim). */
  leaseEnd: number;
}

interface Bucket {
  platform: Platform;
  tenantId: string;
  /** Messages per second for the whole bucket (all replicas). */
  rate: number;
  gate: RateGate;
  queue: Held[];
  timer?: NodeJS.Timeout;
}

const SHARES_EVERY_MS = 1000;
const BUSY_POLL_MS = 100;

/**
 * Delivers outbox rows. Claims due rows in batches (lease + SKIP LOCKED), queues them per platform bucket
 * (workspace/tenant), and sends each when its bucket and its conversation allow, so that a slow workspace never
 * holds up the others. Replicas split a bucket's rate by the number of workers holding its rows. A crash loses
 * nothing: unfinished rows return when their lease ends.
 */
export class OutboxWorker {
  readonly id: string;
  private running = false;
  private inFlight = 0;
  private held = 0;
  private wake: (() => void) | undefined;
  private loop: Promise<void> | undefined;
  private readonly senders: Map<Platform, Sender>;
  private readonly buckets = new Map<string, Bucket>();
  private readonly spacing = new ConversationSpacing();
  /** Rows waiting for their conversation's next slot, with the timer that puts them back in their queue. */
  private readonly spaced = new Map<Held, NodeJS.Timeout>();
  private readonly chores = new Set<Promise<unknown>>();
  private readonly outcomes: Outcomes;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly sendTimeoutMs: number;
  private readonly lookaheadMs: number;
  private sharesAt = 0;

  constructor(
    private readonly store: OutboxQueue,
    private readonly compose: Compose,
    private readonly logger: Logger,
    metrics: Metrics | undefined,
    private readonly opts: OutboxWorkerOptions,
  ) {
    this.id = opts.workerId ?? `worker-${randomUUID()}`;
    this.senders = new Map(opts.senders.map((s) => [s.platform, s]));
    this.leaseMs = opts.leaseMs ?? 60_000;
    this.pollMs = opts.pollMs ?? 250;
    this.sendTimeoutMs = Math.min(opts.sendTimeoutMs ?? 30_000, Math.max(100, this.leaseMs / 2));
    this.lookaheadMs = opts.lookaheadMs ?? 2000;
    this.outcomes = new Outcomes(store, this.id, logger, metrics);
  }

  start() {
    if (this.running || this.senders.size === 0) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops claiming, hands back rows not yet started, and waits (bounded) for sends in flight. */
  async stop(timeoutMs = 10_000) {
    this.running = false;
    this.wake?.();
    await this.loop;
    for (const t of this.spaced.values()) clearTimeout(t);
    const waiting = [...this.spaced.keys(), ...[...this.buckets.values()].flatMap((b) => {
      clearTimeout(b.timer);
      return b.queue.splice(0);
    })];
    this.spaced.clear();
    this.held -= waiting.length;
    await this.store.release(this.id, waiting.map((h) => ({ id: h.row.id, delayMs: 0 }))).catch((err: unknown) => {
      this.logger.warn('outbox: handing back rows failed; they return when their lease ends', { err });
    });
    const until = Date.now() + timeoutMs;
    while (this.inFlight > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    await Promise.allSettled([...this.chores]);
    await this.outcomes.flush();
  }

  /** Ask the worker to look now (new rows were enqueued). */
  nudge() {
    this.wake?.();
  }

  /**
   * Rows held in memory (queued + in flight). A claim costs a round trip of some tens of milliseconds under load
   * whatever its size, so rows are claimed in big batches, well before the queue runs dry.
   */
  private get maxHeld() {
    return Math.max(this.opts.concurrency * 8, 64);
  }

  private async run() {
    const platforms = [...this.senders.keys()];
    const batchMin = Math.max(1, Math.floor(this.maxHeld / 4));
    while (this.running) {
      const room = this.maxHeld - this.held;
      let asked = 0;
      let claimed = 0;
      if (room >= batchMin || this.held === 0) {
        asked = Math.min(room, 1000);
        const before = Date.now();
        try {
          const rows = await this.store.claim(this.id, asked, this.leaseMs, platforms);
          claimed = rows.length;
          await this.admit(rows, before + this.leaseMs);
          await this.refreshShares();
        } catch (err) {
          this.logger.warn('outbox claim failed; retrying', { err });
        }
      }
      if (this.running && claimed > 0 && claimed === asked) continue;
      // Rows of a big broadcast become due a few at a time (planned at the platforms' pace): while they flow,
      // look again soon, so that they go when planned; when nothing came, wait the full poll interval.
      const pause = claimed > 0 ? Math.min(this.pollMs, BUSY_POLL_MS) : this.pollMs;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pause);
        this.wake = () => {
          clearTimeout(timer);
          this.wake = undefined;
          resolve();
        };
      });
    }
  }

  /** Claimed rows into their buckets' queues; rows a bucket cannot send within the lookahead go back for later. */
  private async admit(rows: ClaimedMessage[], leaseEnd: number) {
    const later: { id: bigint; delayMs: number }[] = [];
    const over = new Map<Bucket, number>();
    for (const row of rows) {
      const r = row.recipient;
      // Someone who left gets nothing more, whatever feature planned the message before they left.
      if (row.personLeft) {
        this.chore(this.outcomes.finish(row, 'CANCELLED', 'person left'));
        continue;
      }
      if (!r) {
        this.chore(this.outcomes.finish(row, 'FAILED', row.personId ? 'unreachable: no reachable chat identity' : 'unreachable: no channel to post in'));
        continue;
      }
      const late = expiredFor(row, this.opts.expiresAfter?.(row.kind), Date.now());
      if (late) {
        this.chore(this.outcomes.finish(row, 'CANCELLED', late));
        continue;
      }
      if (r.actor.person.paused && this.opts.respectsPause(row.kind)) {
        this.chore(this.outcomes.finish(row, 'CANCELLED', 'person paused'));
        continue;
      }
      const b = this.bucket(row.platform, row.tenantId, editOf(row.payload) !== null);
      const rate = b.gate.perSecond;
      if (b.queue.length >= Math.max(2, Math.ceil((rate * this.lookaheadMs) / 1000))) {
        // When this bucket would get to the row: the platform's pace sets the queue's order, not the claim's.
        const n = (over.get(b) ?? 0) + 1;
        over.set(b, n);
        later.push({ id: row.id, delayMs: ((b.queue.length + n) / rate) * 1000 });
        continue;
      }
      b.queue.push({ row, recipient: r, conversation: `${row.platform}:${r.target.tenantId}:${r.target.userId}`, leaseEnd });
      this.held++;
    }
    if (later.length) await this.store.release(this.id, later);
    this.pump();
  }

  private bucket(platform: Platform, tenantId: string, edit: boolean): Bucket {
    const key = `${platform}:${tenantId}${edit ? ':edit' : ''}`;
    let b = this.buckets.get(key);
    if (!b) {
      const rate = (edit ? this.opts.editRates?.[platform] : undefined) ?? this.opts.rates[platform] ?? 10;
      b = { platform, tenantId, rate, gate: new RateGate(rate, burstFor(rate), Date.now()), queue: [] };
      this.buckets.set(key, b);
    }
    return b;
  }

  /** Replicas share each bucket's rate: every worker holding its rows gets an equal part. */
  private async refreshShares() {
    const now = Date.now();
    if (now - this.sharesAt < SHARES_EVERY_MS || this.buckets.size === 0) return;
    this.sharesAt = now;
    const shares = await this.store.shares();
    for (const b of this.buckets.values()) {
      const workers = shares.find((s) => s.platform === b.platform && s.tenantId === b.tenantId)?.workers ?? 1;
      b.gate.setRate(b.rate / Math.max(1, workers), now);
    }
  }

  /** Starts every send the buckets, conversations and concurrency allow now, one bucket at a time in turn. */
  private pump() {
    let progressed = true;
    while (progressed && this.inFlight < this.opts.concurrency) {
      progressed = false;
      const now = Date.now();
      for (const b of this.buckets.values()) {
        if (this.inFlight >= this.opts.concurrency) break;
        const h = b.queue[0];
        if (!h) continue;
        const wait = b.gate.wait(now);
        if (wait > 0) {
          b.timer ??= setTimeout(() => {
            b.timer = undefined;
            this.pump();
          }, wait);
          continue;
        }
        b.queue.shift();
        progressed = true;
        const gap = this.spacing.wait(h.conversation, now);
        if (gap > 0) {
          this.spaced.set(
            h,
            setTimeout(() => {
              this.spaced.delete(h);
              b.queue.unshift(h);
              this.pump();
            }, gap),
          );
          continue;
        }
        b.gate.take(now);
        this.spacing.take(h.conversation, now, this.opts.conversationRates?.[b.platform] ?? Infinity);
        this.launch(h);
      }
    }
  }

  private chore(p: Promise<unknown>) {
    this.chores.add(p);
    void p.catch((err: unknown) => this.logger.warn('outbox: recording an outcome failed', { err })).finally(() => this.chores.delete(p));
  }

  private launch(h: Held) {
    this.inFlight++;
    void this.process(h).finally(() => {
      this.inFlight--;
      this.held--;
      this.pump();
      this.wake?.();
    });
  }

  private async process({ row, recipient, leaseEnd }: Held) {
    // A send that could outlive the lease might run beside another worker's: hand the row back instead.
    if (Date.now() + this.sendTimeoutMs + 1000 > leaseEnd) return this.store.release(this.id, [{ id: row.id, delayMs: 0 }]).catch(() => undefined);
    const sender = this.senders.get(row.platform)!;
    try {
      const composed = await this.compose(row, recipient.actor);
      if (!composed) return await this.outcomes.finish(row, 'CANCELLED', 'no longer applies');
      const message = recipient.relayFor !== undefined ? relayed(composed, recipient.relayFor, recipient.actor.locale) : composed;
      const result = await withTimeout(deliver(sender, recipient.target, message, row.idempotencyKey, row.payload), this.sendTimeoutMs);
      await this.outcomes.record(row, result, recipient.identityId);
    } catch (err) {
      this.logger.warn('outbox delivery error', { id: String(row.id), kind: row.kind, err });
      await this.outcomes.record(row, { ok: false, kind: 'retry', reason: err instanceof Error ? err.message : String(err) }, null).catch(() => undefined);
    }
  }
}
