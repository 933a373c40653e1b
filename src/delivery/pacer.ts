/**
 * A token bucket read and written synchronously by the worker's dispatcher: `wait(now)` says how long until a
 * token is free, `take(now)` spends one. The rate can change while running (replicas share a platform's limit,
 * see OutboxWorker), and `Infinity` means no limit (benchmarks, tests).
 */
export class RateGate {
  private tokens: number;
  private last: number;

  constructor(
    private rate: number,
    private readonly burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.last = now;
  }

  get perSecond() {
    return this.rate;
  }

  setRate(rate: number, now: number) {
    this.refill(now);
    this.rate = rate;
  }

  /** Milliseconds until a token is available; 0 means now. */
  wait(now: number): number {
    if (this.rate === Infinity) return 0;
    this.refill(now);
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) / this.rate) * 1000);
  }

  take(now: number) {
    if (this.rate === Infinity) return;
    this.refill(now);
    this.tokens -= 1;
  }

  private refill(now: number) {
    if (this.rate !== Infinity) this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
  }
}

/**
 * Spacing per conversation (Slack ≈ 1 message/s per channel, Teams 7/s per conversation): only the moment the
 * next message may go is kept per conversation, and forgotten once it has passed, so a broadcast to 100,000
 * people does not leave 100,000 entries behind.
 */
export class ConversationSpacing {
  private readonly next = new Map<string, number>();
  private lastSweep = 0;

  /** Milliseconds until `key` may get its next message; 0 means now. */
  wait(key: string, now: number): number {
    const at = this.next.get(key);
    return at === undefined || at <= now ? 0 : at - now;
  }

  take(key: string, now: number, perSecond: number) {
    if (perSecond === Infinity) return;
    this.next.set(key, Math.max(now, this.next.get(key) ?? 0) + 1000 / perSecond);
    if (now - this.lastSweep > 5000) this.sweep(now);
  }

  get size() {
    return this.next.size;
  }

  private sweep(now: number) {
    this.lastSweep = now;
    for (const [key, at] of this.next) if (at <= now) this.next.delete(key);
  }
}

/** The limits of one platform: per workspace/tenant, and per conversation (DM channel, 1:1 chat). */
export interface PlatformPace {
  /** Messages per second per workspace (Slack) or tenant (Teams); Infinity = no limit. */
  perTenant: number;
  /** Messages per second per conversation; Infinity = no limit. */
  perConversation: number;
}

/**
 * A bucket's burst: a quarter second's worth, at least one. Sending at the platform's rate with a full second of
 * burst would leave the platform's own bucket empty all the time, so that every bit of network jitter became a
 * 429; a small burst costs nothing over a long broadcast and keeps the platform's bucket nearly full.
 */
export const burstFor = (rate: number) => (rate === Infinity ? Infinity : Math.max(1, Math.ceil(rate / 4)));
