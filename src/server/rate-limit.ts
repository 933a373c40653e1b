/**
 * A fixed-window counter per key (an IP address): at most `limit` hits per `windowMs`. In memory, per process:
 * enough to keep one abuser off a public form; the windows are forgotten as they pass.
 */
export class RateLimiter {
  private readonly hits = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Forgets every window (a restart does the same). */
  reset(): void {
    this.hits.clear();
  }

  /** Counts a hit; false when the key is over its limit in the current window. */
  take(key: string): boolean {
    const t = this.now();
    if (this.hits.size > 10_000) for (const [k, v] of this.hits) if (t - v.start >= this.windowMs) this.hits.delete(k);
    const h = this.hits.get(key);
    if (!h || t - h.start >= this.windowMs) {
      this.hits.set(key, { start: t, count: 1 });
      return true;
    }
    h.count++;
    return h.count <= this.limit;
  }
}
