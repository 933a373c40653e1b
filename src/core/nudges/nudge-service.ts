import type { NudgesDeps } from './deps.js';
import { localDate } from '../time.js';
import { ownWindow, type Campaign } from './campaign.js';
import type { PlannedDigest, PlannedNudge } from './nudge-repository.js';
import { DEFAULT_NUDGE_SETTINGS, type NudgeSettings, windowFor } from './settings.js';
import { assignVariant } from './variant.js';
import { localDay, nextInWindow, validTimezone } from './window.js';

/** ISO week of the local date of `t`, e.g. `2027-W12`: the key of a weekly digest. */
export function isoWeek(t: Date, tz: string): string {
  const p = localDate(t, tz);
  const thursday = new Date(Date.UTC(p.year, p.month - 1, p.day + 4 - p.weekday));
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export const nudgeSettings = (ctx: NudgesDeps): NudgeSettings => ctx.settings.nudges ?? DEFAULT_NUDGE_SETTINGS;

/**
 * Turns scheduled fires into outbox rows. Jobs call it; it only plans: who, which variant, not before when. The
 * texts are composed at delivery time (compose.ts), from the data of that moment.
 */
export class NudgeService {
  constructor(private readonly ctx: NudgesDeps) {}

  /** One fire of a campaign: its target group now, each person in their own window, within the weekly cap. */
  async fireCampaign(c: Campaign, fireAt: Date): Promise<number> {
    if (c.status !== 'ACTIVE' || c.variants.length === 0) return 0;
    const now = this.ctx.clock.now();
    // A fire caught up after downtime plans from now, not from the missed moment.
    const from = now.getTime() > fireAt.getTime() ? now : fireAt;
    const s = nudgeSettings(this.ctx);
    const own = ownWindow(c.target);
    const targets = await this.ctx.nudges.targets(c.target, from);
    const planned = targets.map((t): PlannedNudge => {
      const tz = validTimezone(t.timezone, this.ctx.settings.timezone);
      const notBefore = nextInWindow(from, windowFor(s, t.department, own), tz);
      const day = localDay(notBefore, tz);
      const variant = assignVariant(c.variants, c.key, t.personId).key;
      return {
        idempotencyKey: `nudge:${c.id}:${fireAt.getTime()}:${t.personId}`,
        personId: t.personId,
        notBefore,
        day,
        payload: { campaignId: c.id, variant, fireAt: fireAt.toISOString(), at: notBefore.toISOString(), day },
      };
    });
    const written = await this.ctx.nudges.enqueueCapped(planned, s.capDays);
    this.ctx.logger.info('campaign fired', { campaign: c.key, fireAt: fireAt.toISOString(), targets: targets.length, planned: written });
    return written;
  }

  /** The weekly digest: one row per team leader per ISO week, in the leader's own window. */
  async planDigests(fireAt: Date): Promise<number> {
    const now = this.ctx.clock.now();
    const from = now.getTime() > fireAt.getTime() ? now : fireAt;
    const s = nudgeSettings(this.ctx);
    const leaders = await this.ctx.nudges.teamLeaders();
    const digests = leaders.map((l): PlannedDigest => {
      const tz = validTimezone(l.timezone, this.ctx.settings.timezone);
      const notBefore = nextInWindow(from, windowFor(s, l.department), tz);
      // The week it arrives in: a fire caught up on a Sunday, delivered on Monday, counts for Monday's week.
      const week = isoWeek(notBefore, tz);
      return { idempotencyKey: `digest:${l.personId}:${week}`, personId: l.personId, notBefore, payload: { week } };
    });
    return this.ctx.nudges.enqueueDigests(digests);
  }
}
