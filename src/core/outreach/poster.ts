import type { Locale } from '../messages.js';
import { formatDayDate } from '../format.js';
import type { OutreachDeps } from './deps.js';
import type { LearningWeek, PosterContent, PublicWorkshop } from './ports.js';
import { translator } from './texts.js';

/** A4 in large letters holds this many workshops; the rest are behind the QR code. */
export const POSTER_MAX_ITEMS = 6;

const time = (d: Date, timeZone: string) =>
  new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(d);

/** Dates with their weekday but without the year: "dinsdag 9 maart". */
const day = (d: Date, locale: Locale, timeZone: string) => formatDayDate(d, locale, timeZone).replace(/ \d{4}$/, '');

export function posterContent(
  week: LearningWeek | null,
  workshops: PublicWorkshop[],
  o: { publicUrl: string; timezone: string; locale: Locale },
): PosterContent {
  const tr = translator(o.locale);
  const tz = o.timezone;
  const shown = workshops.slice(0, POSTER_MAX_ITEMS);
  return {
    title: tr('poster.title'),
    subtitle: week
      ? tr('poster.subtitle_week', { week: week.name, from: day(week.startsOn, o.locale, 'UTC'), to: day(week.endsOn, o.locale, 'UTC') })
      : tr('poster.subtitle_list'),
    items: shown.map((w) => ({
      title: w.title,
      when: tr('poster.when', { day: day(w.startsAt, o.locale, tz), from: time(w.startsAt, tz), to: time(w.endsAt, tz) }),
      where: w.location ?? (w.online ? tr('poster.where_online') : ''),
    })),
    total: workshops.length,
    more: (count) => tr('poster.more', { count }),
    note: tr('poster.free'),
    callToAction: tr('poster.cta'),
    url: week ? `${o.publicUrl}/aanbod/week/${encodeURIComponent(week.key)}` : `${o.publicUrl}/aanbod`,
    language: o.locale,
  };
}

export interface PosterFile {
  filename: string;
  content: Uint8Array;
}

/**
 * The poster of a learning week (by key, or the current or next one), or of a chosen set of workshops (by key).
 * Without a learning week and without keys: the coming workshops. Null when there is nothing to show.
 */
export async function makePoster(ctx: OutreachDeps, q: { weekKey?: string; keys?: string[]; locale?: Locale }): Promise<PosterFile | null> {
  const now = ctx.clock.now();
  const locale = q.locale ?? 'nl';
  const keys = q.keys?.filter(Boolean);
  const week = keys?.length ? null : await ctx.catalogue.learningWeek({ key: q.weekKey, today: now });
  if (q.weekKey && !week) return null;
  const workshops = await ctx.catalogue.upcoming({ from: now, weekKey: week?.key, keys, limit: 50 });
  if (workshops.length === 0) return null;
  const content = posterContent(week, workshops, { publicUrl: ctx.settings.publicUrl, timezone: ctx.settings.timezone, locale });
  const name = week ? week.key : now.toISOString().slice(0, 10);
  return { filename: `poster-${name}.pdf`.replace(/[^\w.-]/g, '-'), content: await ctx.renderPoster(content) };
}
