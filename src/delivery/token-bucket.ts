/**
 * A token bucket: `ratePerSecond` tokens refill continuously up to `burst`. `take()` resolves when a token is
 * available; waiters are served in order. A `pauseUntil` (a platform said 429 for the whole bucket) holds all.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private queue: (() => void)[] = [];
  private timer: NodeJS.Timeout | undefined;
  private pausedUntil = 0;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number = Math.max(1, Math.ceil(ratePerSecond)),
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = burst;
    this.last = now();
  }

  take(): Promise<void> {
    return new Promise((resolve) => {
      this.queue.push(resolve);
      this.drain();
    });
  }

  pauseUntil(epochMs: number) {
    this.pausedUntil = Math.max(this.pausedUntil, epochMs);
  }

  private refill() {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.ratePerSecond);
    this.last = t;
  }

  private drain() {
    if (this.timer) return;
    this.refill();
    const t = this.now();
    while (this.queue.length && this.tokens >= 1 && t >= this.pausedUntil) {
      this.tokens -= 1;
      this.queue.shift()!();
    }
    if (this.queue.length === 0) return;
    const wait = Math.max(this.pausedUntil - t, ((1 - this.tokens) / this.ratePerSecond) * 1000, 1);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.drain();
    }, wait);
  }

  stop() {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/** Buckets by key (platform + tenant), created on first use. */
export class BucketPool {
  private readonly buckets = new Map<string, TokenBucket>();
  constructor(private readonly make: (key: string) => TokenBucket) {}
  get(key: string) {
    let b = this.buckets.get(key);
    if (!b) this.buckets.set(key, (b = this.make(key)));
    return b;
  }
  stop() {
    for (const b of this.buckets.values()) b.stop();
  }
}
