import { localDate, startOfLocalDay } from '../time.js';
import { FOLLOW_UP_DAYS, percent } from './activity.js';
import type { Dimension, EngagementReportRepository, Span } from './report-repository.js';
import { MIN_GROUP } from './settings.js';

/** One group in one week. Figures are null when the group has fewer than MIN_GROUP people. */
export interface EngagementRow {
  group: string;
  /** Monday of the week, `YYYY-MM-DD` (local). */
  week: string;
  people: number | null;
  active: number | null;
  share: number | null;
  suppressed: boolean;
}

/** One group over the rolling window (the chart and the chat summary). */
export interface CurrentRow {
  group: string;
  people: number | null;
  active: number | null;
  share: number | null;
  suppressed: boolean;
}

export interface CampaignRow {
  campaign: string;
  name: string;
  variant: string;
  sent: number | null;
  clicked: number | null;
  clickShare: number | null;
  activeAfter: number | null;
  activeAfterShare: number | null;
  suppressed: boolean;
}

export interface EngagementReport {
  dimension: Dimension;
  weeks: string[];
  activityWeeks: number;
  engagement: EngagementRow[];
  current: CurrentRow[];
  campaigns: CampaignRow[];
}

const iso = (d: { year: number; month: number; day: number }) =>
  `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

/** The last `count` local weeks (Monday 00:00 to Monday 00:00), the current one last; DST weeks are 167 or 169 hours. */
export function lastWeeks(now: Date, count: number, tz: string): (Span & { label: string })[] {
  const monday = startOfLocalDay(now, tz, 1 - localDate(now, tz).weekday);
  const weeks: (Span & { label: string })[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const start = startOfLocalDay(monday, tz, -7 * i);
    weeks.push({ start, end: startOfLocalDay(start, tz, 7), label: iso(localDate(start, tz)) });
  }
  return weeks;
}

/**
 * Engagement by group over time and per campaign variant, with every figure of a group (or variant) under
 * MIN_GROUP left out. There is no total row: with one small group hidden, a total would give it away.
 */
export async function buildReport(
  repo: EngagementReportRepository,
  opts: { dimension: Dimension; weeks: number; activityWeeks: number; now: Date; timezone: string },
): Promise<EngagementReport> {
  const weeks = lastWeeks(opts.now, opts.weeks, opts.timezone);
  const rolling: Span = { start: startOfLocalDay(opts.now, opts.timezone, -7 * opts.activityWeeks), end: opts.now };
  const [sizes, activity, variants] = await Promise.all([
    repo.groupSizes(opts.dimension),
    repo.activeByGroup(opts.dimension, [...weeks, rolling]),
    repo.campaignVariants(FOLLOW_UP_DAYS),
  ]);
  const activeIn = (group: string, span: number) => activity.find((a) => a.group === group && a.span === span)?.active ?? 0;
  const groups = [...sizes].sort((a, b) => a.group.localeCompare(b.group, 'nl'));
  const row = (group: string, people: number, active: number) => {
    const show = people >= MIN_GROUP;
    return { group, people: show ? people : null, active: show ? active : null, share: show ? percent(active, people) : null, suppressed: !show };
  };
  const engagement = groups.flatMap((g) => weeks.map((w, i) => ({ ...row(g.group, g.people, activeIn(g.group, i)), week: w.label })));
  const current = groups.map((g) => row(g.group, g.people, activeIn(g.group, weeks.length)));
  const campaigns = [...variants]
    .sort((a, b) => a.campaignKey.localeCompare(b.campaignKey) || a.variant.localeCompare(b.variant))
    .map((v): CampaignRow => {
      const show = v.sent >= MIN_GROUP;
      return {
        campaign: v.campaignKey,
        name: v.campaignName,
        variant: v.variant,
        sent: show ? v.sent : null,
        clicked: show ? v.clicked : null,
        clickShare: show ? percent(v.clicked, v.sent) : null,
        activeAfter: show ? v.activeAfter : null,
        activeAfterShare: show ? percent(v.activeAfter, v.sent) : null,
        suppressed: !show,
      };
    });
  return { dimension: opts.dimension, weeks: weeks.map((w) => w.label), activityWeeks: opts.activityWeeks, engagement, current, campaigns };
}
