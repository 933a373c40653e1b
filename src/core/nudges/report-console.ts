import { DomainError } from '../errors.js';
import { hasRole, type Actor } from '../people/person.js';
import { reportChart, type BarChart } from './chart.js';
import type { NudgesDeps } from './deps.js';
import type { EngagementReport } from './report.js';
import { report } from './report-message.js';
import type { Dimension } from './report-repository.js';
import { translator, type MessageKey } from './texts.js';

export interface ConsoleReport {
  report: EngagementReport;
  chart: BarChart;
  /** HR sees every group; a team leader only their own department's row, with the same suppression. */
  scope: 'all' | 'team';
  dimension: Dimension;
}

/**
 * The engagement report for the console. The figures are the report HR gets in chat, suppression included; a team
 * leader gets the row of their own department out of that same report (so a group under 5 stays hidden for them).
 */
export async function consoleReport(ctx: NudgesDeps, actor: Actor, dimension: Dimension): Promise<ConsoleReport> {
  const tr = translator(actor.locale);
  const me = actor.person;
  const hr = hasRole(me, 'HR');
  if (!hr && !hasRole(me, 'MANAGER')) throw new DomainError('forbidden');
  // A team leader's own team: the people whose team leader they are, in the same suppressed report.
  const dim: Dimension = hr ? dimension : 'teamleader';
  const full = await report(ctx, dim);
  // The report names a team leader by name, or by name and e-mail address when another team leader has that name.
  const mine = new Set([me.name, `${me.name} (${me.email ?? me.id})`].map((n) => n.trim().toLowerCase()));
  const team = (g: string) => g.trim() !== '' && mine.has(g.trim().toLowerCase());
  const r: EngagementReport = hr
    ? full
    : { ...full, current: full.current.filter((c) => team(c.group)), engagement: full.engagement.filter((e) => team(e.group)), campaigns: [] };
  const named = { ...r, current: r.current.map((c) => ({ ...c, group: c.group || tr('report.unknown_group') })) };
  return { report: named, chart: reportChart(named, tr, tr(`report.dimension.${dim}` as MessageKey), actor.locale), scope: hr ? 'all' : 'team', dimension: dim };
}
