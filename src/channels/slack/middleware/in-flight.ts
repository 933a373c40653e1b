import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';

/**
 * Work continues after the ack (that is the point), so a graceful stop must wait for it: the HTTP server only
 * knows about requests, and Socket Mode has none.
 */
export class InFlight {
  private readonly running = new Set<Promise<void>>();

  readonly middleware: Middleware<AnyMiddlewareArgs> = async ({ next }) => {
    const work = next();
    this.running.add(work);
    try {
      await work;
    } finally {
      this.running.delete(work);
    }
  };

  get size() {
    return this.running.size;
  }

  async drain(timeoutMs: number): Promise<void> {
    if (this.running.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...this.running]),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs))),
    ]);
    clearTimeout(timer);
  }
}
