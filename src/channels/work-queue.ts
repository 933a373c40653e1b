/**
 * Runs at most `limit` jobs at a time; the rest wait in arrival order. Slack's work after an ack (database, Web
 * API) goes through one, so that a burst of clicks cannot crowd the event loop that must ack the next ones;
 * Teams' turns go through another, so that two hundred invokes are answered in turn instead of all slowly.
 */
export class WorkQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  /** `before`: awaited by each job once it has its place, before it starts (see AckGate). */
  constructor(
    readonly limit: number,
    private readonly before: () => Promise<void> = () => Promise.resolve(),
  ) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`work queue limit must be a positive whole number, got ${limit}`);
  }

  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.running < this.limit) this.running++;
    // The finishing job hands its place straight to the next one, so `running` stays counted.
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      await this.before();
      return await job();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  /** Jobs waiting for a place. */
  get queued(): number {
    return this.waiting.length;
  }

  get active(): number {
    return this.running;
  }
}
