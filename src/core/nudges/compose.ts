import type { NudgesDeps } from './deps.js';
import { translator } from './texts.js';
import type { Message } from '../messages.js';
import type { Actor } from '../people/person.js';
import { localDate, startOfLocalDay } from '../time.js';
import { fill, ownWindow, textFor } from './campaign.js';
import { chooseWorkshops } from './choose.js';
import { digestMessage } from './digest.js';
import { nudgeSettings } from './nudge-service.js';
import { WINDOW_GRACE_MIN, windowFor } from './settings.js';
import { localDay, validTimezone, type SendWindow } from './window.js';

/**
 * May a nudge planned for local day `day` go at `now`? Only on that day, on a day of the window, from its start
 * until a short grace after its end: a backlog or a restart never turns a nudge into an evening message.
 */
export function deliverable(now: Date, w: SendWindow, tz: string, day: number | undefined): boolean {
  const p = localDate(now, tz);
  const minutes = p.hour * 60 + p.minute;
  if (day !== undefined && localDay(now, tz) !== day) return false;
  return w.days.includes(p.weekday) && minutes >= w.from && minutes < w.until + WINDOW_GRACE_MIN;
}

export const NUDGE_OPEN = 'nudge.open';

/**
 * The text of a campaign nudge at delivery. Null (the row is cancelled, and does not count for the cap) when the
 * campaign stopped, the person no longer belongs to its target (became active, opted out, moved), the moment
 * fell outside their window, or there is nothing to offer them.
 */
export async function composeNudge(ctx: NudgesDeps, payload: Record<string, unknown>, actor: Actor): Promise<Message | null> {
  const now = ctx.clock.now();
  const c = await ctx.nudges.getCampaign(String(payload.campaignId ?? ''));
  if (!c || c.status !== 'ACTIVE') return null;
  const person = actor.person;
  const tz = validTimezone(person.timezone, ctx.settings.timezone);
  const day = typeof payload.day === 'number' ? payload.day : undefined;
  if (!deliverable(now, windowFor(nudgeSettings(ctx), person.department, ownWindow(c.target)), tz, day)) return null;
  if ((await ctx.nudges.targets(c.target, now, person.id)).length === 0) return null;
  const variant = c.variants.find((v) => v.key === payload.variant) ?? c.variants[0];
  if (!variant) return null;
  let count = 0;
  if (variant.action === 'workshops') {
    count = (await chooseWorkshops(ctx.workshops, person, now)).length;
    if (count === 0) return null;
  }
  const t = textFor(variant, actor.locale);
  const text = fill(t.text, { count, name: person.name });
  const tr = translator(actor.locale);
  return {
    text,
    blocks: [
      { type: 'text', text },
      { type: 'actions', buttons: [{ action: NUDGE_OPEN, value: JSON.stringify({ c: c.id }), label: fill(t.button, { count, name: person.name }), style: 'primary' }] },
      { type: 'context', text: tr('nudge.optout_hint') },
    ],
  };
}

/** The team leader's digest at delivery, from the figures of that moment. */
export async function composeDigest(ctx: NudgesDeps, payload: Record<string, unknown>, actor: Actor): Promise<Message | null> {
  const now = ctx.clock.now();
  const s = nudgeSettings(ctx);
  const tz = validTimezone(actor.person.timezone, ctx.settings.timezone);
  if (!deliverable(now, windowFor(s, actor.person.department), tz, undefined)) return null;
  if (await ctx.nudges.isOptedOut(actor.person.id, 'nudges')) return null;
  const since = startOfLocalDay(now, ctx.settings.timezone, -7 * s.activityWeeks);
  const figures = await ctx.nudges.teamFigures(actor.person.id, since, now);
  if (figures.size === 0) return null;
  return digestMessage(translator(actor.locale), figures, { week: String(payload.week ?? ''), activityWeeks: s.activityWeeks });
}
