import type { Logger } from '../core/ports.js';

/**
 * Runs `work` every `everyMs`, never two at once: for what must happen more often than node-cron's minute
 * (a broadcast author's live progress). The work itself is idempotent across replicas.
 */
export class Ticker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;

  constructor(
    private readonly name: string,
    private readonly everyMs: number,
    private readonly work: () => Promise<void>,
    private readonly logger: Logger,
  ) {}

  start() {
    this.stopped = false;
    this.schedule(0);
  }

  async stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(ms: number) {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.work()
        .catch((err: unknown) => this.logger.warn(`${this.name} failed; trying again`, { err }))
        .finally(() => {
          this.running = undefined;
          this.schedule(this.everyMs);
        });
    }, ms);
  }
}
