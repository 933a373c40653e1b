/**
 * Counts requests that have arrived and are not acknowledged yet. Work after an ack waits (briefly) while any
 * are pending: in a rush the acks go out first, all of them, and only then does the work behind them take the
 * event loop. The wait is bounded, so a steady stream of requests cannot hold the work back for ever.
 */
export class AckGate {
  private pending = 0;
  private waiters: (() => void)[] = [];

  constructor(private readonly maxWaitMs = 250) {}

  arrived(): () => void {
    this.pending++;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      if (--this.pending === 0) this.release();
    };
  }

  /** Resolves when no ack is pending, or after the longest wait. */
  quiet(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, this.maxWaitMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private release() {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}
