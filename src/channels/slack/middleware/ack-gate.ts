interface Waiter {
  resolve(): void;
  deadline: number;
}

/**
 * Keeps work after an ack from competing with the acks of a rush. Work waits while requests still wait for
 * their ack, and until no new request has come in for `settleMs`: the requests of a burst reach the process one
 * event-loop turn after another, and work started in a lull between two turns would hold up the next turn's
 * acks. The wait is bounded by `maxWaitMs`, so a steady stream of requests cannot hold the work back for ever.
 */
export class AckGate {
  private pending = 0;
  private lastArrival = -Infinity;
  private waiters: Waiter[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly settleMs = 15,
    private readonly maxWaitMs = 1000,
  ) {}

  /** A request came in; call the returned function once it is acknowledged (or answered otherwise). */
  arrived(): () => void {
    this.pending++;
    this.lastArrival = performance.now();
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.pending--;
      if (this.waiters.length) this.schedule();
    };
  }

  /** Resolves when the rush has been acknowledged, or after the longest wait. */
  quiet(): Promise<void> {
    if (this.isQuiet(performance.now())) return Promise.resolve();
    return new Promise<void>((resolve) => {
      this.waiters.push({ resolve, deadline: performance.now() + this.maxWaitMs });
      this.schedule();
    });
  }

  private isQuiet(now: number) {
    return this.pending === 0 && now - this.lastArrival >= this.settleMs;
  }

  private schedule() {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.check();
    }, this.settleMs);
  }

  private check() {
    const now = performance.now();
    const quiet = this.isQuiet(now);
    const still: Waiter[] = [];
    for (const w of this.waiters) {
      if (quiet || now >= w.deadline) w.resolve();
      else still.push(w);
    }
    this.waiters = still;
    if (still.length) this.schedule();
  }
}
