import cron from 'node-cron';
import type { Campaign } from '../core/nudges/campaign.js';
import type { NudgeRepository } from '../core/nudges/nudge-repository.js';
import type { NudgeService } from '../core/nudges/nudge-service.js';
import type { Scheduler } from './scheduler.js';

const MINUTE = 60_000;
/** How far back a missed fire is still caught up (as the scheduler's own jobs). */
const LOOK_BACK_MS = 8 * 24 * 60 * MINUTE;

interface Seen {
  schedule: string;
  /** Minutes up to this one have been matched against the schedule. */
  scanned: number;
  /** The latest minute that matched, if any. */
  last: number | null;
  /** The fire this process already claimed or saw claimed. */
  done: number | null;
}

/**
 * Campaigns carry their own cron expression, so they are not scheduler jobs of their own: a job ticks every minute
 * and fires each active campaign whose schedule matched since its last fire. Each fire is claimed in ScheduleRun
 * as (`campaign:<key>`, fireAt) through the scheduler, so replicas fire it once, a doubled wall-clock minute
 * (clocks going back) once, and a fire missed while no process ran once, at the next tick.
 */
export class CampaignRunner {
  private readonly seen = new Map<string, Seen>();

  constructor(
    private readonly scheduler: Scheduler,
    private readonly repo: NudgeRepository,
    private readonly nudges: NudgeService,
    private readonly timezone: string,
  ) {}

  /** Fires what is due at `now`; returns how many fires this call claimed. */
  async tick(now: Date): Promise<number> {
    let claimed = 0;
    for (const c of await this.repo.activeCampaigns()) {
      if (c.endsAt && c.endsAt.getTime() <= now.getTime()) {
        await this.repo.setCampaignStatus(c.id, 'ENDED', 'system', now);
        continue;
      }
      // Matches before the campaign starts, or before its last change (e.g. it was paused, then started again),
      // are not owed: a campaign started on Thursday does not send Tuesday's nudge.
      const from = Math.max(c.startsAt?.getTime() ?? 0, c.updatedAt.getTime());
      const at = this.latestMatch(c, now.getTime(), from);
      const seen = this.seen.get(c.id)!;
      if (at === null || seen.done === at) continue;
      seen.done = at;
      const job = { name: `campaign:${c.key}`, cron: c.schedule, run: async (fireAt: Date) => void (await this.nudges.fireCampaign(c, fireAt)) };
      if (await this.scheduler.fire(job, new Date(at), 'campaign')) claimed++;
    }
    return claimed;
  }

  /** The latest minute at or before `now` (and not before `from`) matching the campaign's schedule. */
  private latestMatch(c: Campaign, now: number, from: number): number | null {
    const nowMin = Math.floor(now / MINUTE) * MINUTE;
    let s = this.seen.get(c.id);
    const probe = cron.createTask(c.schedule, () => undefined, { timezone: this.timezone });
    try {
      const matches = (t: number) => probe.match(new Date(t));
      if (!s || s.schedule !== c.schedule || nowMin < s.scanned || nowMin - s.scanned > LOOK_BACK_MS) {
        // First look (a changed schedule, a clock that jumped): search back; after that only new minutes are matched.
        let last: number | null = null;
        for (let t = nowMin, end = Math.max(from, nowMin - LOOK_BACK_MS); t >= end; t -= MINUTE) {
          if (matches(t)) {
            last = t;
            break;
          }
        }
        s = { schedule: c.schedule, scanned: nowMin, last, done: s?.schedule === c.schedule ? s.done : null };
        this.seen.set(c.id, s);
      } else {
        for (let t = s.scanned + MINUTE; t <= nowMin; t += MINUTE) if (matches(t)) s.last = t;
        s.scanned = nowMin;
      }
    } finally {
      void probe.destroy();
    }
    return s.last !== null && s.last >= from ? s.last : null;
  }
}
