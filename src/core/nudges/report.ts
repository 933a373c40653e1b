import { localDate, startOfLocalDay } from '../time.js';
import { FOLLOW_UP_DAYS, percent } from './activity.js';
import { DIMENSIONS, type Dimension, type CrossGroupSize, type EngagementReportRepository, type FrozenWeek, type Span } from './report-repository.js';
import { MIN_GROUP } from './settings.js';
import { suppressDimensions, suppressVariants, type Hidden } from './suppression.js';

/**
 * One group in one week. Activity figures are null when the suppression rule hides the group (suppression.ts):
 * `hidden` says why; `people` is null only for a group too small to show at all.
 */
export interface EngagementRow {
  group: string;
  /** Monday of the week, `YYYY-MM-DD` (local). */
  week: string;
  people: number | null;
  active: number | null;
  share: number | null;
  suppressed: boolean;
  hidden: Hidden | null;
}

/** One group over the rolling window (the chart and the chat summary). */
export interface CurrentRow {
  group: string;
  people: number | null;
  active: number | null;
  share: number | null;
  suppressed: boolean;
  hidden: Hidden | null;
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
  hidden: Hidden | null;
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

const hideGroups = (cells: CrossGroupSize[]) =>
  suppressDimensions(DIMENSIONS, cells.map((c) => ({ groups: { department: c.department, organization: c.organization, education: c.education, teamleader: c.teamleader }, people: c.people })));

const row = (group: string, people: number, active: number, hidden: Hidden | null) => ({
  group,
  people: hidden === 'small' ? null : people,
  active: hidden ? null : active,
  share: hidden ? null : percent(active, people),
  suppressed: hidden !== null,
  hidden,
});

/**
 * Figures of finished weeks as first reported (frozen for every dimension at once, with the suppression decided
 * then), so a later report shows the same: nobody's joining or leaving a group can be read from the difference.
 */
async function finishedWeeks(repo: EngagementReportRepository, weeks: (Span & { label: string })[], now: Date): Promise<FrozenWeek[]> {
  const done = weeks.filter((w) => w.end.getTime() <= now.getTime());
  const labels = done.map((w) => w.label);
  const frozen = await repo.frozenWeeks(labels);
  const missing = done.filter((w) => !frozen.some((f) => f.week === w.label));
  if (missing.length === 0) return frozen;
  const cells = await repo.crossGroupSizes();
  const hidden = hideGroups(cells);
  const rows: FrozenWeek[] = [];
  for (const dimension of DIMENSIONS) {
    const sizes = new Map<string, number>();
    for (const c of cells) sizes.set(c[dimension], (sizes.get(c[dimension]) ?? 0) + c.people);
    const activity = await repo.activeByGroup(dimension, missing);
    for (const [i, w] of missing.entries()) {
      for (const [group, people] of sizes) {
        const active = activity.find((a) => a.group === group && a.span === i)?.active ?? 0;
        rows.push({ dimension, group, week: w.label, people, active, hidden: hidden[dimension]!.get(group) ?? null });
      }
    }
  }
  await repo.freezeWeeks(rows, now);
  return repo.frozenWeeks(labels);
}

/**
 * Engagement by group over time and per campaign variant, with the suppression rule of suppression.ts applied to
 * every figure of a group (or variant). There is no total row: with one small group hidden, a total would give
 * it away.
 */
export async function buildReport(
  repo: EngagementReportRepository,
  opts: { dimension: Dimension; weeks: number; activityWeeks: number; now: Date; timezone: string },
): Promise<EngagementReport> {
  const weeks = lastWeeks(opts.now, opts.weeks, opts.timezone);
  const rolling: Span = { start: startOfLocalDay(opts.now, opts.timezone, -7 * opts.activityWeeks), end: opts.now };
  const [cells, activity, variants, frozen] = await Promise.all([
    repo.crossGroupSizes(),
    repo.activeByGroup(opts.dimension, [...weeks, rolling]),
    repo.campaignVariants(FOLLOW_UP_DAYS),
    finishedWeeks(repo, weeks, opts.now),
  ]);
  const hidden = hideGroups(cells)[opts.dimension]!;
  const sizes = new Map<string, number>();
  for (const c of cells) sizes.set(c[opts.dimension], (sizes.get(c[opts.dimension]) ?? 0) + c.people);
  const activeIn = (group: string, span: number) => activity.find((a) => a.group === group && a.span === span)?.active ?? 0;
  const mine = frozen.filter((f) => f.dimension === opts.dimension);
  const groups = [...new Set([...sizes.keys(), ...mine.map((f) => f.group)])].sort((a, b) => a.localeCompare(b, 'nl'));
  const engagement = groups.flatMap((g) =>
    weeks.map((w, i) => {
      if (w.end.getTime() > opts.now.getTime()) return { ...row(g, sizes.get(g) ?? 0, activeIn(g, i), sizes.has(g) ? (hidden.get(g) ?? null) : 'small'), week: w.label };
      const f = mine.find((x) => x.group === g && x.week === w.label);
      return { ...row(g, f?.people ?? 0, f?.active ?? 0, f ? f.hidden : 'small'), week: w.label };
    }),
  );
  const current = groups.filter((g) => sizes.has(g)).map((g) => row(g, sizes.get(g)!, activeIn(g, weeks.length), hidden.get(g) ?? null));
  const sorted = [...variants].sort((a, b) => a.campaignKey.localeCompare(b.campaignKey) || a.variant.localeCompare(b.variant));
  const hiddenVariants = suppressVariants(sorted);
  const campaigns = sorted.map((v): CampaignRow => {
    const h: Hidden | null = hiddenVariants.has(v) ? (v.sent < MIN_GROUP ? 'small' : 'complement') : null;
    return {
      campaign: v.campaignKey,
      name: v.campaignName,
      variant: v.variant,
      sent: h ? null : v.sent,
      clicked: h ? null : v.clicked,
      clickShare: h ? null : percent(v.clicked, v.sent),
      activeAfter: h ? null : v.activeAfter,
      activeAfterShare: h ? null : percent(v.activeAfter, v.sent),
      suppressed: h !== null,
      hidden: h,
    };
  });
  return { dimension: opts.dimension, weeks: weeks.map((w) => w.label), activityWeeks: opts.activityWeeks, engagement, current, campaigns };
}
