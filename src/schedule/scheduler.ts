import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../core/ports.js';
import { localDate } from '../core/time.js';
import type { FireClaims } from './fire-claims.js';

export interface Job {
  /** Stable name: the key of its runs in ScheduleRun. */
  name: string;
  /** node-cron expression (5 fields, minute precision) in the configured timezone. */
  cron: string;
  /**
   * Does the work for one fire; jobs enqueue (outbox rows), they do not send. `signal` aborts when the scheduler
   * stops: a job that waits on outside services (the directory sync) gives up then, so a stop stays prompt.
   */
  run(fireAt: Date, signal?: AbortSignal): Promise<void>;
  /** Run the latest fire missed while no process was up, once, at start (default true). */
  catchUp?: boolean;
  /** Its catch-up runs in the background instead of holding up start (it may wait on outside services). */
  catchUpInBackground?: boolean;
}

const MINUTE = 60_000;
const CATCH_UP_WINDOW_MS = 8 * 24 * 60 * MINUTE;

const wallClock = (d: Date, tz: string) => {
  const p = localDate(d, tz);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
};

/**
 * node-cron schedules whose every fire runs exactly once across replicas: a fire is claimed by inserting
 * (job, fireAt) into ScheduleRun, and only the replica whose insert succeeds runs it.
 */
export class Scheduler {
  private readonly jobs: Job[] = [];
  private readonly tasks: ScheduledTask[] = [];
  private readonly running = new Set<Promise<unknown>>();
  private readonly stopping = new AbortController();

  constructor(
    private readonly claims: FireClaims,
    private readonly logger: Logger,
    private readonly opts: { timezone: string; runnerId: string; now?: () => Date },
  ) {}

  register(job: Job) {
    if (!cron.validate(job.cron)) throw new Error(`job ${job.name}: invalid cron expression "${job.cron}"`);
    this.jobs.push(job);
  }

  async start() {
    for (const job of this.jobs) {
      const task = cron.schedule(job.cron, (ctx) => this.track(job, this.fire(job, ctx.date)), {
        timezone: this.opts.timezone,
        name: job.name,
        noOverlap: true,
      });
      this.tasks.push(task);
    }
    const catchUps = this.jobs.filter((j) => j.catchUp !== false);
    for (const j of catchUps.filter((x) => x.catchUpInBackground)) this.track(j, this.catchUp(j));
    await Promise.all(catchUps.filter((j) => !j.catchUpInBackground).map((j) => this.catchUp(j)));
  }

  async stop() {
    for (const t of this.tasks) await t.destroy();
    this.tasks.length = 0;
    // Running jobs hear of the stop; those that wait on outside services give up instead of holding it up.
    this.stopping.abort(new Error('scheduler stopping'));
    await Promise.allSettled([...this.running]);
  }

  /** The latest moment before `now` when `job` should have fired (minute precision), within eight days. */
  previousFire(job: Job, now: Date): Date | null {
    const probe = cron.createTask(job.cron, () => undefined, { timezone: this.opts.timezone });
    try {
      let t = Math.floor(now.getTime() / MINUTE) * MINUTE;
      if (t === now.getTime()) t -= MINUTE;
      for (const end = now.getTime() - CATCH_UP_WINDOW_MS; t > end; t -= MINUTE) {
        if (probe.match(new Date(t))) return new Date(t);
      }
      return null;
    } finally {
      void probe.destroy();
    }
  }

  private async catchUp(job: Job) {
    const fireAt = this.previousFire(job, this.opts.now?.() ?? new Date());
    if (!fireAt) return;
    if (!(await this.claims.hasFireSince(job.name, fireAt))) await this.fire(job, fireAt, 'catch-up');
  }

  /** Claims and runs one fire; returns false when another replica (or an earlier run) has it. */
  async fire(job: Job, at: Date, reason = 'scheduled'): Promise<boolean> {
    const fireAt = new Date(Math.floor(at.getTime() / MINUTE) * MINUTE);
    // When clocks go back, the same wall-clock minute comes twice; it is one fire, not two.
    const nearby = await this.claims.firesBetween(job.name, new Date(fireAt.getTime() - 2 * 60 * MINUTE), fireAt);
    if (nearby.some((at) => wallClock(at, this.opts.timezone) === wallClock(fireAt, this.opts.timezone))) return false;
    if (!(await this.claims.claim(job.name, fireAt, this.opts.runnerId))) return false;
    const log = this.logger.child({ job: job.name, fireAt: fireAt.toISOString(), reason });
    try {
      await job.run(fireAt, this.stopping.signal);
      await this.claims.finish(job.name, fireAt);
      log.debug('job done');
    } catch (err) {
      log.error('job failed', { err });
      await this.claims.finish(job.name, fireAt, String(err)).catch(() => undefined);
    }
    return true;
  }

  /**
   * A fire whose claim could not even be tried (the database unreachable at that minute) is logged and skipped:
   * a rejection here would be unhandled and end the process. Its work comes with the job's next fire.
   */
  private track(job: Job, fire: Promise<unknown>) {
    const p = fire.catch((err: unknown) => this.logger.warn('scheduler: fire skipped, the database did not answer', { job: job.name, err }));
    this.running.add(p);
    void p.finally(() => this.running.delete(p));
  }
}
