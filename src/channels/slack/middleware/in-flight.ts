import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';

/**
 * Work continues after the ack (that is the point), so a graceful stop must wait for it: the HTTP server only
 * knows about requests, and Socket Mode has none.
 */
export class InFlight {
  private readonly running = new Set<Promise<void>>();

  readonly middleware: Middleware<AnyMiddlewareArgs> = ({ next }) => this.track(next());

  /** Counts `work` as running until it settles. */
  async track(work: Promise<void>): Promise<void> {
    this.running.add(work);
    try {
      await work;
    } finally {
      this.running.delete(work);
    }
  }

  get size() {
    return this.running.size;
  }

  /** Waits until nothing runs (work that starts meanwhile included), or the time is up. */
  async drain(timeoutMs: number): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (this.running.size > 0 && Date.now() < until) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...this.running]),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, until - Date.now()))),
      ]);
      clearTimeout(timer);
    }
  }
}
